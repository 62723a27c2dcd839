import { describe, expect, it } from 'vitest';
import { implicitOutputs, resourceOutputPaths } from '../../src/model/implicitOutputs.js';

describe('implicitOutputs', () => {
  it('gives resource operations manifest, name and their JSON path outputs', () => {
    expect(resourceOutputPaths({ implementation: { resource: { action: 'get', manifest: {}, outputs: { phase: '{.status.phase}' } } } })).toEqual({ manifest: '{}', name: '{.metadata.name}', phase: '{.status.phase}' });
  });
  it('gives volume operations a size output and containers none', () => {
    expect(implicitOutputs({ implementation: { volume: { size: '1Gi' } } }).map((o) => o.name)).toEqual(['manifest', 'name', 'size']);
    expect(implicitOutputs({ implementation: { container: { image: 'x' } } })).toEqual([]);
  });
});
