/**
 * Manifests as deterministic YAML text: key order is construction order, no line folding,
 * sequences not indented under their key (as kubectl and kfp-tekton write them).
 *
 * A streaming writer over plain JSON-like data that appends to one string (V8 keeps the pieces as
 * a rope and copies once at the end), instead of building the `yaml` library's node tree
 * (Document, Pair, Scalar objects for every value) and stringifying it: for a 10,000-task pipeline
 * that tree was most of the compile time and memory. The bytes are those yaml 2.9.1 writes with
 * `lineWidth: 0, indentSeq: false` and YAML 1.1's schema as `compat`, plus the quoting Kubernetes'
 * and PyYAML's YAML 1.1 readers need (src/emit/yamlScalar.ts; test/emit/yamlText.test.ts compares
 * with that reference on random data). Values that are not plain data (class instances, functions,
 * …) never come out of emit; if one does, the document is written by the library.
 */
import { stringify } from 'yaml';
import { numberScalar, stringScalar } from './yamlScalar.js';

export { blockUnsafe } from './yamlScalar.js';

/** yaml writes an implicit key longer than this as an explicit `? key` entry. */
const MAX_IMPLICIT_KEY = 1024;

/**
 * Strings whose text depends on where they stand: multi-line ones (block scalars and folded
 * quotes carry the indentation) and those with a line a reader takes for a document marker (a
 * top-level one is written as a block). Every other string is written the same at any depth.
 */
const PLACE_DEPENDENT = /\n|^(?:%|---|\.\.\.)/m;

class NotPlainData extends Error {}

/** Indentation strings by depth (two spaces a level), with and without the line break before them. */
const indents: string[] = [''];
const breaks: string[] = ['\n'];
function growIndents(depth: number): void {
  while (indents.length <= depth) {
    indents.push(indents[indents.length - 1] + '  ');
    breaks.push('\n' + indents[indents.length - 1]);
  }
}
growIndents(32);
const indentOf = (depth: number): string => indents[depth] ?? (growIndents(depth), indents[depth]!);
const breakOf = (depth: number): string => breaks[depth] ?? (growIndents(depth), breaks[depth]!);

/** One document (no `---`), ending with a line break. */
export function yamlText(value: unknown): string {
  return yamlStream([value]);
}

/** Documents separated by `---` lines. */
export function yamlStream(values: readonly unknown[]): string {
  const writer = new YamlWriter();
  let text = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) text += '---\n';
    text += writer.document(values[i]);
  }
  return text;
}

/** The yaml library's text for data the writer does not model (yaml calls toJSON, tags dates, …). */
function libraryText(value: unknown): string {
  return stringify(value, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0, indentSeq: false, compat: 'yaml-1.1' }) ?? '';
}

/**
 * Writes documents of one stream. A manifest repeats the same few strings thousands of times (keys,
 * images, `$(params.…)` references, labels; 1,500 tasks of one component are 1,500 copies of its
 * step): each distinct key and value is rendered once and its text (with the `:` or the blank that
 * follows or precedes it) is looked up after that, instead of re-scanning the characters for every
 * occurrence, which is most of the writer's work on a cold run, in the interpreter.
 */
class YamlWriter {
  /** Key → `key:` (implicit keys only). */
  private readonly keys = new Map<string, string>();
  /** String map value → ` value` (with the blank after the key's colon). */
  private readonly pairValues = new Map<string, string>();
  /** String list item → its text. */
  private readonly items = new Map<string, string>();
  /** Whether Object.prototype has enumerable properties (a for-in would list them for every map). */
  private readonly inheritsEnumerable = hasEnumerable(Object.prototype);

  document(value: unknown): string {
    try {
      return this.node(value, 0, '') + '\n';
    } catch (e) {
      if (!(e instanceof NotPlainData)) throw e;
      return libraryText(value);
    }
  }

  /** `text` followed by a node whose first line continues the current line; later lines are indented `depth` levels. */
  private node(value: unknown, depth: number, text: string): string {
    if (typeof value === 'string') return text + this.item(value, depth);
    if (Array.isArray(value)) return this.seq(value, depth, text);
    if (isPlainObject(value)) return this.map(value, depth, text, '', '{}');
    return text + scalar(value, depth);
  }

  private seq(items: readonly unknown[], depth: number, text: string): string {
    if (items.length === 0) return text + '[]';
    const lineStart = breakOf(depth) + '- ';
    for (let i = 0; i < items.length; i++) text = this.node(items[i], depth + 1, text + (i === 0 ? '- ' : lineStart));
    return text;
  }

  /** The map's pairs after `lead` (what separates the first pair from the text before it); `empty` when it has none. */
  private map(map: Readonly<Record<string, unknown>>, depth: number, text: string, lead: string, empty: string): string {
    let first = true;
    for (const key in map) {
      if (this.inheritsEnumerable && !Object.prototype.hasOwnProperty.call(map, key)) continue;
      const value = map[key];
      if (value === undefined) continue; // as JSON, a missing value
      text = this.pair(key, value, depth, text + (first ? lead : breakOf(depth)));
      first = false;
    }
    return first ? text + empty : text;
  }

  private pair(key: string, value: unknown, depth: number, text: string): string {
    let keyText = this.keys.get(key);
    if (keyText === undefined) {
      keyText = stringScalar(key, indentOf(depth + 1), true) + ':';
      if (keyText.length > MAX_IMPLICIT_KEY + 1) return this.explicitPair(keyText.slice(0, -1), value, depth, text);
      if (!PLACE_DEPENDENT.test(key)) this.keys.set(key, keyText);
    }
    text += keyText;
    if (typeof value === 'string') return text + this.pairValue(value, depth + 1);
    // A list under a key is not indented further: `- ` counts as indentation (indentSeq: false).
    if (Array.isArray(value)) return this.seq(value, depth, text + (value.length === 0 ? ' ' : breakOf(depth)));
    if (isPlainObject(value)) return this.map(value, depth + 1, text, breakOf(depth + 1), ' {}');
    return text + afterKey(scalar(value, depth + 1));
  }

  /** yaml writes a key over 1,024 characters as `? key`, and the value on the next line after `: `. */
  private explicitPair(keyText: string, value: unknown, depth: number, text: string): string {
    text += `? ${keyText}${breakOf(depth)}:`;
    if (Array.isArray(value)) return this.seq(value, depth + 1, text + ' ');
    if (isPlainObject(value)) return this.map(value, depth + 1, text + ' ', '', '{}');
    return text + afterKey(scalar(value, depth + 1));
  }

  private pairValue(value: string, depth: number): string {
    let text = this.pairValues.get(value);
    if (text !== undefined) return text;
    text = afterKey(stringScalar(value, indentOf(depth), false));
    if (!PLACE_DEPENDENT.test(value)) this.pairValues.set(value, text);
    return text;
  }

  private item(value: string, depth: number): string {
    let text = this.items.get(value);
    if (text !== undefined) return text;
    text = stringScalar(value, indentOf(depth), false);
    if (!PLACE_DEPENDENT.test(value)) this.items.set(value, text);
    return text;
  }
}

/** A value's text after its key's colon: a blank first unless it starts on the next line. */
const afterKey = (valueText: string): string => (valueText === '' || valueText[0] === '\n' ? valueText : ' ' + valueText);

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

function hasEnumerable(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
