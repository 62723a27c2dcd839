/**
 * A Python tokenizer that follows CPython's `tokenize` module closely enough for what kft reads:
 * logical lines, indentation (INDENT/DEDENT), brackets, strings of every prefix (f-strings as one
 * STRING token, as Python 3.11 tokenizes them), comments. Offsets are UTF-16 offsets into the text
 * (for diagnostics); columns are offsets from the start of the line, as Python's are characters
 * from the start of the line. Errors end the token stream with an ERRORTOKEN that says why.
 */

export type TokenType = 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'NL' | 'COMMENT' | 'INDENT' | 'DEDENT' | 'ENDMARKER' | 'ERRORTOKEN';

export interface Token {
  readonly type: TokenType;
  /** The token's text (empty for DEDENT and ENDMARKER; the whitespace for INDENT). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 1-based line of `start`. */
  readonly line: number;
  /** Offset of `start` from the start of its line. */
  readonly col: number;
  /** For ERRORTOKEN: what went wrong. */
  readonly error?: string;
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...', '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=',
  '%', '&', '(', ')', '*', '+', ',', '-', '.', '/', ':', ';', '<', '=', '>', '@', '[', ']', '^', '{', '|', '}', '~',
];
const OPENING = new Set(['(', '[', '{']);
const CLOSING = new Set([')', ']', '}']);
const MATCHING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const STRING_PREFIX = /(?:[rRuUbBfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?(?='|")/y;
const NUMBER =
  /(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|(?:(?:[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?|\.[0-9](?:_?[0-9])*)(?:[eE][-+]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*[eE][-+]?[0-9](?:_?[0-9])*)[jJ]?|[0-9](?:_?[0-9])*[jJ]?)/y;
/** A whole identifier from its first character (ASCII ones without leaving the fast path). */
const NAME = /(?:[A-Za-z_]|[\p{L}\p{Nl}\u2118\u212E\u309B\u309C])(?:[A-Za-z0-9_]|[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\u00B7\u0387\u1369-\u1371\u19DA\u2118\u212E\u309B\u309C])*/uy;
/** Operators by their first character, longest first. */
const OPERATORS_BY_FIRST = new Map<string, string[]>();
for (const op of OPERATORS) OPERATORS_BY_FIRST.set(op[0]!, [...(OPERATORS_BY_FIRST.get(op[0]!) ?? []), op]);

/** Python's tokens of `text` (LF, CRLF and CR line ends alike). Ends with ENDMARKER or ERRORTOKEN. */
export function tokenize(text: string): Token[] {
  return new Tokenizer(text).run();
}

class Tokenizer {
  private readonly tokens: Token[] = [];
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private depth = 0;
  private readonly brackets: string[] = [];
  private readonly indents: number[] = [0];
  /** The current logical line has a token that is not a comment (so a line end is NEWLINE, not NL). */
  private inStatement = false;

  constructor(private readonly text: string) {}

  run(): Token[] {
    const t = this.text;
    while (this.pos < t.length) {
      if (this.atLineStart() && this.depth === 0 && !this.inStatement) {
        if (!this.indentation()) return this.tokens;
        continue;
      }
      const c = t[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\f') {
        this.pos++;
        continue;
      }
      if (c === '\n' || c === '\r') {
        this.lineEnd(this.inStatement && this.depth === 0 ? 'NEWLINE' : 'NL');
        continue;
      }
      if (c === '#') {
        const end = this.lineEndOffset(this.pos);
        this.push('COMMENT', this.pos, end);
        continue;
      }
      if (c === '\\') {
        const next = t[this.pos + 1];
        if (next === '\n' || next === '\r') {
          this.pos += next === '\r' && t[this.pos + 2] === '\n' ? 3 : 2;
          this.newLine(this.pos);
          continue;
        }
        this.fail('unexpected character after line continuation character');
        return this.tokens;
      }
      this.inStatement = true;
      if (!this.token()) return this.tokens;
    }
    if (this.depth > 0) {
      this.fail('unexpected end of file inside brackets');
      return this.tokens;
    }
    if (this.inStatement) this.push('NEWLINE', this.pos, this.pos);
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('DEDENT', this.pos, this.pos);
    }
    this.push('ENDMARKER', this.pos, this.pos);
    return this.tokens;
  }

  private atLineStart(): boolean {
    return this.pos === this.lineStart;
  }

  /** At the start of a line outside brackets: INDENT/DEDENT, or a blank or comment-only line. */
  private indentation(): boolean {
    const t = this.text;
    let column = 0;
    let p = this.pos;
    for (; p < t.length; p++) {
      const c = t[p];
      if (c === ' ') column++;
      else if (c === '\t') column = (Math.floor(column / 8) + 1) * 8;
      else if (c === '\f') column = 0;
      else break;
    }
    const c = t[p];
    if (c === undefined || c === '\n' || c === '\r' || c === '#') {
      // Blank and comment-only lines do not change the indentation.
      if (c === '#') {
        const end = this.lineEndOffset(p);
        this.push('COMMENT', p, end);
        this.pos = end;
      } else this.pos = p;
      if (this.pos < t.length) this.lineEnd('NL');
      else this.pos = t.length;
      return true;
    }
    const current = this.indents[this.indents.length - 1]!;
    if (column > current) {
      this.indents.push(column);
      this.push('INDENT', this.pos, p);
    } else {
      while (column < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.push('DEDENT', p, p);
      }
      if (column !== this.indents[this.indents.length - 1]) {
        this.pos = p;
        return !!this.fail('unindent does not match any outer indentation level');
      }
    }
    this.pos = p;
    this.inStatement = true;
    return true;
  }

  private token(): boolean {
    const t = this.text;
    STRING_PREFIX.lastIndex = this.pos;
    const prefix = STRING_PREFIX.exec(t);
    if (prefix) return this.string(prefix[0].length);
    const c = t[this.pos]!;
    if ((c >= '0' && c <= '9') || (c === '.' && t[this.pos + 1] !== undefined && t[this.pos + 1]! >= '0' && t[this.pos + 1]! <= '9')) {
      NUMBER.lastIndex = this.pos;
      const m = NUMBER.exec(t);
      if (m) {
        this.push('NUMBER', this.pos, this.pos + m[0].length);
        return true;
      }
    }
    NAME.lastIndex = this.pos;
    const name = NAME.exec(t);
    if (name) {
      this.push('NAME', this.pos, this.pos + name[0].length);
      return true;
    }
    const cp = t.codePointAt(this.pos)!;
    const ch = String.fromCodePoint(cp);
    const op = OPERATORS_BY_FIRST.get(c)?.find((o) => t.startsWith(o, this.pos));
    if (op) {
      if (OPENING.has(op)) {
        this.depth++;
        this.brackets.push(op);
      } else if (CLOSING.has(op)) {
        const open = this.brackets.pop();
        if (open === undefined) return !!this.fail(`unmatched '${op}'`);
        if (MATCHING[open] !== op) return !!this.fail(`closing parenthesis '${op}' does not match opening parenthesis '${open}'`);
        this.depth--;
      }
      this.push('OP', this.pos, this.pos + op.length);
      return true;
    }
    return !!this.fail(`invalid character '${ch}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`);
  }

  /** A string literal whose prefix is `prefixLength` long; backslashes escape the next character in every kind. */
  private string(prefixLength: number): boolean {
    const t = this.text;
    const start = this.pos;
    let p = start + prefixLength;
    const quote = t[p]!;
    const triple = t.startsWith(quote.repeat(3), p);
    const closing = triple ? quote.repeat(3) : quote;
    p += closing.length;
    const startLine = this.line;
    while (p < t.length) {
      const c = t[p]!;
      if (c === '\\') {
        p += 2;
        if (t[p - 1] === '\r' && t[p] === '\n') p++;
        if (t[p - 1] === '\n' || t[p - 1] === '\r') this.newLine(p);
        continue;
      }
      if (t.startsWith(closing, p)) {
        this.pushAt('STRING', start, p + closing.length, startLine);
        this.pos = p + closing.length;
        return true;
      }
      if (c === '\n' || c === '\r') {
        if (!triple) return !!this.fail('unterminated string literal', start, startLine);
        p += c === '\r' && t[p + 1] === '\n' ? 2 : 1;
        this.newLine(p);
        continue;
      }
      p++;
    }
    return !!this.fail(triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal', start, startLine);
  }

  private lineEnd(type: 'NEWLINE' | 'NL'): void {
    const t = this.text;
    const start = this.pos;
    const width = t[start] === '\r' && t[start + 1] === '\n' ? 2 : 1;
    this.push(type, start, start + width);
    this.pos = start + width;
    this.newLine(this.pos);
    if (type === 'NEWLINE') this.inStatement = false;
  }

  private newLine(offset: number): void {
    this.line++;
    this.lineStart = offset;
  }

  private lineEndOffset(from: number): number {
    let p = from;
    while (p < this.text.length && this.text[p] !== '\n' && this.text[p] !== '\r') p++;
    return p;
  }

  private push(type: TokenType, start: number, end: number): void {
    this.pushAt(type, start, end, this.line);
    this.pos = Math.max(this.pos, end);
  }

  private pushAt(type: TokenType, start: number, end: number, line: number): void {
    const lineStart = line === this.line ? this.lineStart : this.lineStartOf(start);
    this.tokens.push({ type, text: this.text.slice(start, end), start, end, line, col: start - lineStart });
  }

  private lineStartOf(offset: number): number {
    let p = offset;
    while (p > 0 && this.text[p - 1] !== '\n' && this.text[p - 1] !== '\r') p--;
    return p;
  }

  private fail(error: string, at = this.pos, line = this.line): undefined {
    const lineStart = this.lineStartOf(at);
    this.tokens.push({ type: 'ERRORTOKEN', text: this.text.slice(at, at + 1), start: at, end: at + 1, line, col: at - lineStart, error });
    this.pos = this.text.length;
    return undefined;
  }
}
