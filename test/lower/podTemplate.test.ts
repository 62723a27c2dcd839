import { describe, expect, it } from 'vitest';
import type { PipelineConfig, Task } from '../../src/generated/pipeline.js';
import { mergeByName, runPodTemplate, taskPodTemplate, volumeNames } from '../../src/lower/podTemplate.js';
import { compileSpec } from '../specs.js';

const task = (fields: Partial<Task>): Task => ({ component: 'c', ...fields });

describe('runPodTemplate', () => {
  it('is undefined when config sets no pod setting', () => {
    expect(runPodTemplate({})).toBeUndefined();
    expect(runPodTemplate({ timeout: '1h', env: {}, nodeSelector: {} })).toBeUndefined();
  });

  it('writes the shorthand fields first, then podTemplate as written', () => {
    const config: PipelineConfig = {
      podTemplate: { priorityClassName: 'batch', dnsConfig: { nameservers: ['10.0.0.10'] } },
      env: { A: '1' },
      imagePullSecrets: ['regcred'],
    };
    expect(runPodTemplate(config)).toEqual({ env: [{ name: 'A', value: '1' }], imagePullSecrets: [{ name: 'regcred' }], priorityClassName: 'batch', dnsConfig: { nameservers: ['10.0.0.10'] } });
    expect(Object.keys(runPodTemplate(config)!)).toEqual(['env', 'imagePullSecrets', 'priorityClassName', 'dnsConfig']);
  });

  it('is computed once per config', () => {
    const config: PipelineConfig = { podTemplate: { schedulerName: 'volcano' } };
    expect(runPodTemplate(config)).toBe(runPodTemplate(config));
  });
});

describe('taskPodTemplate', () => {
  it('is undefined for a task without pod template fields', () => {
    expect(taskPodTemplate(task({ env: { A: '1' } }), { env: [{ name: 'B', value: '2' }] })).toBeUndefined();
  });

  it('joins the shorthand fields and podTemplate', () => {
    expect(taskPodTemplate(task({ nodeSelector: { pool: 'gpu' }, podTemplate: { hostNetwork: true } }), undefined)).toEqual({ nodeSelector: { pool: 'gpu' }, hostNetwork: true });
  });

  it('merges env and volumes with the run\'s by name, the task\'s entries first and winning', () => {
    const run = { env: [{ name: 'A', value: 'run' }, { name: 'B', value: 'run' }], volumes: [{ name: 'v', emptyDir: {} }], priorityClassName: 'batch' };
    const own = taskPodTemplate(task({ podTemplate: { env: [{ name: 'B', value: 'task' }, { name: 'C', value: 'task' }], volumes: [{ name: 'w', emptyDir: {} }] } }), run);
    expect(own).toEqual({
      env: [{ name: 'B', value: 'task' }, { name: 'C', value: 'task' }, { name: 'A', value: 'run' }],
      volumes: [{ name: 'w', emptyDir: {} }, { name: 'v', emptyDir: {} }],
    });
  });

  it('leaves the run\'s other fields to Tekton (a task field replaces the run\'s)', () => {
    expect(taskPodTemplate(task({ podTemplate: { priorityClassName: 'high' } }), { priorityClassName: 'batch', env: [{ name: 'A', value: '1' }] })).toEqual({ priorityClassName: 'high' });
  });
});

describe('mergeByName', () => {
  it('is Tekton v1.0\'s mergeByName', () => {
    expect(mergeByName([{ name: 'a' }, { name: 'b' }], [])).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(mergeByName([{ name: 'a' }, { name: 'b' }], [{ name: 'b' }, { name: 'c' }])).toEqual([{ name: 'b' }, { name: 'c' }, { name: 'a' }]);
  });
});

describe('volumeNames', () => {
  it('reads names tolerantly', () => {
    expect([...volumeNames(undefined)]).toEqual([]);
    expect([...volumeNames({ volumes: [{ name: 'a' }, null, { name: 3 }] as never })]).toEqual(['a']);
  });
});

describe('pod templates in the manifests', () => {
  const components = { c: { implementation: { container: { image: 'busybox' } } } };
  const run = (spec: Record<string, unknown>) => {
    const result = compileSpec({ components, ...spec });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    return result.manifests[0]!.object.spec as Record<string, unknown>;
  };

  it('puts config.podTemplate into taskRunTemplate and a task\'s into its taskRunSpecs entry', () => {
    const spec = run({ tasks: { t: { component: 'c', podTemplate: { hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }] } } }, config: { podTemplate: { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.0.0.10'] } } } });
    expect(spec.taskRunTemplate).toEqual({ podTemplate: { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.0.0.10'] } } });
    expect(spec.taskRunSpecs).toEqual([{ pipelineTaskName: 't', podTemplate: { hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }] } }]);
  });

  it('v1beta1: the run\'s podTemplate and the task\'s taskPodTemplate', () => {
    const result = compileSpec({ components, tasks: { t: { component: 'c', podTemplate: { schedulerName: 'volcano' } } }, config: { podTemplate: { priorityClassName: 'batch' } } }, { apiVersion: 'v1beta1' });
    const spec = result.manifests[0]!.object.spec as Record<string, unknown>;
    expect(spec.podTemplate).toEqual({ priorityClassName: 'batch' });
    expect(spec.taskRunSpecs).toEqual([{ pipelineTaskName: 't', taskPodTemplate: { schedulerName: 'volcano' } }]);
  });

  it('takes a task\'s podTemplate nodeSelector and tolerations as its own under taskDefaults', () => {
    const spec = run({
      tasks: { t: { component: 'c', podTemplate: { nodeSelector: { pool: 'gpu' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] } } },
      config: { taskDefaults: [{ nodeSelector: { zone: 'a', pool: 'cpu' }, tolerations: [{ key: 'spot', operator: 'Exists' }] }] },
    });
    expect(spec.taskRunSpecs).toEqual([{ pipelineTaskName: 't', podTemplate: { tolerations: [{ key: 'spot', operator: 'Exists' }, { key: 'gpu', operator: 'Exists' }], nodeSelector: { zone: 'a', pool: 'gpu' } } }]);
  });
});
