import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../src/util/suggest.js';

describe('suggest', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('ehco', 'echo')).toBe(1);
    expect(editDistance('retries', 'retires')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only close candidates, case-insensitively', () => {
    expect(closest('Compnent', ['component', 'arguments'])).toBe('component');
    expect(closest('zzz', ['component'])).toBeUndefined();
  });

  it('lists the candidates when none is close, and says nothing without candidates', () => {
    expect(didYouMean('retires', ['retries', 'timeout'])).toBe("Did you mean 'retries'?");
    expect(didYouMean('x', ['alpha', 'beta'])).toBe('Expected one of: alpha, beta.');
    expect(didYouMean('x', [])).toBe('');
  });
});
