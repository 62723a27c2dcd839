import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { compileSpec } from '../specs.js';

const LONG = 'a long message '.repeat(20) + 'that ends here';
const components = {
  work: {
    name: 'work',
    inputs: [{ name: 'msg', type: 'String' }],
    outputs: [{ name: 'out', type: 'String' }],
    implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo "$0" > $1', { inputValue: 'msg' }, { outputPath: 'out' }] } },
  },
};
const spec = {
  params: { message: { type: 'String', default: LONG } },
  components,
  tasks: {
    first: { component: 'work', arguments: { msg: '{{params.message}}' }, resources: { limits: { cpu: '500m', memory: '1Gi' } }, displayName: 'First' },
    second: { component: 'work', arguments: { msg: '{{tasks.first.outputs.out}}' }, timeout: '5m' },
  },
};

const documents = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as Record<string, any>);

describe('emit', () => {
  it('is deterministic: the same bytes across runs and working directories, long strings unfolded', () => {
    const first = compileSpec(spec, { kfpMetadata: true });
    const cwd = process.cwd();
    process.chdir(mkdtempSync(`${tmpdir()}/kft-`));
    try {
      expect(compileSpec(spec, { kfpMetadata: true }).text).toBe(first.text);
    } finally {
      process.chdir(cwd);
    }
    expect(first.text).toContain(`value: ${LONG}`);
  });

  it('writes tekton.dev/v1 by default: step computeResources and task displayName', () => {
    const [run] = documents(compileSpec(spec).text);
    expect(run!.apiVersion).toBe('tekton.dev/v1');
    const [first] = run!.spec.pipelineSpec.tasks;
    expect(first.displayName).toBe('First');
    expect(first.taskSpec.steps[0].computeResources).toEqual({ limits: { cpu: '500m', memory: '1Gi' } });
    expect(first.taskSpec.steps[0].resources).toBeUndefined();
  });

  it('writes v1beta1 on request: step resources, no computeResources', () => {
    const result = compileSpec({ ...spec, config: { timeout: 60 } }, { apiVersion: 'v1beta1' });
    const [run] = documents(result.text);
    expect(run!.apiVersion).toBe('tekton.dev/v1beta1');
    const step = run!.spec.pipelineSpec.tasks[0].taskSpec.steps[0];
    expect(step.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' } });
    expect(result.text).not.toContain('computeResources');
    expect(run!.spec.timeouts).toEqual({ pipeline: '360s', tasks: '60s' });
  });

  it('with layout pipeline writes a Pipeline and a PipelineRun that references it', () => {
    const [pipeline, run, ...rest] = documents(compileSpec(spec, { layout: 'pipeline' }).text);
    expect(rest).toEqual([]);
    expect(pipeline).toMatchObject({ apiVersion: 'tekton.dev/v1', kind: 'Pipeline', metadata: { name: 'test' } });
    expect(pipeline!.spec.tasks.map((t: { name: string }) => t.name)).toEqual(['first', 'second']);
    expect(run).toMatchObject({ kind: 'PipelineRun', spec: { pipelineRef: { name: 'test' } } });
    expect(run!.spec.pipelineSpec).toBeUndefined();
    expect(run!.spec.params).toEqual([{ name: 'message', value: LONG }]);
  });

  it('adds the KFP-Tekton metadata by default and leaves it all out with kfpMetadata: false', () => {
    const kfp = compileSpec(spec, { kfpMetadata: true }).text;
    expect(kfp).toContain('sidecar.istio.io/inject: "false"');
    expect(kfp).toContain('pipelines.kubeflow.org/pipeline_spec');
    expect(kfp).toContain('pipelines.kubeflow.org/cache_enabled: "true"');
    expect(kfp).toContain('pipelines.kubeflow.org/task_display_name: First');
    const plain = compileSpec(spec, { kfpMetadata: false }).text;
    expect(plain).not.toMatch(/kubeflow\.org|sidecar\.istio\.io|tekton\.dev\/(?:output|input)_artifacts|artifact_/);
    const [run] = documents(plain);
    expect(run!.metadata).toEqual({ name: 'test' });
    expect(run!.spec.pipelineSpec.tasks[0].taskSpec.metadata).toBeUndefined();
  });

  it('writes JSON on request, with the same content', () => {
    const yaml = documents(compileSpec(spec).text);
    const json = JSON.parse(compileSpec(spec, { format: 'json' }).text);
    expect(json).toEqual(yaml[0]);
    expect(parseYaml(compileSpec(spec, { format: 'json' }).text)).toEqual(json);
  });

  it('writes no timeouts unless the pipeline sets one; 0 means no timeout', () => {
    expect(documents(compileSpec(spec).text)[0]!.spec.timeouts).toBeUndefined();
    expect(documents(compileSpec({ ...spec, config: { timeout: 0 } }).text)[0]!.spec.timeouts).toEqual({ pipeline: '0s' });
    expect(documents(compileSpec({ ...spec, config: { timeout: '1h' } }).text)[0]!.spec.timeouts).toEqual({ pipeline: '3900s', tasks: '1h' });
  });

  it('shortens long task names to DNS-1123 labels of at most 63 characters, keeping references consistent', () => {
    const long = 'prepare-the-training-data-set-for-the-model-with-a-very-long-name';
    const tasks = {
      [`${long}-one`]: { component: 'work', arguments: { msg: 'x' } },
      [`${long}-two`]: { component: 'work', arguments: { msg: `{{tasks.${long}-one.outputs.out}}` } },
    };
    const result = compileSpec({ components, tasks });
    expect(result.diagnostics).toEqual([]);
    const [one, two] = documents(result.text)[0]!.spec.pipelineSpec.tasks;
    for (const name of [one.name, two.name]) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
    expect(one.name).not.toBe(two.name);
    expect(two.params).toEqual([{ name: `${one.name}-out`, value: `$(tasks.${one.name}.results.out)` }]);
    expect(compileSpec({ components, tasks }).text).toBe(result.text);
  });
});
