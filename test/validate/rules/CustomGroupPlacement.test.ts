import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = { e: { implementation: { container: { image: 'alpine' } } } };
const group = (tasks: Record<string, unknown>) => ({ group: { apiVersion: 'a.dev/v1', kind: 'G' }, tasks });

describe('CustomGroupPlacement', () => {
  it('accepts a custom group at the top of finally', () => {
    expect(compileSpec({ components, tasks: { a: { component: 'e' } }, finally: { g: group({ b: { component: 'e' } }) } }).ok).toBe(true);
  });
  it('rejects a finally custom group nested in another group', () => {
    const result = compileSpec({ components, tasks: { a: { component: 'e' } }, finally: { g: group({ h: group({ b: { component: 'e' } }) }) } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['nested-finally-group']);
  });
});
