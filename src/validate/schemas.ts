/**
 * The JSON Schemas of schemas/ as validators. They are precompiled at build time (ajv standalone
 * code in src/generated/validators.ts, by scripts/gen-validators.mjs): compiling them with ajv at
 * every start cost ~200 ms, half of a cold `kft build`. When the schemas on disk no longer match the
 * ones the code was generated from (an edited schema before `npm run build`), ajv compiles them
 * instead, so a stale build can be slow but never wrong.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemasHash as generatedHash, validators as generated } from '../generated/validators.js';

export const PIPELINE_SCHEMA_ID = 'https://kft.dev/schemas/pipeline.schema.json';
export const COMPONENT_SCHEMA_ID = 'https://kft.dev/schemas/component.schema.json';

const schemaDir = new URL('../../schemas/', import.meta.url);

export const loadSchema = (file: 'pipeline.schema.json' | 'component.schema.json'): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as Record<string, unknown>;

const schemaFiles = (): string[] => readdirSync(fileURLToPath(schemaDir)).filter((f) => f.endsWith('.schema.json')).sort();

/** sha256 over the schema files' names and texts, as scripts/gen-validators.mjs computes it. */
export function schemasHash(): string {
  const hash = createHash('sha256');
  for (const file of schemaFiles()) hash.update(file).update('\0').update(readFileSync(new URL(file, schemaDir), 'utf8')).update('\0');
  return hash.digest('hex');
}

/**
 * Definitions by their JSON text → their names. ajv compiles each $ref target separately, so an
 * error's schemaPath is relative to the definition ("#/anyOf"); its parentSchema tells which one.
 * Matched by content, not identity, because precompiled validators carry their own copies.
 */
let definitionsByText: Map<string, string> | undefined;

/** The name of the definition a schema object is, e.g. 'Node'. */
export function definitionName(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if (!definitionsByText) {
    definitionsByText = new Map();
    for (const file of schemaFiles()) {
      const definitions = (JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as { definitions?: Record<string, unknown> }).definitions ?? {};
      for (const [name, definition] of Object.entries(definitions)) {
        const text = JSON.stringify(definition);
        if (!definitionsByText.has(text)) definitionsByText.set(text, name);
      }
    }
  }
  return definitionsByText.get(JSON.stringify(schema));
}

type Lookup = (ref: string) => ValidateFunction | undefined;

let lookup: Lookup | undefined;

/** Precompiled validators when they are current; any ref they lack is compiled with ajv. */
function validators(): Lookup {
  if (!lookup) {
    const table = generated as unknown as Record<string, ValidateFunction | undefined>;
    let compiled: Lookup | undefined;
    const slow: Lookup = (ref) => (compiled ??= compiledWithAjv())(ref);
    lookup = generatedHash === schemasHash() ? (ref) => table[ref] ?? slow(ref) : slow;
  }
  return lookup;
}

/** The slow path: compile the schemas now (ajv's compiler is loaded only here). */
function compiledWithAjv(): Lookup {
  const require = createRequire(import.meta.url);
  const Ajv = (require('ajv') as { default: new (o: object) => { addSchema(s: object): void; getSchema(ref: string): ValidateFunction | undefined } }).default;
  // Must match the options of scripts/gen-validators.mjs: errors are mapped using `verbose` data.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, inlineRefs: false });
  for (const file of schemaFiles()) ajv.addSchema(JSON.parse(readFileSync(new URL(file, schemaDir), 'utf8')) as object);
  return (ref) => ajv.getSchema(ref);
}

/** A validator for a schema or one of its definitions, e.g. `${PIPELINE_SCHEMA_ID}#/definitions/Task`. */
export function validatorFor(ref: string): ValidateFunction {
  const fn = validators()(ref);
  if (!fn) throw new Error(`no schema ${ref}`);
  return fn;
}

export function schemaErrors(ref: string, value: unknown): ErrorObject[] {
  const fn = validatorFor(ref);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}
