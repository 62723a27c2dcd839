import { describe, expect, it } from 'vitest';
import type { StepIR } from '../../src/lower/ir.js';
import { packResults, splitResults, TEKTON_HOME_RESULTS } from '../../src/lower/resultSizes.js';

const main: StepIR = { name: 'main', image: 'python', args: ['--a', '$(results.a.path)', '--b', '$(results.b.path)', '--c', '$(results.c.path)'] };

describe('resultSizes', () => {
  it('packs first-fit from the largest estimate into 2048-byte steps, as kfp-tekton does', () => {
    expect(packResults({ param1: 1500, param2A: 700, param3_b: 500, param4c: 900 }, ['param1', 'param2A', 'param3_b', 'param4c'])).toEqual([
      ['param1', 'param3-b'],
      ['param4c', 'param2A'],
    ]);
  });

  it('gives an estimate above the budget a step of its own and ignores names that are not outputs', () => {
    expect(packResults({ a: 2500, typo: 700, b: 500 }, ['a', 'b'])).toEqual([['b'], ['a']]);
  });

  it('leaves a task alone when everything fits one step', () => {
    const split = splitResults([main], [['a', 'b']]);
    expect(split.steps).toEqual([main]);
    expect(split.moved.size).toBe(0);
  });

  it('redirects later groups to the Tekton home and moves groups step by step', () => {
    const split = splitResults([main], [['a'], ['b'], ['c']]);
    expect(split.steps[0]!.args).toEqual(['--a', '$(results.a.path)', '--b', `${TEKTON_HOME_RESULTS}b`, '--c', `${TEKTON_HOME_RESULTS}c`]);
    expect(split.steps.slice(1).map((s) => [s.name, s.args![0]])).toEqual([
      ['copy-results-1', `mv ${TEKTON_HOME_RESULTS}b $(results.b.path);\nmv $(results.a.path) ${TEKTON_HOME_RESULTS}a;\n`],
      ['copy-results-2', `mv ${TEKTON_HOME_RESULTS}c $(results.c.path);\nmv $(results.b.path) ${TEKTON_HOME_RESULTS}b;\n`],
    ]);
    // Outputs of earlier groups end in the home directory; the last group's stay in results.
    expect([...split.moved]).toEqual([['a', `${TEKTON_HOME_RESULTS}a`], ['b', `${TEKTON_HOME_RESULTS}b`]]);
  });

  it('does not move outputs without an estimate', () => {
    const split = splitResults([main], [['a'], ['b']]);
    expect(split.steps[0]!.args).toContain('$(results.c.path)');
    expect(split.moved.has('c')).toBe(false);
  });
});
