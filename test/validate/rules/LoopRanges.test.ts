import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = { echo: { inputs: [{ name: 'm' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'm' }] } } } };
const codes = (range: Record<string, unknown>) =>
  compileSpec({ params: { n: { default: '3' } }, components, tasks: { each: { loop: { range }, tasks: { t: { component: 'echo', arguments: { m: '{{item}}' } } } } } }).diagnostics.map((d) => d.code);

describe('LoopRanges', () => {
  it('accepts constant ranges the controller counts as written, also down with a negative step and of one value', () => {
    expect(codes({ start: 1, end: 3 })).toEqual([]);
    expect(codes({ end: 2 })).toEqual([]);
    expect(codes({ start: 3, end: 1, step: -1 })).toEqual([]);
    expect(codes({ start: '2', end: '2' })).toEqual([]);
    expect(codes({ start: 1, end: 2, step: 5 })).toEqual([]);
  });
  it('reports step 0, which the controller refuses, and a range that holds no integers, which it runs once', () => {
    expect(codes({ start: 1, end: 3, step: 0 })).toEqual(['invalid-loop-range']);
    expect(codes({ start: 3, end: 1 })).toEqual(['invalid-loop-range']);
    expect(codes({ start: '1', end: '3', step: '-1' })).toEqual(['invalid-loop-range']);
  });
  it('leaves bounds known only at run time alone', () => {
    expect(codes({ start: 3, end: '{{params.n}}' })).toEqual([]);
    expect(codes({ start: 3, end: 1, step: '{{params.n}}' })).toEqual([]);
  });
});
