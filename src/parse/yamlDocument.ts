/**
 * A Document composed by the yaml library → a plain JSON value, with every node's offsets recorded
 * under its JSON Pointer. Two passes, each linear:
 *
 * 1. `survey` visits every node of the tree once, in document order (keys included): it binds each
 *    alias to the last anchor of its name before it, as YAML says (so resolving N aliases costs N map
 *    look-ups, not N scans of the document, which yaml's Alias.resolve does), computes the size every
 *    node expands to (an alias counts its anchor's size), and refuses, before anything is built, what
 *    has no JSON meaning or no meaning at all: undefined and cyclic aliases, null and collection keys,
 *    tags whose value is not JSON (!!omap, !!set, !!binary, timestamps, unknown tags). Expansion past
 *    `maxNodes` stops here, in time proportional to the document's text (a "billion laughs" file of
 *    100 nodes is refused in microseconds).
 * 2. `build` makes the value, in time proportional to the value it makes.
 *
 * Values are what yaml's own toJS() makes of the document (the reference), also for `<<` merge keys
 * (YAML 1.1 documents), except where this module refuses.
 */
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type Node as YamlNode, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { childPointer, type Pointer } from './pointer.js';
import { PointerPositions } from './nodePositions.js';
import type { ReadLimits } from './readYaml.js';

/** Why a document was refused; `offset` is where in the text. */
export interface Refusal {
  readonly code: 'input-limit' | 'yaml-bad-alias' | 'yaml-unsupported' | 'yaml-syntax' | 'yaml-duplicate-key';
  readonly message: string;
  readonly hint?: string;
  readonly offset: number;
  readonly end?: number;
  /** A list or mapping used as a key (often `{{...}}` or a comma in a flow mapping, unquoted). */
  readonly collectionKey?: boolean;
}

export type DocumentValue = { readonly value: unknown; readonly positions: PointerPositions } | { readonly refusals: Refusal[] };

class Stop extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const MAP_TAG = 'tag:yaml.org,2002:map';
const SEQ_TAG = 'tag:yaml.org,2002:seq';
const LIMIT_HINT = 'Reduce the size, aliases or nesting of the file.';
const UNSUPPORTED_HINT = 'Write it as plain YAML data: string keys, and values that are strings, numbers, booleans, null, lists or mappings.';

export function documentValue(doc: Document.Parsed, limits: ReadLimits): DocumentValue {
  try {
    const survey = new Survey(limits);
    survey.visit(doc.contents as YamlNode | null, 0);
    if (survey.refusals.length > 0) return { refusals: survey.refusals.sort((a, b) => a.offset - b.offset) };
    return new Builder(survey, limits).document(doc.contents as YamlNode | null);
  } catch (error) {
    if (error instanceof Stop) return { refusals: [error.refusal] };
    throw error;
  }
}

const offsetOf = (node: YamlNode | null | undefined, fallback = 0): number => node?.range?.[0] ?? fallback;

function limit(what: string, offset: number): Stop {
  return new Stop({ code: 'input-limit', message: `input rejected: ${what}`, hint: LIMIT_HINT, offset });
}

/** A plain `<<` that the document's schema (YAML 1.1, or the merge option) reads as a merge key. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

class Survey {
  readonly refusals: Refusal[] = [];
  /** Each alias's anchor (absent: undefined or cyclic, already refused). */
  readonly targets = new Map<Alias, YamlNode>();
  /** The number of nodes each collection expands to (scalars and empty values count 1). */
  readonly sizes = new Map<YamlNode, number>();
  /** Mappings that hold a merge key. */
  readonly merging = new Set<YAMLMap>();
  private readonly anchors = new Map<string, YamlNode>();
  /** Collections being visited: an alias to one of them would contain itself. */
  private readonly open = new Set<YamlNode>();

  constructor(private readonly limits: ReadLimits) {}

  visit(node: YamlNode | null | undefined, depth: number): number {
    if (!node) return 1;
    if (depth > this.limits.maxDepth) throw limit(`nesting is deeper than ${this.limits.maxDepth} levels`, offsetOf(node));
    if (isAlias(node)) return this.alias(node);
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isScalar(node)) {
      if (!isJsonScalar(node.value)) this.unsupported(node, `the value ${describeValue(node)}reads as ${kindOf(node.value)}, which is not JSON data (quote it if it is text)`);
      return 1;
    }
    let size = 1;
    if (node.tag !== undefined && node.tag !== MAP_TAG && node.tag !== SEQ_TAG) {
      this.unsupported(node, `the tag ${shortTag(node.tag)} makes a value with no JSON equivalent`);
    }
    this.open.add(node);
    if (isSeq(node)) {
      for (const item of node.items) size += this.visit(item as YamlNode, depth + 1);
    } else if (isMap(node)) {
      for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) size += this.pair(node, pair, depth);
    }
    this.open.delete(node);
    if (size > this.limits.maxNodes) throw limit(`the document expands to more than ${this.limits.maxNodes} nodes (alias expansion?)`, offsetOf(node));
    this.sizes.set(node, size);
    return size;
  }

  private alias(node: Alias): number {
    const target = this.anchors.get(node.source);
    if (!target) {
      this.refusals.push({ code: 'yaml-bad-alias', message: `the alias *${node.source} names no anchor before it`, hint: `Define the anchor (&${node.source}) before the alias, or correct the alias's name.`, offset: offsetOf(node), end: node.range?.[1] });
      return 1;
    }
    if (this.open.has(target)) {
      this.refusals.push({ code: 'yaml-bad-alias', message: `the alias *${node.source} is inside the node it names, which would contain itself`, hint: 'An alias must refer to a node that ends before it.', offset: offsetOf(node), end: node.range?.[1] });
      return 1;
    }
    this.targets.set(node, target);
    return this.sizes.get(target) ?? 1;
  }

  /** One mapping entry: its key's checks, then 1 for the entry plus its value's size. */
  private pair(map: YAMLMap, pair: Pair<YamlNode | null, YamlNode | null>, depth: number): number {
    const key = pair.key;
    const merge = isMergeKey(key);
    if (isMap(key) || isSeq(key)) {
      // Refused once, at the outermost key: `{{params.p}}` unquoted is a mapping whose key is one too.
      this.refusals.push({ code: 'yaml-unsupported', message: 'a mapping key is a list or mapping; kft takes only strings (and numbers or booleans, as text) as keys', hint: UNSUPPORTED_HINT, offset: offsetOf(key), collectionKey: true });
    } else if (!merge) {
      if (key) this.visit(key, depth + 1);
      this.checkKey(key, pair.value, map);
    }
    const size = 1 + this.visit(pair.value, depth + 1);
    if (merge) {
      this.merging.add(map);
      this.checkMergeValue(pair.value, offsetOf(key));
    }
    return size;
  }

  private checkKey(key: YamlNode | null, value: YamlNode | null, map: YAMLMap): void {
    if (isAlias(key) && !this.targets.has(key)) return; // an undefined or cyclic alias: refused already
    const node = isAlias(key) ? this.targets.get(key) : key;
    if (!node || (isScalar(node) && node.value === null)) {
      const source = isScalar(key) && typeof key.source === 'string' ? key.source : '';
      this.refusals.push({
        code: 'yaml-unsupported',
        message: source === '' ? 'a mapping key is empty; kft does not take null as a key' : `the mapping key '${source}' reads as null; kft does not take null as a key`,
        hint: "Quote the key ('null', '~') if you mean the word, or give the entry a name.",
        offset: offsetOf(key ?? value, offsetOf(map)),
      });
      return;
    }
    if (!isScalar(node)) {
      this.refusals.push({ code: 'yaml-unsupported', message: 'a mapping key is a list or mapping; kft takes only strings (and numbers or booleans, as text) as keys', hint: UNSUPPORTED_HINT, offset: offsetOf(key), collectionKey: true });
    }
  }

  /** A merge key's value must be a mapping, an alias of one, or a list of those (yaml's rule). */
  private checkMergeValue(value: YamlNode | null, keyOffset: number): void {
    const isMapping = (node: YamlNode | null | undefined): boolean => (isAlias(node) ? !this.targets.has(node) || isMap(this.targets.get(node)) : isMap(node));
    const ok = isSeq(value) ? value.items.every((item) => isMapping(item as YamlNode)) : isMapping(value);
    if (!ok) this.refusals.push({ code: 'yaml-syntax', message: 'the value of a << merge key must be a mapping, an alias of one, or a list of them', hint: 'Merge only mappings, or quote the key ("<<") if it is meant as a key.', offset: offsetOf(value, keyOffset) });
  }

  private unsupported(node: YamlNode, message: string): void {
    this.refusals.push({ code: 'yaml-unsupported', message, hint: UNSUPPORTED_HINT, offset: offsetOf(node), end: node.range?.[1] });
  }
}

function isJsonScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function kindOf(value: unknown): string {
  if (value instanceof Date) return 'a timestamp';
  if (value instanceof Uint8Array) return 'binary data';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `2001-12-14 ` or `tagged !!binary `, to name a value in a message. */
function describeValue(node: Scalar): string {
  if (node.tag) return `tagged ${shortTag(node.tag)} `;
  return typeof node.source === 'string' && node.source.length <= 40 ? `${node.source} ` : '';
}

const shortTag = (tag: string): string => (tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag);

interface Entry {
  readonly key: string;
  readonly keyNode: YamlNode | null;
  readonly value: YamlNode | null;
}

class Builder {
  private readonly positions = new PointerPositions();
  private nodes = 0;
  /** Offsets of keys written twice in a mapping (the second), with the key. */
  private readonly duplicateKeys = new Map<number, string>();

  constructor(
    private readonly survey: Survey,
    private readonly limits: ReadLimits,
  ) {}

  document(root: YamlNode | null): DocumentValue {
    const value = this.build(root, '', 0, -1);
    if (this.duplicateKeys.size > 0) {
      const sorted = [...this.duplicateKeys].sort((a, b) => a[0] - b[0]);
      return { refusals: sorted.map(([offset, key]) => ({ code: 'yaml-duplicate-key', message: `duplicate key '${key}' in a mapping`, offset })) };
    }
    return { value, positions: this.positions };
  }

  /**
   * The value of `node` at `pointer`. `via` is the offset of the alias being expanded (-1 outside
   * any): limits reached inside an expansion are reported there, where the user wrote the alias.
   */
  private build(node: YamlNode | null | undefined, pointer: Pointer, depth: number, via: number): unknown {
    if (++this.nodes > this.limits.maxNodes) throw limit(`the document expands to more than ${this.limits.maxNodes} nodes (alias expansion?)`, via >= 0 ? via : offsetOf(node));
    if (depth > this.limits.maxDepth) throw limit(`nesting is deeper than ${this.limits.maxDepth} levels`, via >= 0 ? via : offsetOf(node));
    if (!node) return null;
    if (node.range) this.positions.values.set(pointer, { start: node.range[0], end: node.range[1] });
    if (isAlias(node)) {
      const target = this.survey.targets.get(node)!;
      return this.expand(target, pointer, depth, via >= 0 ? via : offsetOf(node));
    }
    return this.expand(node, pointer, depth, via);
  }

  /** Like build, without recording `node`'s range (an alias keeps its own). */
  private expand(node: YamlNode, pointer: Pointer, depth: number, via: number): unknown {
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const items = node.items as (YamlNode | null)[];
      const out = new Array<unknown>(items.length);
      for (let i = 0; i < items.length; i++) out[i] = this.build(items[i], childPointer(pointer, i), depth + 1, via);
      return out;
    }
    if (isMap(node)) return this.mapping(node, pointer, depth, via);
    return null;
  }

  private mapping(map: YAMLMap, pointer: Pointer, depth: number, via: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const entries = this.survey.merging.has(map) ? this.mergedEntries(map) : this.entries(map);
    for (const { key, keyNode, value } of entries) {
      const child = childPointer(pointer, key);
      if (keyNode?.range) this.positions.keys.set(child, { start: keyNode.range[0], end: keyNode.range[1] });
      const built = this.build(value, child, depth + 1, via);
      if (!this.positions.values.has(child) && keyNode?.range) this.positions.values.set(child, { start: keyNode.range[0], end: keyNode.range[1] });
      Object.defineProperty(obj, key, { value: built, enumerable: true, writable: true, configurable: true });
    }
    return obj;
  }

  /** A mapping's entries in order; a key given twice is reported (the second one). */
  private entries(map: YAMLMap): Entry[] {
    const out: Entry[] = [];
    const seen = new Set<string>();
    for (const pair of map.items as Pair<YamlNode | null, YamlNode | null>[]) {
      const key = this.keyText(pair.key);
      if (seen.has(key)) this.duplicateKeys.set(offsetOf(pair.key, offsetOf(map)), key);
      else {
        seen.add(key);
        out.push({ key, keyNode: pair.key, value: pair.value });
      }
    }
    return out;
  }

  /**
   * Entries of a mapping with `<<` merge keys, as yaml's toJS() makes them: each merged mapping's
   * entries are added where the merge key stands, unless the key is already there (an earlier key,
   * or an earlier mapping in a merged list, wins); a key written after the merge replaces the merged
   * value in place. Only keys written in the mapping itself can be duplicates.
   */
  private mergedEntries(map: YAMLMap): Entry[] {
    const out: Entry[] = [];
    const index = new Map<string, number>();
    const written = new Set<string>();
    for (const pair of map.items as Pair<YamlNode | null, YamlNode | null>[]) {
      if (isMergeKey(pair.key)) {
        for (const source of this.mergeSources(pair.value)) {
          for (const entry of this.survey.merging.has(source) ? this.mergedEntries(source) : this.entries(source)) {
            if (!index.has(entry.key)) {
              index.set(entry.key, out.length);
              out.push(entry);
            }
          }
        }
        continue;
      }
      const key = this.keyText(pair.key);
      if (written.has(key)) {
        this.duplicateKeys.set(offsetOf(pair.key, offsetOf(map)), key);
        continue;
      }
      written.add(key);
      const entry = { key, keyNode: pair.key, value: pair.value };
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, out.length);
        out.push(entry);
      } else out[at] = entry;
    }
    return out;
  }

  private mergeSources(value: YamlNode | null): YAMLMap[] {
    const resolve = (node: YamlNode | null | undefined) => (isAlias(node) ? this.survey.targets.get(node) : node) as YAMLMap;
    return isSeq(value) ? value.items.map((item) => resolve(item as YamlNode)) : [resolve(value)];
  }

  /** A key's text as yaml's toJS() writes it (String(value)); Survey refused every other key. */
  private keyText(key: YamlNode | null): string {
    const node = isAlias(key) ? this.survey.targets.get(key) : key;
    return String((node as { value?: unknown }).value);
  }
}
