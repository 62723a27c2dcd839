/**
 * Manifests as deterministic YAML text: key order is construction order, no line folding,
 * sequences not indented under their key (as kubectl and kfp-tekton write them).
 *
 * A streaming writer over plain JSON-like data that appends to one string (V8 keeps the pieces as
 * a rope and copies once at the end), instead of building the `yaml` library's node tree
 * (Document, Pair, Scalar objects for every value) and stringifying it: for a 10,000-task pipeline
 * that tree was most of the compile time and memory. The bytes are exactly those yaml 2.9.1 writes
 * with `lineWidth: 0, indentSeq: false` (which kft used before; test/emit/yamlText.test.ts compares
 * both on random data). Values that are not plain data (class instances, functions, …) never come
 * out of emit; if one does, the document is written by the library so that nothing changes.
 */
import { stringify } from 'yaml';
import { numberScalar, stringScalar } from './yamlScalar.js';

export { blockUnsafe } from './yamlScalar.js';

/** yaml writes an implicit key longer than this as an explicit `? key` entry. */
const MAX_IMPLICIT_KEY = 1024;

class NotPlainData extends Error {}

/** Indentation strings by depth (two spaces a level), with and without the line break before them. */
const indents: string[] = [''];
const breaks: string[] = ['\n'];
function indentOf(depth: number): string {
  while (indents.length <= depth) {
    indents.push(indents[indents.length - 1] + '  ');
    breaks.push('\n' + indents[indents.length - 1]);
  }
  return indents[depth]!;
}
const breakOf = (depth: number): string => (indentOf(depth), breaks[depth]!);

/** One document (no `---`), ending with a line break. */
export function yamlText(value: unknown): string {
  return yamlStream([value]);
}

/** Documents separated by `---` lines. */
export function yamlStream(values: readonly unknown[]): string {
  let text = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += '---\n';
    text += documentText(values[i]);
  }
  return text;
}

function documentText(value: unknown): string {
  try {
    return writeNode(value, 0, '') + '\n';
  } catch (e) {
    if (!(e instanceof NotPlainData)) throw e;
    return libraryText(value);
  }
}

/** The yaml library's text for data the writer does not model (yaml calls toJSON, tags dates, …). */
function libraryText(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0, indentSeq: false }) ?? '';
}

/** `text` followed by a node whose first line continues the current line; later lines are indented `depth` levels. */
function writeNode(value: unknown, depth: number, text: string): string {
  if (Array.isArray(value)) return writeSeq(value, depth, text);
  if (isPlainObject(value)) return writeMap(value, depth, text);
  return text + scalar(value, depth);
}

function writeSeq(items: readonly unknown[], depth: number, text: string): string {
  if (items.length === 0) return text + '[]';
  const lineStart = breakOf(depth) + '- ';
  for (let i = 0; i < items.length; i++) {
    text += i === 0 ? '- ' : lineStart;
    text = writeNode(items[i], depth + 1, text);
  }
  return text;
}

function writeMap(map: Readonly<Record<string, unknown>>, depth: number, text: string): string {
  let first = true;
  for (const key in map) {
    if (!Object.prototype.hasOwnProperty.call(map, key)) continue;
    const value = map[key];
    if (value === undefined) continue; // as JSON, a missing value
    if (!first) text += breakOf(depth);
    first = false;
    text = writePair(key, value, depth, text);
  }
  return first ? text + '{}' : text;
}

function writePair(key: string, value: unknown, depth: number, text: string): string {
  const keyText = stringScalar(key, indentOf(depth + 1), true);
  const explicit = keyText.length > MAX_IMPLICIT_KEY;
  text += explicit ? `? ${keyText}${breakOf(depth)}:` : keyText + ':';
  if (Array.isArray(value)) {
    // A list under a key is not indented further: `- ` counts as indentation (indentSeq: false).
    const valueDepth = explicit ? depth + 1 : depth;
    return writeSeq(value, valueDepth, text + (explicit || value.length === 0 ? ' ' : breakOf(valueDepth)));
  }
  if (isPlainObject(value)) return writeMap(value, depth + 1, text + (explicit || !hasDefinedValue(value) ? ' ' : breakOf(depth + 1)));
  const valueText = scalar(value, depth + 1);
  return text + (valueText === '' || valueText[0] === '\n' ? valueText : ' ' + valueText);
}

function scalar(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return stringScalar(value, indentOf(depth), false);
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
  for (const key in map) if (Object.prototype.hasOwnProperty.call(map, key) && map[key] !== undefined) return true;
  return false;
}
