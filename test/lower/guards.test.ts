import { describe, expect, it } from 'vitest';
import { propagateGuards } from '../../src/lower/guards.js';
import type { PipelineTaskIR, WhenIR } from '../../src/lower/ir.js';

const task = (name: string, runAfter: string[] = [], when: WhenIR[] = []): PipelineTaskIR => ({
  name, params: [], runAfter, when, body: { kind: 'custom', task: { apiVersion: 'x/v1', kind: 'X', spec: {} } },
});
const guard = (v: string): WhenIR => ({ input: '$(tasks.c.results.outcome)', operator: 'in', values: [v] });

describe('propagateGuards', () => {
  it('copies the guards of runAfter targets, transitively and in any order', () => {
    const out = propagateGuards([task('c', ['b']), task('b', ['a']), task('a', [], [guard('true')])]);
    expect(out.map((t) => t.when)).toEqual([[guard('true')], [guard('true')], [guard('true')]]);
  });
  it('adds each guard once and keeps the task\'s own first', () => {
    const out = propagateGuards([task('a', [], [guard('1')]), task('b', [], [guard('2')]), task('d', ['a', 'b'], [guard('1')])]);
    expect(out[2]!.when).toEqual([guard('1'), guard('2')]);
  });
  it('leaves unguarded dependencies alone and survives a cycle', () => {
    const plain = task('x', ['y']);
    expect(propagateGuards([plain, task('y')])[0]).toBe(plain);
    expect(propagateGuards([task('p', ['q']), task('q', ['p'])])).toHaveLength(2);
  });
  it('copies a guard down a runAfter chain of 100,000 tasks (an explicit stack, not recursion)', () => {
    const n = 100_000;
    const tasks = Array.from({ length: n }, (_, k) => (k + 1 < n ? task(`t${k}`, [`t${k + 1}`]) : task(`t${k}`, [], [guard('on')])));
    const out = propagateGuards(tasks);
    expect(out.every((t) => t.when.length === 1 && t.when[0]!.values?.[0] === 'on')).toBe(true);
  });
});
