import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance, fieldHint, nearestFirst } from '../../src/util/suggest.js';

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

  it('lists every field, nearest first, when no field is close', () => {
    const fields = ['affinity', 'automountServiceAccountToken', 'dnsConfig', 'dnsPolicy', 'enableServiceLinks', 'env', 'hostAliases', 'hostNetwork', 'imagePullSecrets', 'nodeSelector', 'priorityClassName', 'runtimeClassName', 'schedulerName', 'securityContext'];
    const hint = fieldHint('hostUsers', fields);
    expect(hint).toBe(`Fields here, nearest first: ${nearestFirst('hostUsers', fields).join(', ')}.`);
    expect(hint).not.toContain('…');
    expect(nearestFirst('hostUsers', fields).slice(0, 2)).toEqual(['hostAliases', 'hostNetwork']);
    expect(fieldHint('dnsConfg', fields)).toBe("Did you mean 'dnsConfig'?");
    expect(fieldHint('x', [])).toBe('');
  });

  it('orders by distance, ties as given', () => {
    expect(nearestFirst('ab', ['xy', 'ab', 'ax', 'xb'])).toEqual(['ab', 'ax', 'xb', 'xy']);
  });
});
