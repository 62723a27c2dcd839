/**
 * Manifests as deterministic YAML text: key order is construction order, no line folding,
 * sequences not indented under their key (as kubectl and kfp-tekton write them).
 *
 * A streaming writer over plain JSON-like data that appends string pieces to one array, instead of
 * building the `yaml` library's node tree (Document, Pair, Scalar objects for every value) and
 * stringifying it: for a 10,000-task pipeline that tree was most of the compile time and memory.
 * The bytes are exactly those yaml 2.9.1 writes with `lineWidth: 0, indentSeq: false` (which kft
 * used before; test/emit/yamlText.test.ts compares both on random data). Values that are not plain
 * data (class instances, functions, …) never come out of emit; if one does, the document is written
 * by the library so that nothing changes.
 */
import { stringify } from 'yaml';
import { numberScalar, stringScalar } from './yamlScalar.js';

export { blockUnsafe } from './yamlScalar.js';

const INDENT_STEP = '  ';
/** yaml writes an implicit key longer than this as an explicit `? key` entry. */
const MAX_IMPLICIT_KEY = 1024;

class NotPlainData extends Error {}

/** One document (no `---`), ending with a line break. */
export function yamlText(value: unknown): string {
  return yamlStream([value]);
}

/** Documents separated by `---` lines. */
export function yamlStream(values: readonly unknown[]): string {
  const out: string[] = [];
  values.forEach((value, i) => {
    if (i > 0) out.push('---\n');
    const mark = out.length;
    try {
      writeNode(value, '', out);
      out.push('\n');
    } catch (e) {
      if (!(e instanceof NotPlainData)) throw e;
      out.length = mark;
      out.push(libraryText(value));
    }
  });
  return out.join('');
}

/** The yaml library's text for data the writer does not model (yaml calls toJSON, tags dates, …). */
function libraryText(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0, indentSeq: false }) ?? '';
}

/** A node whose first line continues the current line; later lines start with `indent`. */
function writeNode(value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) writeSeq(value, indent, out);
  else if (isPlainObject(value)) writeMap(value, indent, out);
  else out.push(scalar(value, indent, false));
}

function writeSeq(items: readonly unknown[], indent: string, out: string[]): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  const itemIndent = indent + INDENT_STEP;
  for (let i = 0; i < items.length; i++) {
    out.push(i === 0 ? '- ' : `\n${indent}- `);
    writeNode(items[i], itemIndent, out);
  }
}

function writeMap(map: Readonly<Record<string, unknown>>, indent: string, out: string[]): void {
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue; // as JSON, a missing value
    if (!first) out.push('\n', indent);
    first = false;
    writePair(key, value, indent, out);
  }
  if (first) out.push('{}');
}

function writePair(key: string, value: unknown, indent: string, out: string[]): void {
  const keyText = stringScalar(key, { indent: indent + INDENT_STEP, implicitKey: true });
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  out.push(explicit ? `? ${keyText}\n${indent}:` : `${keyText}:`);
  const isSeq = Array.isArray(value);
  if (isSeq || isPlainObject(value)) {
    // A list under a key is not indented further: `- ` counts as indentation (indentSeq: false).
    const valueIndent = isSeq && !explicit ? indent : indent + INDENT_STEP;
    const empty = isSeq ? value.length === 0 : !hasDefinedValue(value);
    out.push(explicit || empty ? ' ' : `\n${valueIndent}`);
    writeNode(value, valueIndent, out);
    return;
  }
  const text = scalar(value, indent + INDENT_STEP, false);
  out.push(text === '' || text[0] === '\n' ? text : ` ${text}`);
}

function scalar(value: unknown, indent: string, implicitKey: boolean): string {
  switch (typeof value) {
    case 'string':
      return stringScalar(value, { indent, implicitKey });
    case 'number':
      return numberScalar(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'object':
      if (value === null) return 'null';
  }
  throw new NotPlainData();
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') throw new NotPlainData();
  return true;
}

function hasDefinedValue(map: Readonly<Record<string, unknown>>): boolean {
  for (const key of Object.keys(map)) if (map[key] !== undefined) return true;
  return false;
}
