import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  c: {implementation: {container: {image: x}}}'];

describe('PodContainers', () => {
  it('reports a container named main or named twice', () => {
    const text = doc(...component, 'tasks:', '  t:', '    component: c', '    initContainers: [{name: main, image: a}, {name: prep, image: a}]', '    sidecars: [{name: prep, image: b}]');
    expect(where(compileText(text))).toEqual([`${locate(text, 'main')} name-collision`, `${locate(text, 'prep', 2)} name-collision`]);
  });

  it('reports sidecar-only fields on an init container', () => {
    const text = doc(...component, 'tasks:', '  t:', '    component: c', '    initContainers: [{name: prep, image: a, ports: [{containerPort: 80}]}]');
    expect(where(compileText(text))).toEqual([`${locate(text, 'ports')} unsupported-feature`]);
  });

  it('reports a mount of an undeclared volume, in main and in a sidecar', () => {
    const text = doc(...component, 'tasks:', '  t:', '    component: c', '    volumes: [{name: data, emptyDir: {}}]', '    volumeMounts: [{name: dta, mountPath: /d}]', '    sidecars: [{name: s, image: b, volumeMounts: [{name: cache, mountPath: /c}]}]');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'dta')} unknown-volume`, `${locate(text, 'cache')} unknown-volume`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'data'?");
  });
});
