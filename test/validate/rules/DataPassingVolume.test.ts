import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const task = 'tasks: {t: {component: c}}';
const component = 'components: {c: {implementation: {container: {image: alpine}}}}';

describe('DataPassingVolume', () => {
  it('reports a claim and a claim template set together, at the template', () => {
    const text = doc(component, task, 'config:', '  dataPassing:', '    persistentVolumeClaim: {claimName: v}', '    volumeClaimTemplate: {spec: {}}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'volumeClaimTemplate')} conflicting-fields`]);
  });

  it('accepts either alone', () => {
    expect(compileText(doc(component, task, 'config: {dataPassing: {persistentVolumeClaim: {claimName: v}, pathPrefix: p/}}')).diagnostics).toEqual([]);
    expect(compileText(doc(component, task, 'config: {dataPassing: {volumeClaimTemplate: {spec: {}}}}')).diagnostics).toEqual([]);
  });
});
