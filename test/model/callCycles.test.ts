import { describe, expect, it } from 'vitest';
import { graphsOnCycles } from '../../src/model/callCycles.js';

const cyclesOf = (calls: Record<string, string[]>) => [...graphsOnCycles(Object.keys(calls), (graph) => calls[graph] ?? [])].sort();

describe('graphsOnCycles', () => {
  it('finds a graph calling itself and graphs calling each other', () => {
    expect(cyclesOf({ self: ['self'], a: ['b'], b: ['c'], c: ['a'] })).toEqual(['a', 'b', 'c', 'self']);
  });

  it('leaves out graphs that only lead into a cycle or away from one', () => {
    expect(cyclesOf({ entry: ['loop'], loop: ['loop', 'exit'], exit: [], lone: [] })).toEqual(['loop']);
  });

  it('leaves out graphs called twice without a cycle (a diamond)', () => {
    expect(cyclesOf({ top: ['left', 'right'], left: ['bottom'], right: ['bottom'], bottom: [] })).toEqual([]);
  });

  it('walks a chain of 100,000 graphs without exhausting the call stack, and finds the cycle at its end', () => {
    const n = 100_000;
    const calls: Record<string, string[]> = {};
    for (let i = 1; i < n; i++) calls[`g${i}`] = [`g${i + 1}`];
    calls[`g${n}`] = [`g${n - 1}`];
    expect(cyclesOf(calls)).toEqual([`g${n - 1}`, `g${n}`].sort());
  });
});
