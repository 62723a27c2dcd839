/** `kft schema`: one self-contained draft-07 file that validates specs as the compiler does. */
import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../helpers.js';
import { kft } from './run.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) k === '$ref' && typeof v === 'string' ? out.push(v) : refsIn(v, out);
  return out;
}

describe('kft schema', () => {
  const r = kft(['schema']);
  const schema = JSON.parse(r.stdout);

  it('prints the pipeline schema as draft-07, with only internal references', () => {
    expect(r.code).toBe(0);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(refsIn(schema).filter((ref) => !ref.startsWith('#/'))).toEqual([]);
    expect(schema.definitions.ComponentSpec.properties.implementation).toBeDefined();
  });

  it('accepts a valid spec with an inline component and rejects a bad field, on its own', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const spec = parseYaml(readFileSync(join(repoRoot, 'fixtures/conformance/sequential/spec.yaml'), 'utf8'));
    expect(validate(spec), JSON.stringify(validate.errors)).toBe(true);
    spec.spec.components.echo.implementation.container.imag = 'x';
    expect(validate(spec)).toBe(false);
  });

  it('prints the component schema with --component', () => {
    const c = JSON.parse(kft(['schema', '--component']).stdout);
    expect(c.$id).toBe('https://kft.dev/schemas/component.schema.json');
  });
});

/** Every property of the published schema carries a title and a description, which editors show on completion and hover. */
function undocumented(node: unknown, path: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => undocumented(n, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const properties = record.properties;
    if (properties && typeof properties === 'object') {
      for (const [name, value] of Object.entries(properties)) {
        const field = value as Record<string, unknown>;
        if (typeof field.title !== 'string' || typeof field.description !== 'string') out.push(`${path}/properties/${name}`);
      }
    }
    for (const [key, value] of Object.entries(record)) if (!['default', 'examples', 'const', 'enum'].includes(key)) undocumented(value, `${path}/${key}`, out);
  }
  return out;
}

describe('schema documentation for editors', () => {
  it('gives every field a title and a description (schemas/*.json)', () => {
    expect(undocumented(JSON.parse(kft(['schema']).stdout), '', [])).toEqual([]);
  });
});
