import { describe, expect, it } from 'vitest';
import { checkNestedRun, checkPipelineSpec, checkTaskRunSpecs } from '../../src/emit/check.js';
import type * as v1 from '../../src/emit/tekton/v1.js';
import { compileSpec } from '../specs.js';

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

  it('reports a param name declared or passed twice, which Tekton rejects', () => {
    expect(messages({
      params: [{ name: 'p' }, { name: 'p' }],
      tasks: [{ name: 'a', params: [{ name: 'x', value: '1' }, { name: 'x', value: '2' }], taskSpec: { params: [{ name: 'x' }, { name: 'x' }], steps: [step('main')] } }],
    }).map(([, message]) => message)).toEqual([
      "run: pipeline param 'p' is declared twice",
      "run: task 'a' passes param 'x' twice",
      "run: task 'a' declares param 'x' twice",
    ]);
  });
});

describe('checkPipelineSpec dependency cycles', () => {
  const chain = (n: number, back?: number): v1.PipelineSpec => ({
    tasks: Array.from({ length: n }, (_, i) => ({
      name: `t${i}`,
      ...(i > 0 || back !== undefined ? { runAfter: [i > 0 ? `t${i - 1}` : `t${back}`] } : {}),
      taskSpec: { steps: [step('main')] },
    })),
  });

  it('names the first cycle as a path that ends where it starts', () => {
    expect(messages(chain(4, 3))).toEqual([['tekton-constraint', 'run: dependency cycle: t0 → t3 → t2 → t1 → t0']]);
    expect(messages({ tasks: [{ name: 'a', runAfter: ['a'], taskSpec: { steps: [step('main')] } }] })).toEqual([['tekton-constraint', 'run: dependency cycle: a → a']]);
  });

  it('walks a chain of 50,000 tasks without running out of stack', () => {
    expect(messages(chain(50_000))).toEqual([]);
  });
});

describe('checkTaskRunSpecs', () => {
  const pipeline: v1.PipelineSpec = { tasks: [{ name: 'a', taskSpec: { steps: [step('main')] } }], finally: [{ name: 'f', taskSpec: { steps: [step('main')] } }] };

  it('accepts entries that name tasks and finally tasks of the pipeline', () => {
    expect(checkTaskRunSpecs([{ pipelineTaskName: 'a' }, { pipelineTaskName: 'f' }], pipeline, 'run')).toEqual([]);
  });

  it('rejects an entry naming a task of a nested pipeline (Tekton rejects the run)', () => {
    expect(checkTaskRunSpecs([{ pipelineTaskName: 'in-loop' }], pipeline, 'run').map((d) => `${d.code}: ${d.message}`)).toEqual([
      "tekton-constraint: run: taskRunSpecs name 'in-loop', which is not a task of this pipeline",
    ]);
  });

  it('checks the task run specs of an embedded PipelineLoop against its own pipeline', () => {
    const loop = (taskRunSpecs: v1.PipelineTaskRunSpec[]): v1.PipelineSpec => ({
      tasks: [{ name: 'loop', taskSpec: { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', spec: { pipelineSpec: pipeline, taskRunSpecs } } }],
    });
    expect(checkPipelineSpec(loop([{ pipelineTaskName: 'a' }]), 'run')).toEqual([]);
    expect(checkPipelineSpec(loop([{ pipelineTaskName: 'loop' }]), 'run').map((d) => d.message)).toEqual([
      "run → loop: taskRunSpecs name 'loop', which is not a task of this pipeline",
    ]);
  });
});

describe('pipelines inside custom tasks, which nothing defaults', () => {
  const body = (typed: boolean): v1.PipelineSpec => ({
    params: [{ name: 'item', ...(typed ? { type: 'string' as const } : {}) }],
    tasks: [{ name: 'say', params: [{ name: 'msg', value: '$(params.item)' }], taskSpec: { params: [{ name: 'msg', ...(typed ? { type: 'string' as const } : {}) }], steps: [step('main', { args: ['$(inputs.params.msg)'] })] } }],
  });
  const inTask = (kind: string, spec: Record<string, unknown>): v1.PipelineSpec => ({
    params: [{ name: 'top' }],
    tasks: [{ name: 'nested', taskSpec: { apiVersion: 'custom.tekton.dev/v1alpha1', kind, spec } }],
  });

  it('accepts params with types there, and leaves the run\'s own params to Tekton\'s defaults', () => {
    expect(messages(inTask('PipelineLoop', { iterateParam: 'item', parallelism: 2, pipelineSpec: body(true) }))).toEqual([]);
  });

  it('reports a param spec without type in a PipelineLoop or custom group, embedded or separate', () => {
    const expected = [
      "run → nested: pipeline param 'item' has no type, which nothing fills in inside a custom task",
      "run → nested: param 'msg' of task 'say' has no type, which nothing fills in inside a custom task",
    ];
    for (const kind of ['PipelineLoop', 'RetryGroup']) {
      expect(checkPipelineSpec(inTask(kind, { pipelineSpec: body(false) }), 'run').map((d) => `${d.code}: ${d.message}`)).toEqual(expected.map((m) => `tekton-constraint: ${m}`));
    }
    expect(checkNestedRun({ pipelineSpec: body(false) }, 'run → nested', { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop' }).map((d) => d.message)).toEqual(expected);
  });

  it('says where to correct a hand-written custom resource the spec embeds, which kft copies as written', () => {
    const loop = { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop', name: 'each', taskSpec: { iterateParam: 'item', pipelineSpec: body(false) } };
    const result = compileSpec({ components: { loop: { implementation: { customTask: loop } } }, tasks: { each: { component: 'loop' } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['tekton-constraint', 'tekton-constraint']);
    expect(result.diagnostics[0]?.hint).toContain("a customTask component's spec), correct it there");
  });

  it('reports a PipelineLoop field that kfp-tekton\'s PipelineLoop does not have', () => {
    const spec = { iterateParam: 'item', itemPassStyle: 'file', pipelineSpec: body(true) };
    expect(messages(inTask('PipelineLoop', spec))).toEqual([['tekton-constraint', "run → nested: PipelineLoop field 'itemPassStyle' is not a field of kfp-tekton's PipelineLoop"]]);
    expect(checkNestedRun(spec, 'loop', { apiVersion: 'custom.tekton.dev/v1alpha1', kind: 'PipelineLoop' }).map((d) => d.message)).toEqual(["loop: PipelineLoop field 'itemPassStyle' is not a field of kfp-tekton's PipelineLoop"]);
    // Another kind's spec is its controller's business.
    expect(messages(inTask('RetryGroup', spec))).toEqual([]);
  });
});
