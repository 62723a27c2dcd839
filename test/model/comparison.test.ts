import { describe, expect, it } from 'vitest';
import { isNumeric, parseComparison } from '../../src/model/comparison.js';

describe('parseComparison', () => {
  it('splits the shorthand at the operator outside references', () => {
    expect(parseComparison('{{tasks.flip.outputs.output}} == heads')).toEqual({ left: '{{tasks.flip.outputs.output}}', operator: '==', right: 'heads' });
  });
  it('prefers two-character operators', () => {
    expect(parseComparison('{{params.a}} <= 3')).toEqual({ left: '{{params.a}}', operator: '<=', right: '3' });
    expect(parseComparison('{{params.a}}>=3')).toEqual({ left: '{{params.a}}', operator: '>=', right: '3' });
    expect(parseComparison('{{params.a}} != x')).toMatchObject({ operator: '!=' });
  });
  it('unquotes quoted literals, which may hold spaces and operators', () => {
    expect(parseComparison(`{{params.a}} == 'a < b'`)).toEqual({ left: '{{params.a}}', operator: '==', right: 'a < b' });
    expect(parseComparison(`"x == y" != {{params.a}}`)).toEqual({ left: 'x == y', operator: '!=', right: '{{params.a}}' });
  });
  it('reads the object form, printing numbers and booleans', () => {
    expect(parseComparison({ left: '{{params.n}}', operator: '>', right: 10 })).toEqual({ left: '{{params.n}}', operator: '>', right: '10' });
    expect(parseComparison({ left: true, operator: '==', right: '{{params.b}}' })).toEqual({ left: 'true', operator: '==', right: '{{params.b}}' });
  });
  it('reports a missing operator, a missing operand and a second operator', () => {
    expect(parseComparison('{{params.a}} heads')).toEqual({ error: "'{{params.a}} heads' has no comparison operator (==, !=, <, <=, >, >=)" });
    expect(parseComparison('== heads')).toHaveProperty('error');
    expect(parseComparison('{{params.a}} == b == c')).toHaveProperty('error');
    expect(parseComparison({ left: 'a', operator: '=~', right: 'b' })).toHaveProperty('error');
  });
});

describe('isNumeric', () => {
  it('accepts integers, decimals and exponents, and nothing else', () => {
    for (const n of ['1', '-2', '+3.5', '.5', '1e3', '10\n']) expect(isNumeric(n)).toBe(true);
    for (const s of ['heads', '', 'nan', 'inf', '1_000', '0x10', '1.2.3']) expect(isNumeric(s)).toBe(false);
  });
});
