/**
 * One self-contained schema file for editors. yaml-language-server resolves a relative `$ref`
 * against the URL it loaded the schema from, not its `$id`, so the pipeline schema's reference to
 * component.schema.json breaks once the file is copied elsewhere. The bundle nests the component
 * schema under `definitions.ComponentSpec` and rewrites the references to point inside the file.
 */
import { loadSchema } from '../../validate/schemas.js';

const COMPONENT_FILE = 'component.schema.json';
const COMPONENT_POINTER = '#/definitions/ComponentSpec';

export function bundledPipelineSchema(): Record<string, unknown> {
  const pipeline = loadSchema('pipeline.schema.json');
  const { $schema: _s, $id: _i, ...component } = loadSchema('component.schema.json');
  const nested = rewriteRefs(component, (ref) => (ref.startsWith('#/') ? `${COMPONENT_POINTER}/${ref.slice(2)}` : ref));
  const bundled = rewriteRefs(pipeline, (ref) => (ref === COMPONENT_FILE ? COMPONENT_POINTER : ref.startsWith(`${COMPONENT_FILE}#/`) ? `${COMPONENT_POINTER}/${ref.slice(COMPONENT_FILE.length + 2)}` : ref)) as Record<string, unknown>;
  const definitions = { ...(bundled.definitions as Record<string, unknown>), ComponentSpec: nested };
  return { ...bundled, definitions };
}

/** The component schema alone (it has no external references). */
export const componentSchema = (): Record<string, unknown> => loadSchema('component.schema.json');

function rewriteRefs(node: unknown, map: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, map));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' ? map(value) : key === 'default' || key === 'examples' || key === 'const' || key === 'enum' ? value : rewriteRefs(value, map);
  }
  return out;
}
