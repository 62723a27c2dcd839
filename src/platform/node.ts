/**
 * What the core needs from the platform it runs on: path arithmetic, SHA-256, the default file
 * host, and the JSON Schemas of schemas/ with a way to compile them. This is Node's; bundles for
 * browsers put ./browser.ts in its place (scripts/esbuild-browser.mjs), which exports the same
 * names with the same types. Nothing else in the core imports a Node builtin.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

export { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
export { nodeHost as defaultHost } from '../host.js';

/** SHA-256 of the text's UTF-8 bytes, in hex. */
export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

const schemaDir = new URL('../../schemas/', import.meta.url);

/** The file names of schemas/ (`*.schema.json`), sorted. */
export const schemaFileNames = (): string[] => readdirSync(fileURLToPath(schemaDir)).filter((f) => f.endsWith('.schema.json')).sort();

/** The text of a file of schemas/. */
export const schemaText = (file: string): string => readFileSync(new URL(file, schemaDir), 'utf8');

/**
 * Whether src/generated/validators.ts was generated from the schemas as they are (its hash, over
 * the files' names and texts as scripts/gen-validators.mjs computes it). Not after a schema edit
 * without `npm run build`. The hash is fed file by file: hashing one joined string of the schemas
 * (~250 KB) cost a cold compiler_perf build ~35 M instructions more (valgrind).
 */
export function validatorsCurrent(generatedHash: string): boolean {
  const hash = createHash('sha256');
  for (const file of schemaFileNames()) hash.update(file).update('\0').update(schemaText(file)).update('\0');
  return hash.digest('hex') === generatedHash;
}

/** The slow path of stale validators: compile the schemas with ajv now (its compiler is loaded only here). */
export function compileSchemas(schemas: readonly object[]): (ref: string) => ValidateFunction | undefined {
  const require = createRequire(import.meta.url);
  const Ajv = (require('ajv') as { default: new (o: object) => { addSchema(s: object): void; getSchema(ref: string): ValidateFunction | undefined } }).default;
  // Must match the options of scripts/gen-validators.mjs: errors are mapped using `verbose` data.
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, inlineRefs: false });
  for (const schema of schemas) ajv.addSchema(schema);
  return (ref) => ajv.getSchema(ref);
}
