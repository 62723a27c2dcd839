/**
 * A dependency chain as long as the input limits allow (no task-count limit: 100,000 tasks) compiles
 * end to end. The chain is written backwards (t1 runs after t2, …, the last task first), so every
 * depth-first walk over the dependencies — the cycle checks of validation and of emit's self-check,
 * guard propagation along runAfter — goes the whole chain deep: a walk that recursed once per link
 * would exhaust the call stack and surface as an internal error. Not timed.
 */
import { describe, expect, it } from 'vitest';
import { compileText, doc, pipelineTasks } from './specs.js';

const pass = 'components: {p: {inputs: [{name: i}], outputs: [{name: o}], implementation: {container: {image: alpine, command: [x, {inputValue: i}, {outputPath: o}]}}}}';
const N = 100_000;

describe('a chain of 100,000 tasks', () => {
  it('compiles when written backwards through after, with a guard carried down the whole chain', () => {
    // tN sits in a condition; t(N-1) runs after it, …, t1 after t2: each inherits tN's when expression.
    const chain = Array.from({ length: N - 1 }, (_, k) => `  t${k + 1}: {component: p, arguments: {i: x}, after: [t${k + 2}]}`);
    const text = doc(pass, 'params: {go: {type: String, default: "yes"}}', 'tasks:', ...chain, '  gate:', '    if: "{{params.go}} == yes"', '    tasks:', `      t${N}: {component: p, arguments: {i: x}}`);
    const result = compileText(text, {}, { conditions: 'when' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    const tasks = pipelineTasks(result) as { name: string; when?: { input: string }[] }[];
    expect(tasks).toHaveLength(N);
    expect(tasks.filter((t) => t.when?.[0]?.input !== '$(params.go)').map((t) => t.name)).toEqual([]);
  }, 600_000);

  it('compiles 50,000 conditions, each running after the next, lowered as direct whens', () => {
    // With direct whens a condition stands for its evaluation's inputs, found through the chain.
    const conditions = N / 2;
    const groups = Array.from({ length: conditions }, (_, k) => [
      `  c${k + 1}:`,
      `    if: "{{params.go}} == yes"`,
      ...(k + 1 < conditions ? [`    after: [c${k + 2}]`] : []),
      '    tasks:',
      `      t${k + 1}: {component: p, arguments: {i: x}}`,
    ]).flat();
    // Appended, not spread into doc(): 250,000 lines exceed the arguments a call can take.
    const text = doc(pass, 'params: {go: {type: String, default: "yes"}}', 'tasks:') + groups.map((line) => `  ${line}\n`).join('');
    const result = compileText(text, {}, { conditions: 'when' });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(pipelineTasks(result)).toHaveLength(conditions);
  }, 600_000);
});
