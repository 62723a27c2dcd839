/**
 * YAML (or JSON) text → SourceDocument. The AST is walked by hand so that every node's offsets are
 * recorded under its JSON Pointer, keys are set as own data properties (`__proto__` stays inert
 * data), and alias expansion and nesting are bounded (a "billion laughs" file is rejected, not run).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readFastYaml } from './fastYaml.js';
import { syntaxHint } from './syntaxHints.js';
import { childPointer, type Pointer } from './pointer.js';
import { PointerPositions } from './nodePositions.js';
import { SourceDocument } from './sourceDocument.js';

export interface ReadLimits {
  /** Largest accepted input, in bytes of UTF-16 text. */
  readonly maxBytes: number;
  /** Most nodes a document may expand to, aliases included. */
  readonly maxNodes: number;
  /** Deepest nesting of mappings and sequences. */
  readonly maxDepth: number;
}

export const defaultReadLimits: ReadLimits = { maxBytes: 16 * 1024 * 1024, maxNodes: 2_000_000, maxDepth: 128 };

export interface ReadResult {
  readonly document?: SourceDocument;
  readonly diagnostics: Diagnostic[];
}

class LimitExceeded extends Error {
  constructor(readonly what: string, readonly offset: number) {
    super(what);
  }
}

export function readYaml(file: string, text: string, limits: ReadLimits = defaultReadLimits): ReadResult {
  const empty = new SourceDocument(file, text, undefined, new PointerPositions());
  if (text.length > limits.maxBytes) {
    return { diagnostics: [limitDiagnostic(empty, `the file is ${text.length} bytes; the limit is ${limits.maxBytes}`, 0)] };
  }
  const fast = readFastYaml(text, limits);
  if (fast) return { document: new SourceDocument(file, text, fast.value, fast.positions), diagnostics: [] };
  return readWithYamlLibrary(file, text, limits);
}

/**
 * The reference reader: yaml's parser and composer, then a walk of its Document. Used for
 * everything the fast reader (fastYaml.ts) leaves alone, and for every diagnostic.
 */
export function readWithYamlLibrary(file: string, text: string, limits: ReadLimits = defaultReadLimits): ReadResult {
  const empty = new SourceDocument(file, text, undefined, new PointerPositions());
  const lineCounter = new LineCounter();
  // Duplicate keys are found while building the value (a Set per mapping): yaml's own `uniqueKeys`
  // check compares every key with every earlier one, which took seconds on a 10,000-task spec.
  let docs: Document.Parsed[] | Document.Parsed;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false }) as Document.Parsed[] | Document.Parsed;
  } catch (error) {
    // yaml's parser recurses per nesting level: thousands of `[` exhaust the stack.
    if (error instanceof RangeError) return { diagnostics: [limitDiagnostic(empty, 'nesting is too deep to parse', 0)] };
    throw error;
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const diagnostics: Diagnostic[] = [];
  for (const doc of list) diagnostics.push(...syntaxDiagnostics(doc, empty, limits));
  // After an exhausted stack the parser's other errors are noise: one input-limit says it all.
  const limit = diagnostics.find((d) => d.code === 'input-limit');
  if (limit) return { diagnostics: [limit] };
  if (diagnostics.length > 0) return { diagnostics };
  const contentful = list.filter((d) => d.contents !== null);
  if (contentful.length === 0) {
    return { diagnostics: [{ code: 'yaml-syntax', severity: 'error', message: 'the file is empty', hint: 'Write a pipeline document (see docs/spec.md) or run `kft init`.', range: empty.rangeOf('') ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
  }
  if (contentful.length > 1) {
    const second = contentful[1]!;
    const offset = second.contents?.range?.[0] ?? 0;
    const p = empty.position(offset);
    return { diagnostics: [{ code: 'yaml-syntax', severity: 'error', message: 'the file holds more than one YAML document', hint: 'Put one pipeline per file.', range: { file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column } }] };
  }
  const doc = contentful[0]!;
  const positions = new PointerPositions();
  const valueRanges = positions.values;
  const keyRanges = positions.keys;
  let nodes = 0;
  const duplicateKeys = new Set<number>();

  const build = (node: YamlNode | null, pointer: Pointer, depth: number): unknown => {
    if (++nodes > limits.maxNodes) throw new LimitExceeded(`the document expands to more than ${limits.maxNodes} nodes (alias expansion?)`, node?.range?.[0] ?? 0);
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting is deeper than ${limits.maxDepth} levels`, node?.range?.[0] ?? 0);
    if (node === null) return null;
    if (node.range) valueRanges.set(pointer, { start: node.range[0], end: node.range[1] });
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      return build((target as YamlNode | undefined) ?? null, pointer, depth + 1);
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item, i) => build(item as YamlNode, childPointer(pointer, i), depth + 1));
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode === null ? '' : String(keyNode);
        if (Object.prototype.hasOwnProperty.call(obj, key)) duplicateKeys.add(keyNode?.range?.[0] ?? node.range?.[0] ?? 0);
        const child = childPointer(pointer, key);
        if (keyNode?.range) keyRanges.set(child, { start: keyNode.range[0], end: keyNode.range[1] });
        const value = build(pair.value as YamlNode | null, child, depth + 1);
        if (!valueRanges.has(child) && keyNode?.range) valueRanges.set(child, { start: keyNode.range[0], end: keyNode.range[1] });
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    return null;
  };

  try {
    checkExpandedSize(doc, limits);
    const value = build(doc.contents as YamlNode, '', 0);
    if (duplicateKeys.size > 0) return { diagnostics: [...duplicateKeys].sort((a, b) => a - b).map((offset) => duplicateKeyDiagnostic(empty, offset)) };
    return { document: new SourceDocument(file, text, value, positions), diagnostics: [] };
  } catch (err) {
    if (err instanceof LimitExceeded) return { diagnostics: [limitDiagnostic(empty, err.what, err.offset)] };
    throw err;
  }
}

function limitDiagnostic(doc: SourceDocument, what: string, offset: number): Diagnostic {
  const p = doc.position(offset);
  return {
    code: 'input-limit',
    severity: 'error',
    message: `input rejected: ${what}`,
    hint: 'Reduce the size, aliases or nesting of the file.',
    range: { file: doc.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column },
  };
}

/** Names the key that starts the text (the parser points at the repeated key), when it is a scalar. */
function duplicateKeyMessage(rest: string): string {
  const key = /^(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s:#,{}[\]][^:#\n,{}]*?)(?=\s*:)/.exec(rest)?.[0];
  if (!key || key.length > 80) return 'duplicate key in a mapping';
  return `duplicate key ${/^["']/.test(key) ? key : `'${key}'`} in a mapping`;
}

function duplicateKeyDiagnostic(doc: SourceDocument, offset: number): Diagnostic {
  const p = doc.position(offset);
  return {
    code: 'yaml-duplicate-key',
    severity: 'error',
    message: duplicateKeyMessage(doc.text.slice(offset, offset + 200)),
    hint: 'Each key may appear once in a mapping; rename or remove one entry.',
    range: { file: doc.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
  };
}

/**
 * Rejects alias bombs before anything is built: the size a node expands to is computed once per
 * node (aliases count their target's full size), so a "billion laughs" file of 100 nodes is
 * rejected in microseconds instead of after building millions of nodes.
 */
function checkExpandedSize(doc: Document.Parsed, limits: ReadLimits): void {
  const sizes = new Map<YamlNode, number>();
  const sizeOf = (node: YamlNode | null, depth: number): number => {
    if (node === null) return 1;
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting is deeper than ${limits.maxDepth} levels`, node.range?.[0] ?? 0);
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // a cycle through an alias counts once (yaml reports it)
    let size = 1;
    if (isAlias(node)) size += sizeOf((node.resolve(doc as Document) as YamlNode | undefined) ?? null, depth + 1);
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item as YamlNode, depth + 1);
    else if (isMap(node)) for (const pair of node.items) size += 1 + sizeOf(((pair as { value?: YamlNode | null }).value ?? null), depth + 1);
    if (size > limits.maxNodes) throw new LimitExceeded(`the document expands to more than ${limits.maxNodes} nodes (alias expansion?)`, node.range?.[0] ?? 0);
    sizes.set(node, size);
    return size;
  };
  sizeOf(doc.contents as YamlNode | null, 0);
}

function syntaxDiagnostics(doc: Document.Parsed, empty: SourceDocument, limits: ReadLimits): Diagnostic[] {
  return doc.errors.map((error) => {
    const [start, end] = error.pos;
    if (/Maximum call stack size exceeded/.test(error.message)) return limitDiagnostic(empty, `nesting is too deep to parse (the limit is ${limits.maxDepth} levels)`, start);
    const a = empty.position(start);
    const b = empty.position(Math.max(start, end));
    const duplicate = error.code === 'DUPLICATE_KEY';
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: duplicate ? duplicateKeyMessage(empty.text.slice(start)) : message,
      hint: duplicate ? 'Each key may appear once in a mapping; rename or remove one entry.' : syntaxHint(error.code, message),
      range: { file: empty.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
    } satisfies Diagnostic;
  });
}
