import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  c: {implementation: {container: {image: x}}}'];

describe('PodTemplates', () => {
  it('reports a config field also set in config.podTemplate', () => {
    const text = doc(...component, 'tasks: {t: {component: c}}', 'config:', '  nodeSelector: {a: b}', '  automountServiceAccountToken: false', '  podTemplate: {nodeSelector: {a: c}, automountServiceAccountToken: true, schedulerName: s}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'nodeSelector: {a: c}')} pod-setting-conflict`, `${locate(text, 'automountServiceAccountToken: true')} pod-setting-conflict`]);
    expect(result.diagnostics[0]!.hint).toBe('Write it once: keep config.nodeSelector or config.podTemplate.nodeSelector.');
  });

  it('reports a task field also set in its podTemplate', () => {
    const text = doc(...component, 'tasks:', '  t:', '    component: c', '    affinity: {nodeAffinity: {}}', '    podTemplate: {affinity: {podAffinity: {}}, hostNetwork: true}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'affinity: {podAffinity')} pod-setting-conflict`]);
  });

  it('reports a task volume named like a volume of its pod template or of the run\'s', () => {
    const text = doc(
      ...component,
      'tasks:',
      '  t:',
      '    component: c',
      '    volumes: [{name: own, emptyDir: {}}, {name: run, emptyDir: {}}, {name: free, emptyDir: {}}]',
      '    podTemplate: {volumes: [{name: own, emptyDir: {}}]}',
      'config:',
      '  podTemplate: {volumes: [{name: run, emptyDir: {}}]}',
    );
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'own')} pod-setting-conflict`, `${locate(text, 'run')} pod-setting-conflict`]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "task 't' has volume 'own', and its podTemplate has a volume of that name: the pod would have two",
      "task 't' has volume 'run', and config.podTemplate has a volume of that name: the pod would have two",
    ]);
  });

  it('accepts mounts of pod template volumes, the task\'s and the run\'s', () => {
    const text = doc(...component, 'tasks:', '  t:', '    component: c', '    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /b}]', '    podTemplate: {volumes: [{name: a, emptyDir: {}}]}', 'config:', '  podTemplate: {volumes: [{name: b, emptyDir: {}}]}');
    expect(where(compileText(text))).toEqual([]);
  });

  it('refuses podTemplate on a custom task', () => {
    const text = doc('components:', '  ct: {implementation: {customTask: {apiVersion: a.dev/v1, kind: K, name: n}}}', 'tasks:', '  t: {component: ct, podTemplate: {hostNetwork: true}}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'podTemplate')} custom-task-unsupported-field`]);
  });

  it('leaves references in pod templates to ReferencePlacement: Tekton does not substitute them there', () => {
    const text = doc('params: {cls: {default: high}}', ...component, 'tasks:', '  t: {component: c, podTemplate: {priorityClassName: "{{params.cls}}"}}', 'config:', '  podTemplate: {schedulerName: "{{params.cls}}"}');
    expect(where(compileText(text))).toEqual([`${locate(text, '{{params.cls}}')} misplaced-reference`, `${locate(text, '{{params.cls}}', 2)} misplaced-reference`]);
  });
});
