/**
 * Where the cursor is in a spec's structure: the keys (and sequence indices) from the document root
 * to the node at the cursor, whether a key or a value is being typed there, and the word it would
 * replace. Completion needs this most while the YAML is broken (a key typed without its colon yet,
 * an unclosed `[`), when the parser has no document to offer; so it is read from the text's layout
 * (indentation, `- ` items, `key:` and one-line flow collections), not from a parse. Semantics come
 * from the last good model; this only says where in it the cursor is.
 */

export type Segment = string | number;

export interface Word {
  /** Offsets in the document text: what a completion replaces. */
  readonly start: number;
  readonly end: number;
  /** The part of the word before the cursor: what the user has typed so far. */
  readonly prefix: string;
}

export interface TemplateAtCursor {
  /** Offset of the `{{`. */
  readonly open: number;
  /** The text between `{{` and the cursor (leading spaces dropped). */
  readonly body: string;
  /** Where `body` starts. */
  readonly bodyStart: number;
  /** Whether `}}` follows the cursor on the line (before any other `{{`). */
  readonly closed: boolean;
}

export interface CursorContext {
  /**
   * For a key: the mapping that holds it. For a value: the key or index whose value it is (the
   * path ends with that key or index).
   */
  readonly path: readonly Segment[];
  readonly kind: 'key' | 'value';
  /** Right after `- ` with nothing typed yet: the new item may be a scalar or a mapping's first key. */
  readonly itemStart: boolean;
  readonly word: Word;
  /** Keys of the mapping at `path.slice(0, i)`, for each i (those seen anywhere in its block). */
  readonly keysAlong: readonly (readonly string[])[];
  /** A `{{...` being typed around the cursor, on the cursor's line. */
  readonly template?: TemplateAtCursor;
  /** The cursor is inside a block scalar (`|`, `>`) or a comment: a value, but no structure. */
  readonly inText: boolean;
  /** Inside a one-line flow collection (`{...}`, `[...]`): a key is written `key: value`, on the same line. */
  readonly flow: boolean;
  /** For a key: its `:` is written already (the cursor is on an existing key). */
  readonly keyHasColon: boolean;
}

interface Frame {
  /** Column of the key, or of the `-` of a sequence item. */
  readonly col: number;
  readonly segment: Segment;
  readonly item: boolean;
  /** Keys of the mapping this frame's value is (when it is one). */
  readonly keys: string[];
}

/** Columns [start, end) on a line. */
interface Span {
  readonly start: number;
  readonly end: number;
}

interface LineContext {
  readonly path: Segment[];
  readonly frames: Frame[];
  readonly kind: 'key' | 'value';
  readonly itemStart: boolean;
  readonly word: Span;
  readonly flow: boolean;
  readonly keyHasColon: boolean;
}

interface LineShape {
  /** Columns of each `- ` item marker at the line's start. */
  readonly dashes: number[];
  /** Column where the content after the markers starts. */
  readonly contentCol: number;
  readonly key?: { readonly start: number; readonly end: number; readonly text: string; readonly colon: number };
  /** Column where the value after `key:` (or the item's scalar) starts, and the value's text (comment stripped). */
  readonly valueCol: number;
  readonly value: string;
}

const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(#.*)?$/;

/** The context of the cursor at `offset` in `text`. */
export function cursorContext(text: string, offset: number): CursorContext {
  const lines = lineStarts(text);
  const lineIndex = lineOf(lines, offset);
  // JSON is one flow collection: read by its indentation, each line on its own.
  const scanner = new Scanner(/^\s*\{/.test(text));
  for (let i = 0; i < lineIndex; i++) scanner.line(lineText(text, lines, i));
  const lineStart = lines[lineIndex]!;
  const line = lineText(text, lines, lineIndex);
  const col = offset - lineStart;
  const inBlock = scanner.inBlockScalarAt(line, col);
  const inText = inBlock || (!scanner.inBlockScalarAt(line, 0) && inComment(line, col));
  const { path, frames, kind, itemStart, word, flow, keyHasColon } = inText ? blockScalarContext(scanner, col) : scanner.contextAt(line, col);
  const keysAlong: string[][] = [scanner.root.keys, ...frames.map((f) => f.keys)];
  // The rest of the document adds the keys written below the cursor to the open mappings (until
  // they close; to the end for the top level).
  const watched = new Set(frames);
  scanner.line(line);
  for (let i = lineIndex + 1; i < lines.length && (path.length === 0 || scanner.holdsAny(watched)); i++) scanner.line(lineText(text, lines, i));
  // The key being typed is not one of its mapping's other keys.
  if (kind === 'key' && path.length === frames.length) keysAlong[path.length] = withoutOnce(keysAlong[path.length]!, line.slice(word.start, word.end));
  return {
    path,
    kind,
    itemStart,
    word: { start: lineStart + word.start, end: lineStart + word.end, prefix: line.slice(word.start, Math.max(word.start, col)) },
    keysAlong,
    template: inText && !inBlock ? undefined : templateAt(line, col, lineStart),
    inText,
    flow,
    keyHasColon,
  };
}

function blockScalarContext(scanner: Scanner, col: number): LineContext {
  const frames = scanner.frames();
  return { path: frames.map((f) => f.segment), frames, kind: 'value' as const, itemStart: false, word: { start: col, end: col }, flow: false, keyHasColon: false };
}

/** The lines' structure so far: a stack of the open keys and items. */
class Scanner {
  readonly root: Frame = { col: -1, segment: '', item: false, keys: [] };
  private stack: Frame[] = [this.root];
  /** Lines indented deeper than this belong to a block scalar. */
  private blockCol: number | undefined;
  /** Open brackets and quote of a flow collection or quoted scalar that continues on the next line. */
  private flowDepth = 0;
  private openQuote: string | undefined;

  constructor(private readonly json: boolean) {}

  frames(): Frame[] {
    return this.stack.slice(1);
  }

  holdsAny(frames: ReadonlySet<Frame>): boolean {
    return this.stack.some((f) => frames.has(f));
  }

  /** Whether column `col` of `line` is inside the block scalar of an earlier line. */
  inBlockScalarAt(line: string, col: number): boolean {
    if (this.blockCol === undefined) return false;
    return line.trim() === '' ? col > this.blockCol : indentOf(line) > this.blockCol;
  }

  line(line: string): void {
    if (this.blockCol !== undefined && (line.trim() === '' || indentOf(line) > this.blockCol)) return;
    this.blockCol = undefined;
    if (this.flowDepth > 0 || this.openQuote !== undefined) {
      this.continueFlow(line, 0);
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') return;
    const shape = shapeOf(line);
    this.enter(shape);
    const value = shape.value;
    if (this.json) return;
    if (BLOCK_SCALAR.test(value)) this.blockCol = shape.key ? shape.key.start : (shape.dashes[shape.dashes.length - 1] ?? shape.contentCol);
    else if (value.startsWith('{') || value.startsWith('[') || value.startsWith('"') || value.startsWith("'")) this.continueFlow(line, shape.valueCol);
  }

  /** Pushes the line's items and key onto the stack, popping what they close. */
  private enter(shape: LineShape): void {
    for (const dash of shape.dashes) this.item(dash);
    if (shape.key) {
      this.popTo(shape.key.start);
      this.top().keys.push(shape.key.text);
      this.stack.push({ col: shape.key.start, segment: shape.key.text, item: false, keys: [] });
    }
  }

  private item(col: number): void {
    let index = 0;
    while (this.stack.length > 1) {
      const top = this.top();
      if (top.col > col || (top.col === col && top.item)) {
        this.stack.pop();
        if (top.col === col && top.item) {
          index = (top.segment as number) + 1;
          break;
        }
      } else break;
    }
    this.stack.push({ col, segment: index, item: true, keys: [] });
  }

  private popTo(col: number): void {
    while (this.stack.length > 1 && this.top().col >= col) this.stack.pop();
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private continueFlow(line: string, from: number): void {
    for (let i = from; i < line.length; i++) {
      const c = line[i]!;
      if (this.openQuote !== undefined) {
        if (this.openQuote === '"' && c === '\\') i++;
        else if (c === this.openQuote) {
          if (c === "'" && line[i + 1] === "'") i++;
          else this.openQuote = undefined;
        }
      } else if (c === '"' || c === "'") {
        // A quote opens a scalar only at its start (after an indicator or spaces), not inside a word.
        const before = line.slice(from, i).trimEnd();
        if (i === from || /[[{,:]$/.test(before) || before === '') this.openQuote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      else if (c === '[' || c === '{') this.flowDepth++;
      else if (c === ']' || c === '}') this.flowDepth = Math.max(0, this.flowDepth - 1);
    }
  }

  /** The context at column `col` of `line` (the stack itself is left as it is). */
  contextAt(line: string, col: number): LineContext {
    const saved = this.stack;
    this.stack = [...saved];
    try {
      return this.contextOnCopy(line, col);
    } finally {
      this.stack = saved;
    }
  }

  private contextOnCopy(line: string, col: number): LineContext {
    const shape = shapeOf(line);
    const firstContent = shape.dashes[0] ?? shape.contentCol;
    const result = (kind: 'key' | 'value', extra: Segment[], word: Span, more: { itemStart?: boolean; flow?: boolean; keyHasColon?: boolean } = {}): LineContext => {
      const frames = this.frames();
      // The word always holds the cursor (which may sit in spaces beside it).
      const around = { start: Math.min(word.start, col), end: Math.max(word.end, col) };
      return { path: [...frames.map((f) => f.segment), ...extra], frames, kind, itemStart: more.itemStart ?? false, word: around, flow: more.flow ?? false, keyHasColon: more.keyHasColon ?? false };
    };
    if (this.flowDepth > 0 || this.openQuote !== undefined) {
      // Inside a flow collection continued from an earlier line: its key, as far as we can tell.
      return result('value', [], wordAround(line, col));
    }
    if (line.trim() === '' || col < firstContent || (col === firstContent && shape.dashes.length > 0)) {
      // A new key at the cursor's column (an empty line, or before the line's content).
      this.popTo(col);
      return result('key', [], { start: col, end: col });
    }
    for (const dash of shape.dashes) {
      if (dash >= col) break;
      this.item(dash);
    }
    const key = shape.key;
    if (key && col <= key.colon) {
      this.popTo(key.start);
      return result('key', [], { start: key.start, end: key.end }, { keyHasColon: true });
    }
    if (key) {
      this.popTo(key.start);
      this.stack.push({ col: key.start, segment: key.text, item: false, keys: [] });
      return this.valueContext(line, col, shape.valueCol, result);
    }
    // No key on the line: after `- ` an item's value (or its mapping's first key); else a key being typed.
    if (shape.dashes.length > 0) {
      const itemStart = line.slice(shape.contentCol, col).trim() === '' && line.slice(col).trim() === '';
      if (shape.value.startsWith('{') || shape.value.startsWith('[')) return this.valueContext(line, col, shape.valueCol, result);
      return result('value', [], scalarWord(line, shape.valueCol, col), { itemStart: itemStart || /^[A-Za-z0-9_-]*$/.test(line.slice(shape.contentCol).trim()) });
    }
    this.popTo(shape.contentCol);
    return result('key', [], scalarWord(line, shape.contentCol, col));
  }

  private valueContext(line: string, col: number, valueCol: number, result: (kind: 'key' | 'value', extra: Segment[], word: Span, more?: { flow?: boolean; keyHasColon?: boolean }) => LineContext): LineContext {
    const value = line.slice(valueCol);
    if (col < valueCol) return result('value', [], { start: col, end: col });
    if (value.startsWith('{') || value.startsWith('[')) {
      const flow = flowContext(line, valueCol, col);
      if (flow) return result(flow.kind, flow.path, flow.word, { flow: true, keyHasColon: flow.keyHasColon });
    }
    return result('value', [], scalarWord(line, valueCol, col));
  }
}

/** The structure of one line: item markers, key, value. */
function shapeOf(line: string): LineShape {
  const dashes: number[] = [];
  let i = indentOf(line);
  while (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const contentCol = i;
  const key = keyAt(line, contentCol);
  let valueCol = key ? key.colon + 1 : contentCol;
  while (line[valueCol] === ' ' || line[valueCol] === '\t') valueCol++;
  return { dashes, contentCol, key, valueCol, value: stripComment(line.slice(valueCol)).trimEnd() };
}

/** A mapping key starting at `col` (plain or quoted), up to its `:`. */
function keyAt(line: string, col: number): LineShape['key'] {
  const first = line[col];
  if (first === undefined || first === '#' || first === '{' || first === '[' || first === '}' || first === ']' || first === ',') return undefined;
  if (first === '"' || first === "'") {
    let i = col + 1;
    for (; i < line.length; i++) {
      if (first === '"' && line[i] === '\\') i++;
      else if (line[i] === first) {
        if (first === "'" && line[i + 1] === "'") i++;
        else break;
      }
    }
    let colon = i + 1;
    while (line[colon] === ' ') colon++;
    if (line[colon] !== ':' || !isBreak(line[colon + 1])) return undefined;
    const raw = line.slice(col + 1, i);
    return { start: col, end: i + 1, text: first === "'" ? raw.replace(/''/g, "'") : raw.replace(/\\(.)/g, '$1'), colon };
  }
  for (let i = col; i < line.length; i++) {
    const c = line[i];
    if (c === '#' && /\s/.test(line[i - 1] ?? ' ')) return undefined;
    if (c === ':' && isBreak(line[i + 1])) {
      const text = line.slice(col, i).trimEnd();
      return text === '' ? undefined : { start: col, end: col + text.length, text, colon: i };
    }
  }
  return undefined;
}

const isBreak = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\r';

function stripComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(value[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]!))) return value.slice(0, i);
  }
  return value;
}

function inComment(line: string, col: number): boolean {
  const shape = shapeOf(line);
  const body = line.slice(shape.valueCol);
  const stripped = stripComment(body);
  if (stripped.length < body.length && col > shape.valueCol + stripped.length) return true;
  return line.trimStart().startsWith('#') && col > indentOf(line);
}

/** A scalar value (plain or quoted) starting at `start`: the word the cursor is in, inside any quotes. */
function scalarWord(line: string, start: number, col: number): Span {
  const value = stripComment(line.slice(start)).trimEnd();
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  const from = start + quote.length;
  let to = start + value.length;
  if (quote && value.length > 1 && value.endsWith(quote)) to--;
  return { start: Math.min(from, col), end: Math.max(to, col) };
}

function wordAround(line: string, col: number): Span {
  let start = col;
  while (start > 0 && /[^\s,[\]{}:"']/.test(line[start - 1]!)) start--;
  let end = col;
  while (end < line.length && /[^\s,[\]{}:"']/.test(line[end]!)) end++;
  return { start, end };
}

interface FlowLevel {
  readonly seq: boolean;
  key?: string;
  index: number;
  expectingKey: boolean;
  tokenStart: number;
}

/** The cursor's place in a one-line flow collection `{a: [x, y|` starting at `from`. */
function flowContext(line: string, from: number, col: number): { path: Segment[]; kind: 'key' | 'value'; word: Span; keyHasColon: boolean } | undefined {
  const stack: FlowLevel[] = [];
  let quote: string | undefined;
  for (let i = from; i < col; i++) {
    const c = line[i]!;
    const top = stack[stack.length - 1];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && top && line.slice(top.tokenStart, i).trim() === '') quote = c;
    else if (c === '{' || c === '[') stack.push({ seq: c === '[', index: 0, expectingKey: c === '{', tokenStart: i + 1 });
    else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top) {
      if (top.seq) top.index++;
      else {
        top.expectingKey = true;
        top.key = undefined;
      }
      top.tokenStart = i + 1;
    } else if (c === ':' && top && !top.seq && top.expectingKey && isFlowBreak(line[i + 1])) {
      top.key = unquote(line.slice(top.tokenStart, i).trim());
      top.expectingKey = false;
      top.tokenStart = i + 1;
    }
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const path: Segment[] = [];
  for (const level of stack.slice(0, -1)) path.push(level.seq ? level.index : (level.key ?? ''));
  let start = top.tokenStart;
  while (line[start] === ' ') start++;
  if (line[start] === '"' || line[start] === "'") start++;
  let end = Math.max(col, start);
  while (end < line.length && /[^,\]}"':]/.test(line[end]!)) end++;
  while (end > col && line[end - 1] === ' ') end--;
  const word = { start: Math.min(start, col), end };
  if (top.seq) return { path: [...path, top.index], kind: 'value', word, keyHasColon: false };
  if (top.expectingKey) return { path, kind: 'key', word, keyHasColon: line[end] === ':' };
  return { path: [...path, top.key ?? ''], kind: 'value', word, keyHasColon: false };
}

const isFlowBreak = (c: string | undefined) => c === undefined || c === ' ' || c === ',' || c === '}' || c === ']';

const unquote = (s: string) => (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s.endsWith(s[0]!) ? s.slice(1, -1) : s);

/** The `{{...` the cursor is in on its line, if any. */
function templateAt(line: string, col: number, lineStart: number): TemplateAtCursor | undefined {
  const before = line.slice(0, col);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
  let bodyStart = open + 2;
  while (line[bodyStart] === ' ' && bodyStart < col) bodyStart++;
  const after = line.slice(col);
  const close = after.indexOf('}}');
  const reopen = after.indexOf('{{');
  return { open: lineStart + open, body: line.slice(bodyStart, col), bodyStart: lineStart + bodyStart, closed: close >= 0 && (reopen < 0 || close < reopen) };
}

function withoutOnce(keys: readonly string[], key: string): string[] {
  const out = [...keys];
  const i = out.indexOf(key);
  if (i >= 0) out.splice(i, 1);
  return out;
}

const indentOf = (line: string): number => {
  let i = 0;
  while (line[i] === ' ') i++;
  return i;
};

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineText(text: string, starts: readonly number[], i: number): string {
  const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
  const line = text.slice(starts[i]!, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
