/**
 * scripts/gen-validators.mjs: the precompiled validators (src/generated/validators.ts) must accept
 * and report exactly what ajv compiling schemas/ at run time does, also where the script shortens
 * ajv's code for cold runs: keys escaped in instance paths ('~' and '/'), and string lengths counted
 * in code points (an astral character is two UTF-16 code units, one code point).
 */
import AjvModule from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PIPELINE_SCHEMA_ID, validatorFor } from '../../src/validate/schemas.js';
import { repoRoot } from '../helpers.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;

// The options of scripts/gen-validators.mjs and src/validate/schemas.ts.
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, inlineRefs: false });
const schemaDir = join(repoRoot, 'schemas');
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json'))) ajv.addSchema(JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as object);

const P = `${PIPELINE_SCHEMA_ID}#/definitions/`;
const smile = '\u{1F600}';

/** The errors of the precompiled validator and of one ajv compiles now, for a value. */
function both(ref: string, value: unknown): { generated: unknown; compiled: unknown } {
  const generated = validatorFor(ref);
  const compiled = ajv.getSchema(ref)!;
  generated(value);
  compiled(value);
  return { generated: generated.errors ?? null, compiled: compiled.errors ?? null };
}

describe('gen-validators: precompiled validators report what ajv reports', () => {
  const cases: [string, string, unknown][] = [
    ['keys with ~ and / in instance paths', 'Nodes', { 'a/b~c': { component: 1 }, '~/': { component: 'x', arguments: { 'p/q~': Symbol.for('bad') } } }],
    ['a valid task', 'Nodes', { ok: { component: 'x', arguments: { a: '{{params.p}}' } } }],
    ['a name at the maximum length', 'Name', 'a'.repeat(253)],
    ['a name over the maximum length', 'Name', 'a'.repeat(254)],
    ['astral characters under the maximum length in code points', 'Name', smile.repeat(200)],
    ['astral characters over the maximum length in code points', 'Name', smile.repeat(254)],
    ['an empty image', 'Task', { component: 'x', image: '' }],
    ['an image of one astral character', 'Task', { component: 'x', image: smile }],
    ['an image of one character', 'Task', { component: 'x', image: 'b' }],
  ];
  for (const [title, definition, value] of cases) {
    it(title, () => {
      const { generated, compiled } = both(P + definition, value);
      expect(generated).toEqual(compiled);
    });
  }

  it('the cases do reach the shortened code', () => {
    const paths = (both(P + 'Nodes', cases[0]![2]).generated as { instancePath: string }[]).map((e) => e.instancePath);
    expect(paths).toContain('/a~1b~0c/component');
    expect(paths).toContain('/~0~1/arguments/p~1q~0');
    const keywords = (ref: string, value: unknown) => ((both(ref, value).generated as { keyword: string }[] | null) ?? []).map((e) => e.keyword);
    expect(keywords(P + 'Name', smile.repeat(254))).toContain('maxLength');
    expect(keywords(P + 'Name', smile.repeat(200))).not.toContain('maxLength');
    expect(keywords(P + 'Task', { component: 'x', image: '' })).toEqual(['minLength']);
    expect(keywords(P + 'Task', { component: 'x', image: smile })).toEqual([]);
  });
});
