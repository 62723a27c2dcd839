import { describe, expect, it } from 'vitest';
import type { PipelineIR, PipelineTaskIR, TaskSpecIR } from '../../src/lower/ir.js';
import { V1Writer } from '../../src/emit/toV1.js';

const taskSpec: TaskSpecIR = {
  params: [{ name: 'msg' }, { name: 'count', default: '1', description: 'how many' }, { name: 'list', type: 'array' }],
  results: [],
  steps: [{ name: 'main', image: 'alpine', args: ['$(inputs.params.msg)'] }],
  metadata: { labels: {}, annotations: {} },
};
const plain: PipelineTaskIR = { name: 'say', params: [], body: { kind: 'embedded', spec: taskSpec }, runAfter: [], when: [] };
const nested = (name: string, pipeline: PipelineIR, kind = 'PipelineLoop'): PipelineTaskIR => ({
  name,
  params: [],
  body: { kind: 'nested', task: { apiVersion: 'custom.tekton.dev/v1alpha1', kind, resourceName: `run-${name}`, specFields: { iterateParam: 'item' }, pipeline } },
  runAfter: [],
  when: [],
});
const inner: PipelineIR = { params: [{ name: 'item' }, { name: 'typed', type: 'string' }], tasks: [plain], finally: [] };
// A loop, and a custom group holding a loop.
const run: PipelineIR = { params: [{ name: 'top' }], tasks: [plain, nested('loop', inner), nested('group', { ...inner, tasks: [nested('inner-loop', inner)] }, 'RetryGroup')], finally: [] };

const TYPED = [{ name: 'msg', type: 'string' }, { name: 'count', type: 'string', default: '1', description: 'how many' }, { name: 'list', type: 'array' }];

describe('V1Writer', () => {
  it('leaves the types of the run\'s own pipeline to Tekton\'s defaults', () => {
    const spec = new V1Writer({ separateNested: false }).pipelineSpec(run);
    expect(spec.params).toEqual([{ name: 'top' }]);
    expect(spec.tasks[0]!.taskSpec!.params).toEqual(taskSpec.params);
  });

  it('writes an explicit type on every param spec of a nested pipeline, at every depth, embedded or separate', () => {
    for (const separateNested of [false, true]) {
      const writer = new V1Writer({ separateNested });
      const spec = writer.pipelineSpec(run);
      const found: unknown[] = [];
      for (const source of [spec, ...writer.resources]) collectNestedParams(source, false, found);
      // Three nested pipelines (item, typed), two of them with the task (msg, count, list).
      expect(found).toHaveLength(3 * 2 + 2 * 3);
      expect(found.filter((p) => (p as { type?: string }).type === undefined)).toEqual([]);
      // The writer leaves the nested depth when done: the run's own pipeline is untouched afterwards.
      expect(writer.pipelineSpec(run).tasks[0]!.taskSpec!.params).toEqual(taskSpec.params);
    }
  });

  it('writes name, type, default, description in that order', () => {
    const spec = new V1Writer({ separateNested: false }).pipelineSpec(run);
    const loop = spec.tasks[1]!.taskSpec!.spec as { pipelineSpec: { tasks: { taskSpec: { params: object[] } }[] } };
    expect(Object.keys(loop.pipelineSpec.tasks[0]!.taskSpec.params[1]!)).toEqual(['name', 'type', 'default', 'description']);
  });
});

/** The param specs of pipelines inside custom tasks (pipeline params and their tasks' params). */
function collectNestedParams(value: unknown, inCustom: boolean, found: unknown[]): void {
  if (Array.isArray(value)) return value.forEach((v) => collectNestedParams(v, inCustom, found));
  if (typeof value !== 'object' || value === null) return;
  const o = value as Record<string, unknown>;
  const custom = inCustom || (typeof o.apiVersion === 'string' && o.apiVersion.startsWith('custom.'));
  if (custom && Array.isArray(o.params) && (o.tasks || o.steps)) found.push(...o.params);
  for (const v of Object.values(o)) collectNestedParams(v, custom, found);
}
