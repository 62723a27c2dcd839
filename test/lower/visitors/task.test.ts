/**
 * lowerTask. Container tasks also carry hostile strings (quotes, $(...), backticks, newlines, {{, unicode, YAML
 * indicators) through every user-controlled field unchanged: nothing is executed at compile time,
 * values reach steps as list elements or params (never spliced into a script), and the one script
 * kft generates (copying fileOutputs into results) quotes the path so the shell reads it literally.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileSpec, pipelineTasks } from '../../specs.js';

const component = (container: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ implementation: { container: { image: 'alpine', ...container } }, ...extra });

describe('lowerTask', () => {
  it('runs the component as step main with params for references and results for outputs', () => {
    const result = compileSpec({
      params: { who: { default: 'me' } },
      components: {
        c: component({ command: ['sh', '-c', 'echo "$0" > $1', { inputValue: 'msg' }, { outputPath: 'Out_Data' }] }, { inputs: [{ name: 'msg' }], outputs: [{ name: 'Out_Data' }] }),
      },
      tasks: { t: { component: 'c', arguments: { msg: 'hi {{params.who}} and {{params.who}}' } } },
    });
    const [task] = pipelineTasks(result) as any[];
    expect(task.params).toEqual([{ name: 'who', value: '$(params.who)' }]);
    expect(task.taskSpec.params).toEqual([{ name: 'who' }]);
    expect(task.taskSpec.results).toEqual([{ name: 'Out-Data', type: 'string', description: '/tmp/outputs/Out_Data/data' }]);
    expect(task.taskSpec.steps).toEqual([{ name: 'main', image: 'alpine', command: ['sh', '-c', 'echo "$0" > $1', 'hi $(inputs.params.who) and $(inputs.params.who)', '$(results.Out-Data.path)'] }]);
  });

  it('uses input defaults, passes constants as text (objects as JSON), and drops unset optional inputs', () => {
    const result = compileSpec({
      components: { c: component({ args: [{ inputValue: 'n' }, { inputValue: 'obj' }, { inputValue: 'd' }, { inputValue: 'opt' }] }, { inputs: [{ name: 'n', type: 'Integer' }, { name: 'obj', type: 'JsonObject' }, { name: 'd', default: 'dflt' }, { name: 'opt', optional: true }] }) },
      tasks: { t: { component: 'c', arguments: { n: 3, obj: { a: [1, 2] } } } },
    });
    expect((pipelineTasks(result)[0] as any).taskSpec.steps[0].args).toEqual(['3', '{"a": [1, 2]}', 'dflt']);
  });

  it('replaces fileOutputs paths in the command line, else copies the file into the result', () => {
    const result = compileSpec({
      components: { c: component({ command: ['sh', '-c', 'echo 1 > /tmp/a.txt; echo 2 > /tmp/b.txt'], fileOutputs: { a: '/tmp/a.txt' } }, { outputs: [{ name: 'a' }, { name: 'b' }] }) },
      tasks: { t: { component: 'c' } },
    });
    const steps = (pipelineTasks(result)[0] as any).taskSpec.steps;
    expect(steps).toHaveLength(1);
    expect(steps[0].command[2]).toBe('echo 1 > $(results.a.path); echo 2 > /tmp/b.txt');
    const copied = compileSpec({
      components: { c: component({ command: ['produce'], fileOutputs: { b: '/tmp/b.txt' } }, { outputs: [{ name: 'b' }] }) },
      tasks: { t: { component: 'c' } },
    });
    const copiedSpec = (pipelineTasks(copied)[0] as any).taskSpec;
    expect(copiedSpec.steps[1]).toEqual({ name: 'copy-results', image: 'busybox', command: ['sh', '-ec', 'set -exo pipefail\ncp /tmp/b.txt $(results.b.path);\n'] });
    // The copy step is another container: the file's directory is shared through an emptyDir.
    expect(copiedSpec.volumes).toEqual([{ name: 'b', emptyDir: {} }]);
    expect(copiedSpec.stepTemplate).toEqual({ volumeMounts: [{ name: 'b', mountPath: '/tmp' }] });
  });

  it('mounts one emptyDir per directory of copied fileOutputs, with distinct volume names', () => {
    const result = compileSpec({
      components: { c: component({ command: ['produce'], fileOutputs: { out_a: '/tmp/a/data', 'Out-A': '/tmp/b/data', c: '/tmp/a/other' } }, { outputs: [{ name: 'out_a' }, { name: 'Out-A' }, { name: 'c' }] }) },
      tasks: { t: { component: 'c' } },
    });
    const spec = (pipelineTasks(result)[0] as any).taskSpec;
    expect(spec.volumes).toEqual([{ name: 'out-a', emptyDir: {} }, { name: 'out-a-2', emptyDir: {} }]);
    expect(spec.stepTemplate.volumeMounts).toEqual([{ name: 'out-a', mountPath: '/tmp/a' }, { name: 'out-a-2', mountPath: '/tmp/b' }]);
    expect(spec.steps[1].command[2]).toBe('set -exo pipefail\ncp /tmp/a/data $(results.out-a.path);\ncp /tmp/b/data $(results.Out-A.path);\ncp /tmp/a/other $(results.c.path);\n');
  });

  it('applies the task fields: env over the component env, image with references, retries, timeout, displayName, resources, pull policy', () => {
    const result = compileSpec({
      params: { tag: { default: 'v1' } },
      components: { c: component({ env: { A: 'component', B: 'kept' } }) },
      tasks: { t: { component: 'c', env: { A: 'task {{params.tag}}' }, image: 'img:{{params.tag}}', retries: 2, timeout: 90, displayName: 'T', resources: { limits: { cpu: 1, 'nvidia.com/gpu': 1 } }, imagePullPolicy: 'Always' } },
    });
    const [task] = pipelineTasks(result) as any[];
    expect(task).toMatchObject({ retries: 2, timeout: '90s', displayName: 'T' });
    expect(task.taskSpec.steps[0]).toEqual({
      name: 'main', image: 'img:$(inputs.params.tag)',
      env: [{ name: 'A', value: 'task $(inputs.params.tag)' }, { name: 'B', value: 'kept' }],
      computeResources: { limits: { cpu: '1', 'nvidia.com/gpu': '1' } },
      imagePullPolicy: 'Always',
    });
  });

  it('binds outputs as <task>-<output> params and derives runAfter only from after', () => {
    const result = compileSpec({
      components: { p: component({ command: [{ outputPath: 'out' }] }, { outputs: [{ name: 'out' }] }), c: component({ command: [{ inputValue: 'x' }] }, { inputs: [{ name: 'x' }] }) },
      tasks: { first: { component: 'p' }, other: { component: 'p' }, second: { component: 'c', arguments: { x: '{{tasks.first.outputs.out}}' }, after: ['other'] } },
    });
    const second = (pipelineTasks(result) as any[])[2];
    expect(second.params).toEqual([{ name: 'first-out', value: '$(tasks.first.results.out)' }]);
    expect(second.runAfter).toEqual(['other']);
  });

  it('labels the cache and the component digest only with KFP metadata', () => {
    const spec = { components: { c: component({}) }, tasks: { t: { component: 'c', caching: false, labels: { l: 'v' }, annotations: { a: 'b' } } } };
    const kfp = (pipelineTasks(compileSpec(spec, { kfpMetadata: true }))[0] as any).taskSpec.metadata;
    expect(kfp.labels).toEqual({ 'pipelines.kubeflow.org/cache_enabled': 'false', l: 'v' });
    expect(Object.keys(kfp.annotations)).toEqual(['pipelines.kubeflow.org/component_spec_digest', 'a']);
    expect((pipelineTasks(compileSpec(spec))[0] as any).taskSpec.metadata).toEqual({ labels: { l: 'v' }, annotations: { a: 'b' } });
  });

  it('copies workspace outputs and outputs moved by result sizes back into results in one step, in output order', () => {
    const spec = {
      components: {
        stats: component({ command: ['stats', { outputPath: 'mean' }, { outputPath: 'report' }, { outputPath: 'histogram' }] }, { outputs: [{ name: 'mean' }, { name: 'report' }, { name: 'histogram' }] }),
        show: component({ command: ['cat', { inputPath: 'report' }] }, { inputs: [{ name: 'report' }] }),
      },
      tasks: { stats: { component: 'stats', resultSizes: { mean: 1500, report: 100, histogram: 1800 } }, show: { component: 'show', arguments: { report: '{{tasks.stats.outputs.report}}' } } },
    };
    const steps = (pipelineTasks(compileSpec(spec, { kfpMetadata: true }))[0] as any).taskSpec.steps as { name: string; command: string[] }[];
    expect(steps.map((s) => s.name)).toEqual(['main', 'copy-results-1', 'output-taskrun-name', 'copy-results-artifacts']);
    expect(steps[3]!.command[2]!.split('\n').filter((l) => l.startsWith('copy_artifact '))).toEqual([
      'copy_artifact $(workspaces.stats.path)/artifacts/$ORIG_PR_NAME/$(context.taskRun.name)/report $(results.report.path)',
      'copy_artifact /tekton/home/tep-results/histogram $(results.histogram.path)',
    ]);
    // Without KFP metadata only the workspace output is copied (its consumers by value need it).
    const plain = (pipelineTasks(compileSpec(spec))[0] as any).taskSpec.steps as { name: string; command: string[] }[];
    expect(plain.filter((s) => s.name === 'copy-results-artifacts').map((s) => s.command[2]!.split('\n').filter((l) => l.startsWith('copy_artifact ')).length)).toEqual([1]);
  });
});

const work = mkdtempSync(join(tmpdir(), 'kft-hostile-'));
const marker = join(work, 'executed');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Strings that break naive quoting in shells, YAML, JSON or templates. */
const HOSTILE = [
  `it's "quoted" \\ back\\slash`,
  `$(touch ${marker})`,
  `\`touch ${marker}\``,
  `; touch ${marker} #`,
  `line one\nline two\n  indented: yes\n- item`,
  `{{"{{"}}not a reference}}`,
  'ünïcødé ✓ 😀 \u202e rtl \u0000 nul',
  '*alias &anchor !tag %directive @at',
  '---\n...',
  ' leading and trailing ',
  'null',
  'true',
  '0x1F',
  '',
];

/** What a hostile string means after kft's reference syntax (`{{"{{"}}` is a literal `{{`). */
const meaning = (s: string) => s.replaceAll('{{"{{"}}', '{{');

function hostileTask(value: string) {
  return compileSpec(
    {
      params: { p: { type: 'String', default: value, description: value } },
      components: {
        c: {
          name: value,
          description: value,
          inputs: [{ name: 'a', description: value }, { name: 'b', default: value }],
          outputs: [{ name: 'o', description: value }],
          implementation: { container: { image: 'alpine', command: ['sh', '-c', 'printf %s "$0" > "$1"', { inputValue: 'a' }, { outputPath: 'o' }, { inputValue: 'b' }], env: { FIXED: value } } },
        },
      },
      tasks: {
        t: {
          component: 'c',
          arguments: { a: `${value}{{params.p}}${value}` },
          displayName: value,
          env: { USER_ENV: value },
          annotations: { 'example.com/a': value },
        },
      },
    },
    { kfpMetadata: true },
  );
}

describe('hostile strings in container tasks', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 40), h]))('%s is carried through verbatim and nothing runs', (_, value) => {
    const result = hostileTask(value);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const task = pipelineTasks(result)[0] as { params: { name: string; value: string }[]; displayName?: string; taskSpec: { steps: { command: string[]; env: { name: string; value: string }[] }[]; metadata: { annotations: Record<string, string> } } };
    const step = task.taskSpec.steps[0]!;
    const text = meaning(value);
    // The argument stays one list element: text, a param reference, text.
    expect(step.command[3]).toBe(`${text}$(inputs.params.p)${text}`);
    expect(step.command[5]).toBe(value); // an input default is a constant, not a template
    expect(step.env).toEqual([{ name: 'FIXED', value }, { name: 'USER_ENV', value: text }]);
    expect(task.taskSpec.metadata.annotations['example.com/a']).toBe(value);
    if (value) expect(task.displayName).toBe(value);
    // The YAML text parses back to the same objects (quoting and block scalars are right).
    expect(parse(result.text)).toEqual(result.manifests[0]!.object);
    expect(existsSync(marker)).toBe(false);
  });

  it('JSON annotations hold hostile descriptions as JSON strings', () => {
    const value = HOSTILE[0]! + HOSTILE[4]!;
    const result = hostileTask(value);
    const annotations = (result.manifests[0]!.object.metadata as { annotations: Record<string, string> }).annotations;
    const spec = JSON.parse(annotations['pipelines.kubeflow.org/pipeline_spec']!) as { inputs: { default: string; description: string }[] };
    expect(spec.inputs[0]).toMatchObject({ default: value, description: value });
  });

  it('quotes fileOutputs paths in the generated copy script, so the shell reads them literally', () => {
    const path = join(work, `out it's $(touch pwned) \`touch pwned\` ; touch pwned; "x" \\ ✓.txt`);
    writeFileSync(path, 'the data');
    const result = compileSpec({
      components: { c: { outputs: [{ name: 'o' }], implementation: { container: { image: 'alpine', command: ['true'], fileOutputs: { o: path } } } } },
      tasks: { t: { component: 'c' } },
    });
    expect(result.diagnostics).toEqual([]);
    const steps = (pipelineTasks(result)[0] as { taskSpec: { steps: { name: string; command: string[] }[] } }).taskSpec.steps;
    const copy = steps.find((s) => s.name !== 'main')!;
    expect(copy.command.slice(0, 2)).toEqual(['sh', '-ec']);
    // Run the script as Tekton would (busybox sh; bash here, since dash lacks pipefail), with the
    // result path substituted.
    const target = join(work, 'result');
    const script = copy.command[2]!.replaceAll('$(results.o.path)', target);
    execFileSync('bash', ['-ec', script], { cwd: work });
    expect(readFileSync(target, 'utf8')).toBe('the data');
    expect(existsSync(join(work, 'pwned'))).toBe(false);
  });

  it('an input named like an Object.prototype member uses its default, not the prototype', () => {
    const result = compileSpec({
      components: { c: { inputs: [{ name: 'toString', default: 'd' }, { name: 'constructor', optional: true }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'toString' }, { inputValue: 'constructor' }] } } } },
      tasks: { t: { component: 'c' } },
    });
    expect(result.diagnostics).toEqual([]);
    const steps = (pipelineTasks(result)[0] as { taskSpec: { steps: { command: string[] }[] } }).taskSpec.steps;
    expect(steps[0]!.command).toEqual(['echo', 'd']);
  });
});

describe('lowerTask: a task of a graph component is its inlined tasks', () => {
  // A graph written inline, its tasks' components inline too (componentRef.spec): no files needed.
  const step = (name: string) => ({ name, inputs: [{ name: 'v' }], outputs: [{ name: 'o' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo "$0" > "$1"', { inputValue: 'v' }, { outputPath: 'o' }] } } });
  const graph = {
    inputs: [{ name: 'x' }],
    outputs: [{ name: 'result' }],
    implementation: {
      graph: {
        tasks: {
          A: { componentRef: { spec: step('A') }, arguments: { v: { graphInput: { inputName: 'x' } } } },
          B: { componentRef: { spec: step('B') }, arguments: { v: { taskOutput: { taskId: 'A', outputName: 'o' } } } },
        },
        outputValues: { result: { taskOutput: { taskId: 'B', outputName: 'o' } } },
      },
    },
  };
  const components = { g: graph, echo: step('echo') };
  type Lowered = { name: string; params?: { name: string; value: string }[]; when?: unknown[]; runAfter?: string[]; taskSpec?: { spec?: { pipelineSpec?: { tasks: Lowered[] } } } };

  it('lowers them into a loop body, reading the loop item there', () => {
    const result = compileSpec({ components, tasks: { each: { loop: { items: ['a', 'b'] }, tasks: { g: { component: 'g', arguments: { x: '{{item}}' } } } } } });
    expect(result.diagnostics).toEqual([]);
    const body = (pipelineTasks(result)[0] as Lowered).taskSpec!.spec!.pipelineSpec!.tasks;
    expect(body.map((t) => [t.name, t.params])).toEqual([
      ['g-a', [{ name: 'loop-item-each', value: '$(params.each-item)' }]],
      ['g-b', [{ name: 'g-a-o', value: '$(tasks.g-a.results.o)' }]],
    ]);
  });

  it('guards each with the conditions around the task, and a reader of its output reads the inner result', () => {
    const result = compileSpec({
      params: { go: { default: 'yes' } },
      components,
      tasks: {
        maybe: { if: '{{params.go}} == yes', tasks: { g: { component: 'g', arguments: { x: 'hi' } } } },
        after: { component: 'echo', arguments: { v: '{{tasks.g.outputs.result}}' } },
      },
    }, { conditions: 'when' });
    expect(result.diagnostics).toEqual([]);
    const tasks = pipelineTasks(result) as Lowered[];
    expect(tasks.map((t) => [t.name, t.when?.length ?? 0])).toEqual([['g-a', 1], ['g-b', 1], ['after', 0]]);
    expect(tasks[2]!.params).toEqual([{ name: 'g-b-o', value: '$(tasks.g-b.results.o)' }]);
  });

  it('lowers them into the pipeline of a spec graph that runs the component', () => {
    const result = compileSpec({ components, graphs: { wrap: { params: { p: {} }, tasks: { g: { component: 'g', arguments: { x: '{{params.p}}' } } } } }, tasks: { call: { graph: 'wrap', arguments: { p: 'v' } } } });
    expect(result.diagnostics).toEqual([]);
    const body = (pipelineTasks(result)[0] as Lowered).taskSpec!.spec!.pipelineSpec!.tasks;
    expect(body.map((t) => t.name)).toEqual(['g-a', 'g-b']);
  });

  it('cannot be a finally task whose inlined tasks read each other (Tekton: finally tasks read no finally results)', () => {
    const result = compileSpec({ components, tasks: { first: { component: 'echo', arguments: { v: 'x' } } }, finally: { g: { component: 'g', arguments: { x: 'y' } } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['finally-dependency']);
  });

  it('a task after a direct-when condition on a graph output waits for the inlined task that produces it, not for all', () => {
    // Two independent halves: `first` from a constant, `second` from the graph's input.
    const halves = {
      inputs: [{ name: 'i' }],
      outputs: [{ name: 'first' }, { name: 'second' }],
      implementation: { graph: { tasks: { A: { componentRef: { spec: step('A') }, arguments: { v: 'x' } }, B: { componentRef: { spec: step('B') }, arguments: { v: { graphInput: { inputName: 'i' } } } } }, outputValues: { first: { taskOutput: { taskId: 'A', outputName: 'o' } }, second: { taskOutput: { taskId: 'B', outputName: 'o' } } } } },
    };
    const result = compileSpec({
      components: { halves, echo: step('echo') },
      tasks: {
        g: { component: 'halves', arguments: { i: '{{tasks.later.outputs.o}}' } },
        check: { if: '{{tasks.g.outputs.first}} == done', tasks: { inside: { component: 'echo', arguments: { v: 'in' } } } },
        later: { component: 'echo', arguments: { v: 'x' }, after: ['check'] },
      },
    }, { conditions: 'when' });
    expect(result.diagnostics).toEqual([]);
    expect((pipelineTasks(result) as Lowered[]).find((t) => t.name === 'later')!.runAfter).toEqual(['g-a']);
  });
});
