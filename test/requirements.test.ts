import { describe, expect, it } from 'vitest';
import { clusterRequirements, formatRequirements } from '../src/requirements.js';
import { compileSpec } from './specs.js';

describe('requirements', () => {
  it('lists custom task controllers, flags for embedded specs and v1beta1 before 0.44', () => {
    const result = compileSpec(
      { components: { c: { implementation: { customTask: { apiVersion: 'cel.tekton.dev/v1alpha1', kind: 'CEL', name: 'cel', taskSpec: {} } } } }, tasks: { t: { component: 'c' } } },
      { apiVersion: 'v1beta1' },
    );
    const r = clusterRequirements(result.manifests);
    expect(r.controllers).toEqual([{ apiVersion: 'cel.tekton.dev/v1alpha1', kind: 'CEL', provider: 'Tekton CEL custom task controller (tektoncd/experimental cel)' }]);
    expect(r.featureFlags).toEqual({ 'enable-custom-tasks': 'true', 'enable-api-fields': 'alpha' });
    expect(r.minTektonVersion).toBe('0.20');
  });

  it('reports kubectl-wrapper images and the RBAC for the manifest kind', () => {
    const result = compileSpec({ components: { r: { implementation: { resource: { action: 'create', manifest: { apiVersion: 'batch/v1', kind: 'Job' } } } } }, tasks: { t: { component: 'r' } } });
    const r = clusterRequirements(result.manifests);
    expect(r.images).toEqual(['quay.io/aipipeline/kubectl-wrapper:latest']);
    expect(r.rbac.map((x) => x.rule)).toEqual(["the run's service account may get/create/patch/delete Job objects in the run's namespace"]);
    expect(r.minTektonVersion).toBe('0.44');
    expect(formatRequirements(r)).toContain('Tekton: 0.44 or later');
  });

  it('names VolumeSnapshot RBAC and the snapshot controller for volume snapshot operations', () => {
    const result = compileSpec({ components: { s: { implementation: { volumeSnapshot: { pvc: 'data' } } } }, tasks: { t: { component: 's' } } });
    const r = clusterRequirements(result.manifests);
    expect(r.rbac.map((x) => x.rule)).toEqual(["the run's service account may get/create/patch/delete VolumeSnapshot objects in the run's namespace"]);
    expect(r.notes.filter((n) => n.startsWith('VolumeSnapshots:'))).toHaveLength(1);
  });
});
