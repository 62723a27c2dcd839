/**
 * A one-pass reader for the plain subset of YAML that most specs (and all generated ones) are
 * written in: block mappings and sequences indented with spaces, one-line flow collections,
 * one-line plain and quoted scalars, end-of-line comments, blank lines and leading comment lines.
 * It builds the value and the positions directly from the text, several times faster than yaml's
 * lexer + parser + composer followed by a walk of its Document (most of the parse time of a
 * 10,000-task spec).
 *
 * Anything outside the subset (anchors, aliases, tags, block scalars, multi-line scalars or flow
 * collections, escapes, tabs, CRs, indented full-line comments, several documents), anything
 * invalid, a duplicate key, and a reached limit make it give up (return undefined): readYaml then
 * reads the text with the yaml library, which stays the reference for values, positions and every
 * diagnostic. test/parse/fastYaml.test.ts checks on random documents that both agree.
 *
 * Shaped for a cold run (a CLI compiles one spec and exits, mostly before V8 optimises anything):
 * scalars and keys are scanned with sticky regular expressions, which V8 runs as machine code, not
 * with a loop per character in the interpreter; a read returns its value and end through fields
 * of the reader instead of a new object per node, and positions go into a record per collection
 * (nodePositions.ts: no pointer string per node).
 */
import { MAP, SEQ, TreePositions, type PositionRecord } from './nodePositions.js';
import type { ReadLimits } from './readYaml.js';

export interface FastRead {
  readonly value: unknown;
  readonly positions: TreePositions;
}

/** Thrown (not an Error: no stack is captured) when the text leaves the subset. */
const GIVE_UP = { giveUp: true };

const SPECIAL_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const AMPERSAND = 38;
const ASTERISK = 42;

/** An anchor or alias name: anything up to a blank or a flow indicator (and `:`, left to yaml). */
const NAME = /[^\s,[\]{}:]+/y;

/** An anchored node: its value, positions record and the nodes it counts (an alias adds them again). */
interface Anchored {
  readonly value: unknown;
  readonly record: PositionRecord | undefined;
  readonly size: number;
}

/** An anchor whose node is still being read. */
const OPEN: unique symbol = Symbol('open');

/**
 * A plain scalar in block context, from its first character: it ends at the line end, before a
 * comment (`#` after a space) or at a `:` followed by a blank or the end (then it was a key, or
 * invalid). A `#` not after a space and a `:` before other characters belong to the scalar.
 * Also finds where a block mapping key ends (that `:`).
 */
const BLOCK_PLAIN = /(?:[^\n#:]|(?<! )#|:(?=[^ \n]))*/y;

/**
 * A plain scalar in a flow collection: as BLOCK_PLAIN, but it also ends at `,` `[` `]` `{` `}`
 * and at a `:` followed by one of them.
 */
const FLOW_PLAIN = /(?:[^ \n,[\]{}#:]|(?<! )#|:(?=[^ \n,[\]{}])| )*/y;

export function readFastYaml(text: string, limits: ReadLimits): FastRead | undefined {
  // Tabs, CRs, other control characters and byte-order marks have rules of their own: leave them to yaml.
  if (SPECIAL_CHARACTERS.test(text)) return undefined;
  try {
    return new FastReader(text, limits).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class FastReader {
  private pos = 0;
  /** Column of the content at `pos` after nextContentLine(), or -1 at the end of the text. */
  private indent = -1;
  /** Nodes as readYaml's expansion check counts them: every value, plus one per mapping entry. */
  private nodes = 0;
  /** The value last read (by any read method). */
  private value: unknown;
  /** After a block read: the end of what belongs to the value (yaml's range[2]); its parent collection ends there. */
  private valueEnd = 0;
  /** After a key read: the key and where its text ends. */
  private key = '';
  private keyEnd = 0;
  /** After flowPlainEnd: where the scalar stopped (its text may end before, at trailing spaces). */
  private stop = 0;
  /** After any value read: its range, and its positions record if it is a collection. */
  private rangeStart = 0;
  private rangeEnd = 0;
  private record: PositionRecord | undefined;
  /** Anchored values by name, made on the first anchor. */
  private anchors: Map<string, Anchored | typeof OPEN> | undefined;

  constructor(
    private readonly text: string,
    private readonly limits: ReadLimits,
  ) {}

  read(): FastRead {
    this.skipLeadingComments();
    if (this.indent !== 0) throw GIVE_UP;
    this.blockNode(0);
    if (!this.atEnd()) throw GIVE_UP;
    return { value: this.value, positions: new TreePositions([SEQ, this.rangeStart, this.rangeEnd, this.record]) };
  }

  private atEnd(): boolean {
    return this.indent === -1;
  }

  /** Comment lines at column 0 and blank lines before the document. */
  private skipLeadingComments(): void {
    const { text } = this;
    for (;;) {
      let p = this.pos;
      while (text.charCodeAt(p) === SPACE) p++;
      if (p >= text.length) throw GIVE_UP; // an empty document: yaml's error message
      const c = text.charCodeAt(p);
      if (c === NEWLINE) {
        this.pos = p + 1;
        continue;
      }
      if (c === HASH && p === this.pos) {
        const eol = text.indexOf('\n', p);
        if (eol < 0) throw GIVE_UP;
        this.pos = eol + 1;
        continue;
      }
      this.indent = p - this.pos;
      this.pos = p;
      this.checkNotMarker();
      return;
    }
  }

  /** From the start of a line: skips blank lines, stops at the next content (sets `indent`). */
  private nextContentLine(): void {
    const { text } = this;
    for (;;) {
      let p = this.pos;
      while (text.charCodeAt(p) === SPACE) p++;
      if (p >= text.length) {
        this.pos = text.length;
        this.indent = -1;
        return;
      }
      const c = text.charCodeAt(p);
      if (c === NEWLINE) {
        this.pos = p + 1;
        continue;
      }
      // yaml attaches a full-line comment to an enclosing collection, which can move where that
      // collection ends: not worth modelling here.
      if (c === HASH) throw GIVE_UP;
      this.indent = p - this.pos;
      this.pos = p;
      this.checkNotMarker();
      return;
    }
  }

  private checkNotMarker(): void {
    if (this.indent !== 0) return;
    const c = this.text.charCodeAt(this.pos);
    if ((c === DASH && this.text.startsWith('---', this.pos)) || (c === 46 && this.text.startsWith('...', this.pos)) || c === 37 /* % */) throw GIVE_UP;
  }

  private count(depth: number): void {
    if (++this.nodes > this.limits.maxNodes || depth > this.limits.maxDepth) throw GIVE_UP;
  }

  private isSeqEntry(p: number): boolean {
    if (this.text.charCodeAt(p) !== DASH) return false;
    const next = this.text.charCodeAt(p + 1);
    return next === SPACE || next === NEWLINE || p + 1 >= this.text.length;
  }

  /** A node that starts a line at column `indent`. Leaves `pos` at the next content line. */
  private blockNode(depth: number): void {
    const column = this.indent;
    if (this.isSeqEntry(this.pos)) return this.blockSeq(column, depth);
    if (this.keyColon(this.pos) >= 0) return this.blockMap(column, depth);
    this.lineValue(depth);
    if (this.indent > column) throw GIVE_UP; // a multi-line scalar
  }

  private blockMap(column: number, depth: number): void {
    this.count(depth);
    const obj: Record<string, unknown> = {};
    const record: PositionRecord = [MAP];
    const start = this.pos;
    for (;;) {
      if (++this.nodes > this.limits.maxNodes) throw GIVE_UP;
      const keyStart = this.pos;
      const colon = this.keyColon(keyStart);
      if (colon < 0) throw GIVE_UP;
      this.blockKey(keyStart, colon);
      const key = this.key;
      const keyEnd = this.keyEnd;
      if (Object.prototype.hasOwnProperty.call(obj, key)) throw GIVE_UP; // yaml names the duplicate
      this.pos = colon + 1;
      this.mapValue(column, depth + 1);
      define(obj, key, this.value);
      record.push(key, keyStart, keyEnd, this.rangeStart, this.rangeEnd, this.record);
      if (this.indent < column) break;
      if (this.indent > column || this.isSeqEntry(this.pos)) throw GIVE_UP;
    }
    this.collection(obj, record, start, this.valueEnd);
  }

  /** A collection just read: its value, positions record and range. */
  private collection(value: unknown, record: PositionRecord, start: number, end: number): void {
    this.value = value;
    this.record = record;
    this.rangeStart = start;
    this.rangeEnd = end;
  }

  /** A scalar just read: its value and range. */
  private scalar(value: unknown, start: number, end: number): void {
    this.value = value;
    this.record = undefined;
    this.rangeStart = start;
    this.rangeEnd = end;
  }

  /** The value after `key:`, on the same line or on the lines below. */
  private mapValue(column: number, depth: number): void {
    const { text } = this;
    this.skipSpaces();
    const c = text.charCodeAt(this.pos);
    if (this.pos < text.length && c !== NEWLINE) {
      if (c === HASH) throw GIVE_UP;
      if (c === AMPERSAND) return this.anchored(depth, () => this.mapValue(column, depth));
      this.lineValue(depth);
      if (this.indent > column) throw GIVE_UP; // a multi-line scalar, or a mapping on a value line
      return;
    }
    const empty = this.pos;
    if (this.pos < text.length) this.pos++;
    this.nextContentLine();
    if (this.indent > column) return this.blockNode(depth);
    // A sequence may sit at the key's own column (`key:\n- a`).
    if (this.indent === column && this.isSeqEntry(this.pos)) return this.blockSeq(column, depth);
    this.emptyValue(depth, empty);
  }

  private emptyValue(depth: number, at: number): void {
    this.count(depth);
    this.scalar(null, at, at);
    this.valueEnd = at;
  }

  private blockSeq(column: number, depth: number): void {
    this.count(depth);
    const { text } = this;
    const items: unknown[] = [];
    const record: PositionRecord = [SEQ];
    const start = this.pos;
    for (;;) {
      const dash = this.pos;
      this.pos++;
      this.skipSpaces();
      this.seqEntry(column, dash, depth + 1);
      items.push(this.value);
      record.push(this.rangeStart, this.rangeEnd, this.record);
      if (this.indent > column) throw GIVE_UP;
      if (this.indent < column || !this.isSeqEntry(this.pos)) break;
    }
    this.collection(items, record, start, this.valueEnd);
  }

  /** The value of a `- ` entry at `column`, from the first character after the dash and its spaces. */
  private seqEntry(column: number, dash: number, depth: number): void {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (this.pos >= text.length || c === NEWLINE) {
      const empty = this.pos;
      if (this.pos < text.length) this.pos++;
      this.nextContentLine();
      if (this.indent > column) this.blockNode(depth);
      else this.emptyValue(depth, empty);
    } else if (c === HASH || this.isSeqEntry(this.pos)) {
      throw GIVE_UP;
    } else if (c === AMPERSAND) {
      this.anchored(depth, () => this.seqEntry(column, dash, depth));
    } else if (this.keyColon(this.pos) >= 0) {
      // `- key: value`: a mapping whose keys line up after the dash.
      this.blockMap(column + (this.pos - dash), depth);
    } else {
      this.lineValue(depth);
    }
  }

  /**
   * `&name` before a value: the value is read by `read` (from the first character after the anchor
   * and its spaces, possibly on the next lines) and kept under the name for the aliases after it.
   */
  private anchored(depth: number, read: () => void): void {
    const name = this.name(this.pos + 1);
    this.skipSpaces();
    const c = this.text.charCodeAt(this.pos);
    // Another property, a comment, or a key (`&a key: v` anchors the key, not the mapping): for yaml.
    if (c === AMPERSAND || c === ASTERISK || c === 33 /* ! */ || c === HASH || this.keyColon(this.pos) >= 0) throw GIVE_UP;
    const anchors = (this.anchors ??= new Map());
    // An alias inside the anchored node would make it contain itself: yaml reports that.
    anchors.set(name, OPEN);
    const nodes = this.nodes;
    read();
    // An anchored empty value (`key: &a` and nothing) has a range of its own in yaml: not modelled.
    if (this.record === undefined && this.rangeStart === this.rangeEnd) throw GIVE_UP;
    // The last anchor of a name before an alias counts: one inside this node, if any, came later.
    if (anchors.get(name) === OPEN) anchors.set(name, { value: this.value, record: this.record, size: this.nodes - nodes });
  }

  /** `*name`: a copy of the anchored value (as yaml's toJS makes), its positions those of the anchored node. */
  private alias(depth: number): void {
    const start = this.pos;
    const anchor = this.anchors?.get(this.name(start + 1));
    if (anchor === undefined || anchor === OPEN) throw GIVE_UP; // undefined or cyclic: yaml's diagnostics
    this.nodes += anchor.size;
    if (this.nodes > this.limits.maxNodes) throw GIVE_UP;
    this.value = copyValue(anchor.value, depth, this.limits.maxDepth);
    this.record = anchor.record;
    this.rangeStart = start;
    this.rangeEnd = this.pos;
  }

  /** An anchor or alias name starting at `p`; leaves `pos` after it. */
  private name(p: number): string {
    const { text } = this;
    NAME.lastIndex = p;
    if (!NAME.test(text)) throw GIVE_UP;
    const end = NAME.lastIndex;
    // `*a:` is ambiguous (yaml warns), and `&a[` or `&a{` glue a property to a collection: for yaml.
    const c = text.charCodeAt(end);
    if (c === COLON || c === 91 || c === 123) throw GIVE_UP;
    this.pos = end;
    return text.slice(p, end);
  }

  /** A value that fits on the rest of the line, then the end of the line and the next content line. */
  private lineValue(depth: number): void {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 91 /* [ */ || c === 123 /* { */ || c === 34 /* " */ || c === 39 /* ' */) {
      this.flowValue(depth);
    } else if (!plainStart(text, this.pos)) {
      if (c !== ASTERISK) throw GIVE_UP;
      this.alias(depth);
    } else {
      this.count(depth);
      const start = this.pos;
      BLOCK_PLAIN.lastIndex = start;
      BLOCK_PLAIN.test(text);
      const stop = BLOCK_PLAIN.lastIndex;
      // Stopped at `: ` (a mapping on a value line): not for this reader.
      if (text.charCodeAt(stop) === COLON) throw GIVE_UP;
      const last = trimEnd(text, start, stop);
      this.pos = last;
      this.scalar(resolvePlain(text.slice(start, last)), start, last);
    }
    this.valueEnd = this.endOfLine();
    this.nextContentLine();
  }

  /** After a value: spaces, an optional comment, the line break. Returns the offset after it. */
  private endOfLine(): number {
    const { text } = this;
    const valueEnd = this.pos;
    this.skipSpaces();
    if (text.charCodeAt(this.pos) === HASH) {
      if (this.pos === valueEnd) throw GIVE_UP;
      const eol = text.indexOf('\n', this.pos);
      this.pos = eol < 0 ? text.length : eol;
    }
    if (this.pos >= text.length) return this.pos;
    if (text.charCodeAt(this.pos) !== NEWLINE) throw GIVE_UP;
    return ++this.pos;
  }

  /** A flow collection or quoted scalar on one line; sets `value` and the value's range. */
  private flowValue(depth: number): void {
    this.count(depth);
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === 34 || c === 39) this.scalar(this.quoted(), start, this.pos);
    else if (c === 91) this.flowSeq(start, depth);
    else if (c === 123) this.flowMap(start, depth);
    else throw GIVE_UP;
  }

  private flowSeq(start: number, depth: number): void {
    const items: unknown[] = [];
    const record: PositionRecord = [SEQ];
    this.pos++;
    this.skipSpaces();
    if (this.text.charCodeAt(this.pos) === 93 /* ] */) this.pos++;
    else {
      for (;;) {
        this.skipSpaces();
        this.flowItem(depth + 1);
        items.push(this.value);
        record.push(this.rangeStart, this.rangeEnd, this.record);
        if (this.flowSeparator(93)) break;
      }
    }
    this.collection(items, record, start, this.pos);
  }

  private flowMap(start: number, depth: number): void {
    const obj: Record<string, unknown> = {};
    const record: PositionRecord = [MAP];
    this.pos++;
    this.skipSpaces();
    if (this.text.charCodeAt(this.pos) === 125 /* } */) this.pos++;
    else {
      for (;;) {
        if (++this.nodes > this.limits.maxNodes) throw GIVE_UP;
        this.skipSpaces();
        const keyStart = this.pos;
        this.flowKey();
        const key = this.key;
        const keyEnd = this.keyEnd;
        if (Object.prototype.hasOwnProperty.call(obj, key)) throw GIVE_UP;
        this.skipSpaces();
        this.flowItem(depth + 1);
        define(obj, key, this.value);
        record.push(key, keyStart, keyEnd, this.rangeStart, this.rangeEnd, this.record);
        if (this.flowSeparator(125)) break;
      }
    }
    this.collection(obj, record, start, this.pos);
  }

  /** After a flow item: `,` then more (true: no), or the closing bracket (true). */
  private flowSeparator(close: number): boolean {
    this.skipSpaces();
    const c = this.text.charCodeAt(this.pos);
    if (c === close) {
      this.pos++;
      return true;
    }
    if (c !== 44 /* , */) throw GIVE_UP;
    this.pos++;
    this.skipSpaces();
    // A trailing comma, or an empty entry: yaml's rules.
    const next = this.text.charCodeAt(this.pos);
    if (next === close || next === 44) throw GIVE_UP;
    return false;
  }

  /** An item inside a flow collection: nested collection, quoted or plain scalar. */
  private flowItem(depth: number): void {
    const { text } = this;
    const c = text.charCodeAt(this.pos);
    if (c === 91 || c === 123 || c === 34 || c === 39) {
      this.flowValue(depth);
      if (text.charCodeAt(this.pos) === COLON) throw GIVE_UP; // a single-pair mapping
      return;
    }
    if (c === AMPERSAND) return this.anchored(depth, () => this.flowItem(depth));
    if (c === ASTERISK) return this.alias(depth);
    this.count(depth);
    const start = this.pos;
    const last = this.flowPlainEnd(start);
    if (text.charCodeAt(this.stop) === COLON) throw GIVE_UP;
    this.scalar(resolvePlain(text.slice(start, last)), start, last);
    this.pos = last;
  }

  /** A key in a flow mapping, then its `: `; sets `key` and `keyEnd`. */
  private flowKey(): void {
    const { text } = this;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 34 || c === 39) {
      this.key = this.quoted();
      this.keyEnd = this.pos;
    } else {
      const last = this.flowPlainEnd(start);
      if (text.charCodeAt(this.stop) !== COLON) throw GIVE_UP;
      this.keyEnd = last;
      this.key = keyText(text.slice(start, last));
      this.pos = this.stop;
    }
    if (text.charCodeAt(this.pos) !== COLON || text.charCodeAt(this.pos + 1) !== SPACE) throw GIVE_UP;
    this.pos += 2;
  }

  /**
   * A plain scalar in a flow collection: returns where its text ends and sets `stop` (where the
   * scan stopped: at `,` `]` `}` or a `:` before one of them or a blank).
   */
  private flowPlainEnd(start: number): number {
    const { text } = this;
    if (!plainStart(text, start)) throw GIVE_UP;
    FLOW_PLAIN.lastIndex = start;
    FLOW_PLAIN.test(text);
    const stop = FLOW_PLAIN.lastIndex;
    const c = text.charCodeAt(stop);
    // Anything else stopping it (a line end: flow collections stay on one line here; a comment;
    // `[` or `{`; a `:` at the end of the text) is for yaml.
    if (!(c === 44 || c === 93 || c === 125 || (c === COLON && stop + 1 < text.length))) throw GIVE_UP;
    this.stop = stop;
    return trimEnd(text, start, stop);
  }

  /** A quoted scalar on one line, without escapes (`''` in single quotes is the one allowed). */
  private quoted(): string {
    const { text } = this;
    const quote = text.charCodeAt(this.pos);
    const start = this.pos + 1;
    if (quote === 34) {
      const close = text.indexOf('"', start);
      if (close < 0) throw GIVE_UP;
      const body = text.slice(start, close);
      if (body.includes('\\') || body.includes('\n')) throw GIVE_UP;
      this.pos = close + 1;
      return body;
    }
    let p = start;
    let out = '';
    for (;;) {
      const close = text.indexOf("'", p);
      if (close < 0) throw GIVE_UP;
      out += text.slice(p, close);
      if (text.charCodeAt(close + 1) === 39) {
        out += "'";
        p = close + 2;
        continue;
      }
      if (out.includes('\n')) throw GIVE_UP;
      this.pos = close + 1;
      return out;
    }
  }

  /**
   * If a block mapping key starts at `p` (a one-line scalar followed by `:` and a space or line
   * end), the offset of that `:`; else -1.
   */
  private keyColon(p: number): number {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      const save = this.pos;
      this.pos = p;
      try {
        this.quoted();
      } catch (error) {
        this.pos = save;
        if (error === GIVE_UP) return -1;
        throw error;
      }
      const after = this.pos;
      this.pos = save;
      // As for plain keys below: yaml refuses a key whose `:` is more than 1,024 characters after its start.
      return text.charCodeAt(after) === COLON && isBlankOrEnd(text, after + 1) && after - p < 1000 ? after : -1;
    }
    if (!plainStart(text, p)) return -1;
    BLOCK_PLAIN.lastIndex = p;
    BLOCK_PLAIN.test(text);
    const stop = BLOCK_PLAIN.lastIndex;
    // Keys longer than 1000 characters are for yaml (which rejects implicit keys that long).
    return text.charCodeAt(stop) === COLON && stop - p < 1000 ? stop : -1;
  }

  /** The key from `p` up to the `:` at `colon`; sets `key` and `keyEnd`. */
  private blockKey(p: number, colon: number): void {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === 34 || c === 39) {
      this.pos = p;
      this.key = this.quoted();
      this.keyEnd = this.pos;
      return;
    }
    const end = trimEnd(text, p, colon);
    const raw = text.slice(p, end);
    // Flow indicators in a block key, or a comment-like `#`: leave to yaml.
    if (/[[\]{},]/.test(raw)) throw GIVE_UP;
    this.key = keyText(raw);
    this.keyEnd = end;
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }
}

/** `end`, moved back over the spaces before it (not past `start`). */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && text.charCodeAt(end - 1) === SPACE) end--;
  return end;
}

function isBlankOrEnd(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return p >= text.length || c === SPACE || c === NEWLINE;
}

/** Characters that may not start a plain scalar (YAML indicators), except `-` before a non-space. */
const INDICATORS = new Set('-?:,[]{}#&*!|>\'"%@`'.split('').map((c) => c.charCodeAt(0)));

function plainStart(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (p >= text.length || c === SPACE || c === NEWLINE) return false;
  if (!INDICATORS.has(c)) return true;
  if (c !== DASH) return false;
  const next = text.charCodeAt(p + 1);
  return p + 1 < text.length && next !== SPACE && next !== NEWLINE && !INDICATORS.has(next);
}

/** A plain key's text as yaml writes it (String of its value); a key that reads as null is refused by the yaml path. */
function keyText(raw: string): string {
  const value = resolvePlain(raw);
  if (value === null) throw GIVE_UP;
  return String(value);
}

/** A deep copy of a read value (each alias gets its own, as from yaml), refused past `maxDepth`. */
function copyValue(value: unknown, depth: number, maxDepth: number): unknown {
  if (depth > maxDepth) throw GIVE_UP;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => copyValue(item, depth + 1, maxDepth));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, copyValue((value as Record<string, unknown>)[key], depth + 1, maxDepth));
  return out;
}

/** `__proto__` must become an own data property, never the prototype. */
function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/**
 * A plain scalar's value under the YAML 1.2 core schema, as yaml resolves it (null, bool, int in
 * octal/decimal/hex, float, .inf/.nan, else the string), tried in yaml's order.
 */
export function resolvePlain(s: string): unknown {
  const c = s.charCodeAt(0);
  // Letters other than n/N/t/T/f/F and most punctuation start strings only.
  const maybeSpecial = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70;
  if (!maybeSpecial) return s;
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
