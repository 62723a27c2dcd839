import { describe, expect, it } from 'vitest';
import { expressibleAsWhen } from '../../src/lower/conditionMode.js';

describe('expressibleAsWhen', () => {
  it('allows == and != against a literal that is not a number', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'heads' })).toBe(true);
    expect(expressibleAsWhen({ left: 'tails', operator: '!=', right: '{{params.a}}' })).toBe(true);
  });
  it('keeps the condition task where KFP compares numbers or Tekton cannot compare', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '10' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '{{params.b}}' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '<', right: 'm' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'x ' })).toBe(false);
  });
});
