import { describe, expect, it } from 'vitest';
import { compileSpec, pipelineTasks } from '../specs.js';

const produce = { outputs: [{ name: 'data' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'date > "$0"', { outputPath: 'data' }] } } };
const consume = { inputs: [{ name: 'data' }], implementation: { container: { image: 'alpine', command: ['cat', { inputPath: 'data' }] } } };
type LoopSpec = { pipelineSpec: { tasks: { name: string; params?: unknown[]; taskSpec: { spec?: LoopSpec } }[]; workspaces?: unknown }; taskRunSpecs?: unknown; workspaces?: { name: string }[] };
const loopSpec = (task: Record<string, unknown>) => (task.taskSpec as { spec: LoopSpec }).spec;

describe('nestedRun', () => {
  it('gives a PipelineLoop the task run specs of its body tasks, never the enclosing run', () => {
    const result = compileSpec({
      components: { consume },
      tasks: { l: { loop: { items: [1, 2] }, tasks: { c: { component: 'consume', arguments: { data: '{{item}}' }, nodeSelector: { pool: 'a' }, serviceAccount: 'sa' } } } },
    });
    expect(result.diagnostics).toEqual([]);
    const run = result.manifests[0]!.object.spec as { taskRunSpecs?: unknown };
    expect(run.taskRunSpecs).toBeUndefined();
    expect(loopSpec(pipelineTasks(result)[0]!).taskRunSpecs).toEqual([{ pipelineTaskName: 'c', serviceAccountName: 'sa', podTemplate: { nodeSelector: { pool: 'a' } } }]);
  });

  it('declares and binds the data-passing workspace in every loop between producer and consumer', () => {
    const result = compileSpec({
      components: { produce, consume },
      tasks: { p: { component: 'produce' }, outer: { loop: { items: [1] }, tasks: { inner: { loop: { items: [2] }, tasks: { c: { component: 'consume', arguments: { data: '{{tasks.p.outputs.data}}' } } } } } } },
    });
    expect(result.diagnostics).toEqual([]);
    const outer = loopSpec(pipelineTasks(result)[1]!);
    const inner = outer.pipelineSpec.tasks[0]!.taskSpec.spec!;
    for (const spec of [outer, inner]) {
      expect(spec.pipelineSpec.workspaces).toEqual([{ name: 'test' }]);
      expect(spec.workspaces?.map((w) => w.name)).toEqual(['test']);
    }
    // The producer's task run name reaches the consumer through the loops' params.
    expect(pipelineTasks(result)[1]!.params).toContainEqual({ name: 'p-taskrun-name', value: '$(tasks.p.results.taskrun-name)' });
    expect(inner.pipelineSpec.tasks[0]!.params).toEqual([{ name: 'p-trname', value: '$(params.p-taskrun-name)' }]);
  });

  it('gives a graph call\'s PipelineLoop the pod settings of the graph\'s tasks', () => {
    const result = compileSpec({
      components: { consume },
      graphs: { g: { tasks: { c: { component: 'consume', arguments: { data: 'x' }, tolerations: [{ key: 'k', operator: 'Exists' }] } } } },
      tasks: { call: { graph: 'g' } },
    });
    expect(result.diagnostics).toEqual([]);
    expect(loopSpec(pipelineTasks(result)[0]!).taskRunSpecs).toEqual([{ pipelineTaskName: 'c', podTemplate: { tolerations: [{ key: 'k', operator: 'Exists' }] } }]);
  });

  it('rejects pod settings and workspaces of tasks directly in a custom group', () => {
    const result = compileSpec({
      components: { produce, consume },
      tasks: { p: { component: 'produce' }, g: { group: { apiVersion: 'a.dev/v1', kind: 'G' }, tasks: { c: { component: 'consume', arguments: { data: '{{tasks.p.outputs.data}}' }, nodeSelector: { pool: 'a' } } } } },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unsupported-feature', 'unsupported-feature']);
  });
});

describe('nestedRun: run-wide pod template', () => {
  it('copies the run pod template to every PipelineLoop, whose runs do not get the outer run\'s', () => {
    const result = compileSpec({
      components: { consume },
      tasks: { l: { loop: { items: [1] }, tasks: { inner: { loop: { items: [2] }, tasks: { c: { component: 'consume', arguments: { data: '{{item}}' } } } } } } },
      config: { imagePullSecrets: ['creds'], env: { MODE: 'test' } },
    });
    expect(result.diagnostics).toEqual([]);
    const expected = { env: [{ name: 'MODE', value: 'test' }], imagePullSecrets: [{ name: 'creds' }] };
    const outer = loopSpec(pipelineTasks(result)[0]!) as LoopSpec & { podTemplate?: unknown };
    expect(outer.podTemplate).toEqual(expected);
    expect((outer.pipelineSpec.tasks[0]!.taskSpec.spec as LoopSpec & { podTemplate?: unknown }).podTemplate).toEqual(expected);
  });
});
