import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const resource = (manifest: unknown) => ({ inputs: [{ name: 'n' }], implementation: { resource: { action: 'apply', manifest } } });

describe('ResourceManifests', () => {
  it('accepts declared inputs and the run name', () => {
    expect(compileSpec({ components: { r: resource({ metadata: { name: '{{workflow.name}}-{{inputs.n}}' } }) }, tasks: { t: { component: 'r', arguments: { n: 'x' } } } }).ok).toBe(true);
  });
  it('rejects unknown inputs and other braces, in volume fields too', () => {
    const result = compileSpec({
      components: { r: resource({ data: ['{{inputs.m}}', '{{pod.name}}'] }), v: { implementation: { volume: { size: '{{inputs.size}}' } } } },
      tasks: { t: { component: 'r', arguments: { n: 'x' } } },
    });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "component 'r' has no input 'm'",
      "'{{pod.name}}' cannot be used in a resource manifest",
      "component 'v' has no input 'size'",
    ]);
  });
});
