import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = { pvc: { implementation: { volume: { size: '1Gi' } } }, sh: { implementation: { container: { image: 'alpine' } } } };

describe('PVolumes', () => {
  it('accepts a volume task of the same scope', () => {
    expect(compileSpec({ components, tasks: { v: { component: 'pvc' }, s: { component: 'sh', pvolumes: { '/m': 'v' } } } }).ok).toBe(true);
  });
  it('rejects unknown tasks and tasks that are not volume tasks', () => {
    const result = compileSpec({ components, tasks: { v: { component: 'pvc' }, s: { component: 'sh', pvolumes: { '/m': 'w', '/n': 's' } } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-task', 'invalid-pvolume']);
  });
  it('rejects a volume task inside a loop or custom group that does not hold the mounting task', () => {
    const loop = compileSpec({ components, tasks: { l: { loop: { items: [1] }, tasks: { v: { component: 'pvc' } } }, s: { component: 'sh', pvolumes: { '/m': 'v' } } } });
    expect(loop.diagnostics.map((d) => d.code)).toEqual(['invalid-pvolume']);
    const group = compileSpec({ components, tasks: { g: { group: { apiVersion: 'x.dev/v1', kind: 'G' }, tasks: { v: { component: 'pvc' } } }, s: { component: 'sh', pvolumes: { '/m': 'v' } } } });
    expect(group.diagnostics.map((d) => d.code)).toEqual(['invalid-pvolume']);
    const inside = compileSpec({ components, tasks: { l: { loop: { items: [1] }, tasks: { v: { component: 'pvc' }, s: { component: 'sh', pvolumes: { '/m': 'v' } } } } } });
    expect(inside.ok).toBe(true);
  });
});
