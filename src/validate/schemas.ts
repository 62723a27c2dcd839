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

function ajv(): InstanceType<typeof Ajv> {
  if (!ajvInstance) {
    ajvInstance = new Ajv({ allErrors: true, strict: false, verbose: true });
    ajvInstance.addSchema(loadSchema('component.schema.json'));
    ajvInstance.addSchema(loadSchema('pipeline.schema.json'));
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
