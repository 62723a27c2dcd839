/**
 * The JSON Schemas of schemas/ (the ones validation uses) read for the editor: which fields a
 * mapping may have at a place, their titles and descriptions, and the values an enum allows. A
 * union (a task or a group, a component inline or from a file) is narrowed by the keys the mapping
 * already has, as the schema diagnostics narrow it by the discriminating key.
 */
import { loadSchema } from '../validate/schemas.js';
import type { Segment } from './cursor.js';

type Json = Record<string, unknown>;
type SchemaFile = 'pipeline' | 'component';

/** A schema object and the file its `#/definitions/...` refer to. */
export interface SchemaAt {
  readonly schema: Json;
  readonly file: SchemaFile;
}

export interface FieldInfo {
  readonly name: string;
  /** The property's own schema (its title and description win over those of its $ref). */
  readonly schema: Json;
  readonly required: boolean;
}

let files: Record<SchemaFile, Json> | undefined;

const schemaFile = (file: SchemaFile): Json => {
  files ??= { pipeline: loadSchema('pipeline.schema.json'), component: loadSchema('component.schema.json') };
  return files[file];
};

export const rootSchema = (file: SchemaFile): SchemaAt => ({ schema: schemaFile(file), file });

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Follows `$ref`s (within a file, or to component.schema.json). */
function deref(at: SchemaAt, depth = 0): SchemaAt {
  const ref = at.schema.$ref;
  if (typeof ref !== 'string' || depth > 20) return at;
  const hash = ref.indexOf('#');
  const fileName = hash < 0 ? ref : ref.slice(0, hash);
  const file: SchemaFile = fileName === '' ? at.file : fileName.startsWith('component') ? 'component' : 'pipeline';
  let target: unknown = schemaFile(file);
  const fragment = hash < 0 ? '' : ref.slice(hash + 1);
  for (const part of fragment.split('/').filter(Boolean)) target = isJson(target) ? target[part] : undefined;
  return isJson(target) ? deref({ schema: target, file }, depth + 1) : at;
}

/** The alternatives a schema stands for: itself, or the branches of its anyOf/oneOf, $refs followed. */
function alternatives(at: SchemaAt, depth = 0): SchemaAt[] {
  const resolved = deref(at);
  const branches = resolved.schema.anyOf ?? resolved.schema.oneOf;
  if (!Array.isArray(branches) || depth > 10) return [resolved];
  return branches.filter(isJson).flatMap((b) => alternatives({ schema: b, file: resolved.file }, depth + 1));
}

/** Alternatives that describe a mapping holding all of `keys` (all of them when none does). */
function narrowed(options: SchemaAt[], keys: readonly string[] | undefined): SchemaAt[] {
  const objects = options.filter((o) => isJson(o.schema.properties) || o.schema.type === 'object');
  if (!keys || keys.length === 0 || objects.length <= 1) return objects.length > 0 ? objects : options;
  const fitting = objects.filter((o) => keys.every((k) => allowsKey(o.schema, k)));
  return fitting.length > 0 ? fitting : objects;
}

function allowsKey(schema: Json, key: string): boolean {
  if (isJson(schema.properties) && key in schema.properties) return true;
  return schema.additionalProperties !== false && !isJson(schema.properties);
}

/**
 * The schemas that may describe the value at `path` under `root`. `keysAlong[i]` are the keys of
 * the mapping at `path.slice(0, i)`, used to narrow unions on the way down.
 */
export function schemasAt(root: SchemaAt, path: readonly Segment[], keysAlong: readonly (readonly string[])[] = []): SchemaAt[] {
  let current = [root];
  for (let i = 0; i < path.length && current.length > 0; i++) {
    const segment = path[i]!;
    const next: SchemaAt[] = [];
    for (const at of narrowed(current.flatMap((c) => alternatives(c)), keysAlong[i])) {
      const child = childSchema(at, segment);
      if (child) next.push(child);
    }
    current = next;
  }
  return current;
}

function childSchema(at: SchemaAt, segment: Segment): SchemaAt | undefined {
  const s = at.schema;
  if (typeof segment === 'number' || s.type === 'array' || s.items !== undefined) {
    if (isJson(s.items)) return { schema: s.items, file: at.file };
    if (typeof segment === 'number') return undefined;
  }
  if (isJson(s.properties) && isJson(s.properties[segment])) return { schema: s.properties[segment] as Json, file: at.file };
  if (isJson(s.additionalProperties)) return { schema: s.additionalProperties, file: at.file };
  return undefined;
}

/** The fields a mapping described by `schemas` may have (narrowed by the keys it has), in schema order. */
export function fieldsOf(schemas: readonly SchemaAt[], keys: readonly string[] = []): FieldInfo[] {
  const out = new Map<string, FieldInfo>();
  for (const at of narrowed(schemas.flatMap((s) => alternatives(s)), keys)) {
    const properties = at.schema.properties;
    if (!isJson(properties)) continue;
    const required = Array.isArray(at.schema.required) ? (at.schema.required as string[]) : [];
    for (const [name, schema] of Object.entries(properties)) {
      if (!isJson(schema) || out.has(name) || schema.readOnly === true) continue;
      out.set(name, { name, schema, required: required.includes(name) });
    }
  }
  return [...out.values()];
}

/** The field `name` of a mapping at a place, if the schema knows it. */
export function fieldAt(schemas: readonly SchemaAt[], keys: readonly string[], name: string): FieldInfo | undefined {
  return fieldsOf(schemas, keys).find((f) => f.name === name);
}

/** The fixed values a value may take (enum, const, booleans), from every alternative. */
export function valuesOf(schemas: readonly SchemaAt[]): unknown[] {
  const out: unknown[] = [];
  const add = (v: unknown) => {
    if (!out.some((x) => JSON.stringify(x) === JSON.stringify(v))) out.push(v);
  };
  for (const at of schemas.flatMap((s) => alternatives(s))) {
    if (Array.isArray(at.schema.enum)) at.schema.enum.forEach(add);
    if ('const' in at.schema) add(at.schema.const);
    if (at.schema.type === 'boolean') [true, false].forEach(add);
  }
  return out;
}

/** Title and description of a field (its own, else those of what it refers to), as Markdown. */
export function describeSchema(field: SchemaAt): string {
  const own = field.schema;
  const target = deref(field).schema;
  const title = typeof own.title === 'string' ? own.title : typeof target.title === 'string' ? target.title : undefined;
  const description = typeof own.description === 'string' ? own.description : typeof target.description === 'string' ? target.description : undefined;
  const values = valuesOf([field]).filter((v) => typeof v === 'string');
  const parts = [title ? `**${title}**` : '', description ?? '', values.length > 0 ? `One of: ${values.map((v) => `\`${String(v)}\``).join(', ')}` : ''];
  return parts.filter(Boolean).join('\n\n');
}

/** The title of a field, for a completion item's detail. */
export function titleOf(field: SchemaAt): string | undefined {
  const own = field.schema.title;
  if (typeof own === 'string') return own;
  const target = deref(field).schema.title;
  return typeof target === 'string' ? target : undefined;
}

/** Whether values at the place are written as a mapping or a list (to shape an inserted key). */
export function shapeOf(field: SchemaAt): 'object' | 'array' | 'scalar' {
  const options = alternatives(field);
  if (options.every((o) => o.schema.type === 'array' || o.schema.items !== undefined)) return 'array';
  if (options.every((o) => o.schema.type === 'object' || isJson(o.schema.properties))) return 'object';
  return 'scalar';
}
