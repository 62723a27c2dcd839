/**
 * The JSON Schemas of schemas/ as validators. They are precompiled at build time (ajv standalone
 * code in src/generated/validators.ts, by scripts/gen-validators.mjs): compiling them with ajv at
 * every start cost ~200 ms, half of a cold `kft build`. When the schemas on disk no longer match the
 * ones the code was generated from (an edited schema before `npm run build`), ajv compiles them
 * instead, so a stale build can be slow but never wrong.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { schemasHash as generatedHash, validators as generated } from '../generated/validators.js';
import { compileSchemas, schemaFileNames, schemaText, validatorsCurrent } from '../platform/node.js';

export const PIPELINE_SCHEMA_ID = 'https://kft.dev/schemas/pipeline.schema.json';
export const COMPONENT_SCHEMA_ID = 'https://kft.dev/schemas/component.schema.json';

export const loadSchema = (file: 'pipeline.schema.json' | 'component.schema.json'): Record<string, unknown> => JSON.parse(schemaText(file)) as Record<string, unknown>;

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
    for (const file of schemaFileNames()) {
      const definitions = (JSON.parse(schemaText(file)) as { definitions?: Record<string, unknown> }).definitions ?? {};
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
    lookup = validatorsCurrent(generatedHash) ? (ref) => table[ref] ?? slow(ref) : slow;
  }
  return lookup;
}

/** The slow path: compile the schemas now. */
const compiledWithAjv = (): Lookup => compileSchemas(schemaFileNames().map((file) => JSON.parse(schemaText(file)) as object));

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
