/**
 * YAML (or JSON) text → SourceDocument. Most specs are read by the fast reader (fastYaml.ts); the
 * rest by the yaml library, whose Document is turned into a value by yamlDocument.ts. Either way
 * every node's offsets are recorded under its JSON Pointer, keys are own data properties
 * (`__proto__` stays inert data), and size, alias expansion and nesting are bounded (a "billion
 * laughs" file is rejected, not run). What YAML forbids, and what has no JSON meaning, is refused
 * with its position, never read as something else.
 */
import { Composer, Parser, type CST, type Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { characterName, firstForbiddenCharacter, utf8Length } from './encoding.js';
import { readFastYaml } from './fastYaml.js';
import { flowCommaHint } from './flowCommaHint.js';
import { kfpScalarDifferences } from './kfpScalars.js';
import { reindentFlowCollections } from './lenientYaml.js';
import { PointerPositions, type OffsetRange } from './nodePositions.js';
import { syntaxHint } from './syntaxHints.js';
import { SourceDocument } from './sourceDocument.js';
import { documentValue, type Refusal } from './yamlDocument.js';

export interface ReadLimits {
  /** Largest accepted input, in bytes (of its UTF-8 encoding). */
  readonly maxBytes: number;
  /** Most nodes a document may expand to, aliases included. */
  readonly maxNodes: number;
  /** Deepest nesting of mappings and sequences. */
  readonly maxDepth: number;
}

export const defaultReadLimits: ReadLimits = { maxBytes: 16 * 1024 * 1024, maxNodes: 2_000_000, maxDepth: 128 };

export interface ReadOptions {
  /**
   * Also read what kfp's reader (PyYAML) reads beyond YAML 1.2 where the meaning is unambiguous (for
   * component files), with a `yaml-nonportable` warning saying how to write it portably.
   */
  readonly lenient?: boolean;
}

export interface ReadResult {
  readonly document?: SourceDocument;
  readonly diagnostics: Diagnostic[];
}

export function readYaml(file: string, text: string, limits: ReadLimits = defaultReadLimits, options: ReadOptions = {}): ReadResult {
  // A byte-order mark is not content (editors do not show it): columns on line 1 count without it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const empty = new SourceDocument(file, text, undefined, new PointerPositions());
  // A character is at most 3 bytes (a surrogate pair, 2 characters, is 4): count only when it matters.
  const bytes = text.length * 3 > limits.maxBytes ? utf8Length(text) : text.length;
  if (bytes > limits.maxBytes) {
    return { diagnostics: [limitDiagnostic(empty, `the file is ${bytes} bytes; the limit is ${limits.maxBytes}`, 0)] };
  }
  const fast = readFastYaml(text, limits);
  if (fast) return withKfpReadings({ document: new SourceDocument(file, text, fast.value, fast.positions), diagnostics: [] }, options);
  // The fast reader gives up on every character looked for here, so its path never pays for this.
  const forbidden = firstForbiddenCharacter(text);
  if (forbidden >= 0) return { diagnostics: [forbiddenCharacterDiagnostic(empty, forbidden)] };
  const read = readWithYamlLibrary(file, text, limits);
  if (read.document || !options.lenient) return withKfpReadings(read, options);
  return withKfpReadings(readLeniently(file, text, limits) ?? read, options);
}

/**
 * A component file (lenient reading) also gets a warning for each plain scalar that kfp's reader
 * (PyYAML, YAML 1.1) reads otherwise than kft (kfpScalars.ts).
 */
function withKfpReadings(read: ReadResult, options: ReadOptions): ReadResult {
  if (!options.lenient || !read.document) return read;
  const doc = read.document;
  const differences = kfpScalarDifferences(doc);
  if (differences.length === 0) return read;
  return {
    document: doc,
    diagnostics: [
      ...read.diagnostics,
      ...differences.map(({ offset, source, kfp, kft }): Diagnostic => {
        const a = doc.position(offset);
        const b = doc.position(offset + source.length);
        return {
          code: 'yaml-1-1-scalar',
          severity: 'warning',
          message: `'${source}' is ${kfp} to kfp's reader (PyYAML, YAML 1.1) but ${kft} to kft (YAML 1.2), which kft uses`,
          hint: `Quote it ('${source}') if it is text, or spell it so that both read the same value.`,
          range: { file: doc.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
        };
      }),
    ],
  };
}

/**
 * The reference reader: yaml's parser and composer, then yamlDocument.ts. Used for everything the
 * fast reader leaves alone, and for every diagnostic.
 */
export function readWithYamlLibrary(file: string, text: string, limits: ReadLimits = defaultReadLimits): ReadResult {
  const empty = new SourceDocument(file, text, undefined, new PointerPositions());
  // Duplicate keys are found while building the value (a Set per mapping): yaml's own `uniqueKeys`
  // check compares every key with every earlier one, which took seconds on a 10,000-task spec.
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (error) {
    // The parser closes many levels at once by recursion: tens of thousands exhaust the stack.
    if (error instanceof RangeError) return { diagnostics: [limitDiagnostic(empty, `nesting is deeper than ${limits.maxDepth} levels`, 0)] };
    throw error;
  }
  // Nesting is bounded before yaml's composer, which recurses per level: a few thousand levels
  // exhaust its stack, and V8 has then been seen to abort the process (compiling a regular
  // expression with no stack left) instead of throwing.
  const bound = beyondLimits(tokens, limits);
  if (bound) return { diagnostics: [limitDiagnostic(empty, bound.what, bound.offset)] };
  // parseAllDocuments, given the tokens already parsed.
  const list = Array.from(new Composer({ uniqueKeys: false }).compose(tokens)) as Document.Parsed[];
  const doc = list[0];
  // As yaml's parseDocument: the first document's errors, and an error for a second document.
  const diagnostics: Diagnostic[] = doc ? [...syntaxDiagnostics(doc, empty, limits), ...tagDiagnostics(doc, empty)] : [];
  // After an exhausted stack the parser's other errors are noise: one input-limit says it all.
  const limit = diagnostics.find((d) => d.code === 'input-limit');
  if (limit) return { diagnostics: [limit] };
  const second = list[1];
  if (second) {
    // Where yaml reports it: the second document's start (its `---`).
    const p = empty.position(second.range?.[0] ?? 0);
    diagnostics.push({ code: 'yaml-syntax', severity: 'error', message: 'the file holds more than one YAML document', hint: 'Put one pipeline per file.', range: { file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column } });
  }
  if (diagnostics.length > 0) return { diagnostics };
  if (!doc || doc.contents === null) {
    return { diagnostics: [{ code: 'yaml-syntax', severity: 'error', message: 'the file is empty', hint: 'Write a pipeline document (see docs/spec.md) or run `kft init`.', range: empty.rangeOf('') ?? { file, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
  }
  const read = documentValue(doc, limits);
  if ('refusals' in read) return { diagnostics: read.refusals.map((r) => refusalDiagnostic(empty, r)) };
  return { document: new SourceDocument(file, text, read.value, read.positions), diagnostics: [] };
}

/**
 * A component file that yaml refuses only because a flow collection is indented less than YAML 1.2
 * asks (lenientYaml.ts): read re-indented, with positions in the original text and a warning.
 */
function readLeniently(file: string, text: string, limits: ReadLimits): ReadResult | undefined {
  const fixed = reindentFlowCollections(text);
  if (!fixed) return undefined;
  const read = readWithYamlLibrary(file, fixed.text, limits);
  if (!read.document) return undefined;
  const map = (r: OffsetRange): OffsetRange => ({ start: fixed.toOriginal(r.start), end: fixed.toOriginal(r.end) });
  const positions = new PointerPositions();
  for (const [pointer, r] of read.document.positions.entries('value')) positions.values.set(pointer, map(r));
  for (const [pointer, r] of read.document.positions.entries('key')) positions.keys.set(pointer, map(r));
  const document = new SourceDocument(file, text, read.document.value, positions);
  const diagnostics = fixed.repairs.map(({ line, open, bracket }): Diagnostic => {
    const at = document.position(line);
    const opened = document.position(open);
    const [what, close, block] = bracket === '[' ? ['flow sequence', ']', 'block sequence'] : ['flow mapping', '}', 'block mapping'];
    return {
      code: 'yaml-nonportable',
      severity: 'warning',
      message: `this line of the ${what} opened at ${opened.line}:${opened.column} is indented no deeper than the key that holds it: YAML 1.2 readers refuse that; kfp's reader (PyYAML) and kft read it`,
      hint: `Indent every line inside the ${bracket}…${close} deeper than its key (or write a ${block}), so that every YAML reader accepts the file.`,
      range: { file, line: at.line, column: at.column, endLine: at.line, endColumn: at.column + 1 },
    };
  });
  return { document, diagnostics };
}

function refusalDiagnostic(doc: SourceDocument, refusal: Refusal): Diagnostic {
  // An alias used as a key is named by the key it stands for.
  if (refusal.code === 'yaml-duplicate-key') return duplicateKeyDiagnostic(doc, refusal.offset, doc.text[refusal.offset] === '*' ? refusal.message : undefined);
  const a = doc.position(refusal.offset);
  const b = refusal.end !== undefined && refusal.end > refusal.offset ? doc.position(refusal.end) : { line: a.line, column: a.column + 1 };
  return {
    code: refusal.code,
    severity: 'error',
    message: refusal.message,
    hint: refusal.collectionKey ? collectionKeyHint(doc.lineText(a.line), a.column - 1) ?? refusal.hint : refusal.hint,
    range: { file: doc.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
  };
}

/** Why a list or mapping became a key: a comma inside {...}, or a reference written without quotes. */
function collectionKeyHint(line: string, start: number): string | undefined {
  const comma = flowCommaHint(line, start);
  if (comma) return comma;
  // The refused key is the outer {...} of {{...}}, or (in a flow mapping) the inner one.
  const reference = /^\{\{[^{}]*\}\}/.exec(line.slice(line[start + 1] === '{' ? start : start - 1));
  return reference ? `A {{...}} reference written without quotes is a YAML mapping: quote the text it is in ("${reference[0]}").` : undefined;
}

function forbiddenCharacterDiagnostic(doc: SourceDocument, offset: number): Diagnostic {
  const p = doc.position(offset);
  return {
    code: 'yaml-control-character',
    severity: 'error',
    message: `the text holds the character ${characterName(doc.text.charCodeAt(offset))}, which YAML does not allow`,
    hint: 'Remove it; in a double-quoted string, write it as an escape (\\0, \\x7f, \\u009b) if it is meant.',
    range: { file: doc.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
  };
}

/**
 * The first node (in document order) of yaml's concrete syntax tree nested deeper than `maxDepth`,
 * or the node past `maxNodes` (counting keys and values as written, before aliases are expanded: never
 * more than yamlDocument.ts counts), walked with a stack (no recursion).
 */
function beyondLimits(tokens: readonly CST.Token[], limits: ReadLimits): { what: string; offset: number } | undefined {
  let nodes = 0;
  for (const token of tokens) {
    if (token.type !== 'document' || !token.value) continue;
    const stack: [CST.Token, number][] = [[token.value, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (depth > limits.maxDepth) return { what: `nesting is deeper than ${limits.maxDepth} levels`, offset: node.offset };
      if (++nodes > limits.maxNodes) return { what: `the document has more than ${limits.maxNodes} nodes`, offset: node.offset };
      if (node.type !== 'block-map' && node.type !== 'block-seq' && node.type !== 'flow-collection') continue;
      for (let i = node.items.length - 1; i >= 0; i--) {
        const { key, value } = node.items[i] as { key?: CST.Token | null; value?: CST.Token };
        if (value) stack.push([value, depth + 1]);
        if (key) stack.push([key, depth + 1]);
      }
    }
  }
  return undefined;
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

function duplicateKeyDiagnostic(doc: SourceDocument, offset: number, message?: string): Diagnostic {
  const p = doc.position(offset);
  return {
    code: 'yaml-duplicate-key',
    severity: 'error',
    message: message ?? duplicateKeyMessage(doc.text.slice(offset, offset + 200)),
    hint: 'Each key may appear once in a mapping; rename or remove one entry.',
    range: { file: doc.file, line: p.line, column: p.column, endLine: p.line, endColumn: p.column + 1 },
  };
}

/**
 * yaml only warns about a tag it cannot resolve and keeps the plain value (`!!float 1` becomes the
 * string "1", `!Ref x` the string "x"): a meaning the author did not write, so refused here.
 */
function tagDiagnostics(doc: Document.Parsed, empty: SourceDocument): Diagnostic[] {
  return doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_COLLECTION_TYPE')
    .map((w) => {
      const [start, end] = w.pos;
      const a = empty.position(start);
      const b = empty.position(Math.max(start, end));
      const message = w.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return {
        code: 'yaml-unsupported',
        severity: 'error',
        message: `the tag ${tagOf(message)} is unknown or does not fit its value (yaml: ${message.replace(/tag:yaml\.org,2002:/g, '!!')})`,
        hint: 'Remove the tag: kft reads plain data (strings, numbers, booleans, null, lists, mappings) as the YAML 1.2 core schema resolves it.',
        range: { file: empty.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column },
      } satisfies Diagnostic;
    });
}

/** The tag a yaml tag warning names, in its short form. */
function tagOf(message: string): string {
  const tag = /^(?:Unresolved tag: )?(\S+)/.exec(message)?.[1] ?? '';
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

function syntaxDiagnostics(doc: Document.Parsed, empty: SourceDocument, limits: ReadLimits): Diagnostic[] {
  return doc.errors.map((error) => {
    const [start, end] = error.pos;
    if (/Maximum call stack size exceeded/.test(error.message)) return limitDiagnostic(empty, `nesting is deeper than ${limits.maxDepth} levels`, start);
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
