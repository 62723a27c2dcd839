/**
 * The JSON Schemas of schemas/, compiled once per process with ajv.
 */
import { readFileSync } from 'node:fs';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';

const Ajv = AjvModule as unknown as typeof AjvModule.default;

export const PIPELINE_SCHEMA_ID = 'https://kft.dev/schemas/pipeline.schema.json';
export const COMPONENT_SCHEMA_ID = 'https://kft.dev/schemas/component.schema.json';

const schemaUrl = (file: string) => new URL(`../../schemas/${file}`, import.meta.url);

export const loadSchema = (file: 'pipeline.schema.json' | 'component.schema.json'): Record<string, unknown> =>
  JSON.parse(readFileSync(schemaUrl(file), 'utf8')) as Record<string, unknown>;

let ajvInstance: InstanceType<typeof Ajv> | undefined;
/** Definition objects → their names: ajv compiles each $ref target separately, so an error's
 * schemaPath is relative to the definition ("#/anyOf"); its parentSchema object tells which. */
const definitionNames = new WeakMap<object, string>();

function indexDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const definitions = (schema.definitions ?? {}) as Record<string, object>;
  for (const [name, definition] of Object.entries(definitions)) definitionNames.set(definition, name);
  return schema;
}

/** The name of the definition a schema object is, e.g. 'Node'. */
export function definitionName(schema: unknown): string | undefined {
  return typeof schema === 'object' && schema !== null ? definitionNames.get(schema) : undefined;
}

function ajv(): InstanceType<typeof Ajv> {
  if (!ajvInstance) {
    ajvInstance = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajvInstance.addSchema(indexDefinitions(loadSchema('component.schema.json')));
    ajvInstance.addSchema(indexDefinitions(loadSchema('pipeline.schema.json')));
  }
  return ajvInstance;
}

/** A validator for a schema or one of its definitions, e.g. `${PIPELINE_SCHEMA_ID}#/definitions/Task`. */
export function validatorFor(ref: string): ValidateFunction {
  const fn = ajv().getSchema(ref);
  if (!fn) throw new Error(`no schema ${ref}`);
  return fn;
}

export function schemaErrors(ref: string, value: unknown): ErrorObject[] {
  const fn = validatorFor(ref);
  return fn(value) ? [] : [...(fn.errors ?? [])];
}
