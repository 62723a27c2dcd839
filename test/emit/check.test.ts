import { describe, expect, it } from 'vitest';
import { checkPipelineSpec } from '../../src/emit/check.js';
import type * as v1 from '../../src/emit/tekton/v1.js';

const step = (name: string, extra: Partial<v1.Step> = {}): v1.Step => ({ name, image: 'alpine', ...extra });
const messages = (spec: v1.PipelineSpec) => checkPipelineSpec(spec, 'run').map((d) => [d.code, d.message]);

describe('checkPipelineSpec', () => {
  it('accepts a valid pipeline', () => {
    expect(messages({
      params: [{ name: 'p' }],
      tasks: [
        { name: 'a', taskSpec: { results: [{ name: 'out' }], steps: [step('main')] } },
        { name: 'b', params: [{ name: 'x', value: '$(tasks.a.results.out) $(params.p)' }], taskSpec: { params: [{ name: 'x' }], steps: [step('main', { args: ['$(inputs.params.x)'] })] } },
      ],
      finally: [{ name: 'f', params: [{ name: 'y', value: '$(tasks.a.results.out)' }], taskSpec: { params: [{ name: 'y' }], steps: [step('main')] } }],
    })).toEqual([]);
  });

  it('reports every broken Tekton constraint as a tekton-constraint diagnostic', () => {
    const found = messages({
      tasks: [
        { name: 'Bad_Name', taskSpec: { steps: [step('main')] } },
        { name: 'a', runAfter: ['b'], taskSpec: { results: [{ name: '-bad' }], steps: [step('main'), step('main')] } },
        { name: 'b', runAfter: ['a', 'nowhere'], params: [{ name: 'x', value: '$(tasks.a.results.missing) $(params.undeclared)' }], taskSpec: { steps: [step('main', { args: ['$(inputs.params.nope)'] })] } },
        { name: 'a', taskSpec: { steps: [step('main')] } },
      ],
      finally: [{ name: 'f', runAfter: ['a'], taskSpec: { steps: [step('main')] } }],
    }).map(([code, message]) => `${code}: ${message}`);
    expect(found).toEqual(expect.arrayContaining([
      "tekton-constraint: run: task name 'Bad_Name' is not a DNS-1123 label of at most 63 characters",
      "tekton-constraint: run: task name 'a' is used twice",
      "tekton-constraint: run: task 'a' has two steps named 'main'",
      "tekton-constraint: run: result name '-bad' of task 'a' does not match Tekton's pattern",
      "tekton-constraint: run: task 'b' runs after unknown task 'nowhere'",
      "tekton-constraint: run: task 'b' reads result 'missing' that task 'a' does not declare",
      "tekton-constraint: run: task 'b' reads undeclared pipeline param 'undeclared'",
      "tekton-constraint: run: task 'b' uses undeclared param 'nope'",
      "tekton-constraint: run: finally task 'f' has runAfter, which Tekton forbids",
    ]));
    expect(found.some((m) => m.includes('dependency cycle'))).toBe(true);
  });
});
