/**
 * Python expressions as they appear in signatures: annotations (`int`, `List[str]`,
 * `InputPath('CSV')`, `NamedTuple('Outputs', [('a', int)])`, `'Float'`, `int | None`) and default
 * values (literals, containers of literals, names, arithmetic). A small precedence-climbing
 * parser over tokens; anything else (lambdas, comprehensions, conditionals, comparisons) is a
 * ReadError at its position, never a guess.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Token } from './tokenize.js';

export type Expr =
  | { readonly kind: 'name'; readonly id: string; readonly start: number; readonly end: number }
  | { readonly kind: 'attribute'; readonly value: Expr; readonly attr: string; readonly start: number; readonly end: number }
  | { readonly kind: 'call'; readonly func: Expr; readonly args: readonly Expr[]; readonly keywords: readonly Keyword[]; readonly start: number; readonly end: number }
  | { readonly kind: 'subscript'; readonly value: Expr; readonly index: Expr; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly text: string; readonly start: number; readonly end: number }
  /** One or more adjacent string literals, as written (prefixes and quotes included). */
  | { readonly kind: 'string'; readonly parts: readonly string[]; readonly start: number; readonly end: number }
  | { readonly kind: 'constant'; readonly value: 'True' | 'False' | 'None' | '...'; readonly start: number; readonly end: number }
  | { readonly kind: 'tuple' | 'list' | 'set'; readonly elts: readonly Expr[]; readonly start: number; readonly end: number }
  | { readonly kind: 'dict'; readonly keys: readonly Expr[]; readonly values: readonly Expr[]; readonly start: number; readonly end: number }
  | { readonly kind: 'unary'; readonly op: string; readonly operand: Expr; readonly start: number; readonly end: number }
  | { readonly kind: 'binary'; readonly op: string; readonly left: Expr; readonly right: Expr; readonly start: number; readonly end: number };

export interface Keyword {
  readonly name: string;
  readonly value: Expr;
}

/** Something the reader cannot follow, with where it is (offsets into the module text). */
export class ReadError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
    readonly hint?: string,
    /** The diagnostic code, when more precise than python-unsupported-syntax. */
    public code?: DiagnosticCode,
  ) {
    super(message);
  }
}

const BINARY_LEVELS: readonly (readonly string[])[] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
const UNSUPPORTED_KEYWORDS = new Set(['lambda', 'if', 'else', 'not', 'and', 'or', 'in', 'is', 'for', 'await', 'yield']);
const COMPARISONS = new Set(['<', '>', '==', '>=', '<=', '!=']);

/**
 * Parses one expression from `tokens[from]`; stops before a token that cannot continue it (a
 * comma, `=`, `:` or closing bracket at the top level). Comments and line breaks inside brackets
 * are skipped by the caller's token list (see significant()).
 */
export class ExpressionParser {
  constructor(
    private readonly tokens: readonly Token[],
    public pos: number,
  ) {}

  get current(): Token {
    return this.tokens[this.pos]!;
  }

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  isOp(text: string, offset = 0): boolean {
    const t = this.tokens[this.pos + offset];
    return t !== undefined && t.type === 'OP' && t.text === text;
  }

  expect(text: string, what: string): Token {
    const t = this.current;
    if (t.type !== 'OP' || t.text !== text) throw this.unexpected(what);
    this.pos++;
    return t;
  }

  unexpected(what: string): ReadError {
    const t = this.current;
    if (t.type === 'ERRORTOKEN') return new ReadError(`Python syntax: ${t.error ?? 'invalid token'}`, t.start, t.end, undefined, 'python-syntax');
    const shown = t.type === 'NEWLINE' || t.type === 'ENDMARKER' ? 'the end of the line' : `'${t.text}'`;
    return new ReadError(`expected ${what}, found ${shown}`, t.start, Math.max(t.end, t.start + 1));
  }

  expression(): Expr {
    const first = this.binary(0);
    const t = this.peek();
    if (t && t.type === 'NAME' && UNSUPPORTED_KEYWORDS.has(t.text)) throw this.unsupported(first.start, `'${t.text}' expressions`);
    if (t && t.type === 'OP' && COMPARISONS.has(t.text)) throw this.unsupported(first.start, 'comparisons');
    return first;
  }

  /** An expression or an unparenthesized tuple (a, b) as in subscripts: `Dict[str, int]`. */
  expressionList(closing: string): Expr {
    const first = this.expression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.isOp(closing)) break;
      elts.push(this.expression());
    }
    return { kind: 'tuple', elts, start: first.start, end: elts[elts.length - 1]!.end };
  }

  private unsupported(start: number, what: string): ReadError {
    const t = this.current;
    return new ReadError(`kft cannot read ${what} in a signature`, start, Math.max(t.end, start + 1), 'Use a literal value or a plain annotation, or compute the value inside the function.');
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    const ops = BINARY_LEVELS[level]!;
    while (this.current.type === 'OP' && ops.includes(this.current.text)) {
      const op = this.current.text;
      this.pos++;
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.current;
    if (t.type === 'OP' && (t.text === '-' || t.text === '+' || t.text === '~')) {
      this.pos++;
      const operand = this.unary();
      return { kind: 'unary', op: t.text, operand, start: t.start, end: operand.end };
    }
    return this.power();
  }

  private power(): Expr {
    const base = this.primary();
    if (this.isOp('**')) {
      this.pos++;
      const exponent = this.unary();
      return { kind: 'binary', op: '**', left: base, right: exponent, start: base.start, end: exponent.end };
    }
    return base;
  }

  private primary(): Expr {
    let expr = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        const name = this.current;
        if (name.type !== 'NAME') throw this.unexpected('a name after \'.\'');
        this.pos++;
        expr = { kind: 'attribute', value: expr, attr: name.text, start: expr.start, end: name.end };
      } else if (this.isOp('(')) {
        expr = this.call(expr);
      } else if (this.isOp('[')) {
        this.pos++;
        if (this.isOp(']')) throw this.unexpected('a subscript');
        const index = this.expressionList(']');
        if (this.isOp(':')) throw this.unsupported(expr.start, 'slices');
        const close = this.expect(']', "']'");
        expr = { kind: 'subscript', value: expr, index, start: expr.start, end: close.end };
      } else return expr;
    }
  }

  private call(func: Expr): Expr {
    this.pos++;
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) throw this.unsupported(this.current.start, 'argument unpacking');
      if (this.current.type === 'NAME' && this.isOp('=', 1)) {
        const name = this.current.text;
        this.pos += 2;
        keywords.push({ name, value: this.expression() });
      } else {
        if (keywords.length) throw new ReadError('a positional argument follows a keyword argument', this.current.start, this.current.end);
        args.push(this.expression());
      }
      if (this.current.type === 'NAME' && this.current.text === 'for') throw this.unsupported(func.start, 'generator expressions');
      if (!this.isOp(',')) break;
      this.pos++;
    }
    const close = this.expect(')', "')' or ','");
    return { kind: 'call', func, args, keywords, start: func.start, end: close.end };
  }

  private atom(): Expr {
    const t = this.current;
    switch (t.type) {
      case 'NAME':
        this.pos++;
        if (t.text === 'True' || t.text === 'False' || t.text === 'None') return { kind: 'constant', value: t.text, start: t.start, end: t.end };
        if (UNSUPPORTED_KEYWORDS.has(t.text)) throw this.unsupportedAt(t, `'${t.text}' expressions`);
        return { kind: 'name', id: t.text, start: t.start, end: t.end };
      case 'NUMBER':
        this.pos++;
        return { kind: 'number', text: t.text, start: t.start, end: t.end };
      case 'STRING': {
        const parts: string[] = [];
        let end = t.end;
        while (this.current.type === 'STRING') {
          parts.push(this.current.text);
          end = this.current.end;
          this.pos++;
        }
        return { kind: 'string', parts, start: t.start, end };
      }
      case 'OP':
        if (t.text === '...') {
          this.pos++;
          return { kind: 'constant', value: '...', start: t.start, end: t.end };
        }
        if (t.text === '(') return this.parenthesized();
        if (t.text === '[') return this.display('[', ']', 'list');
        if (t.text === '{') return this.braces();
        break;
      default:
        break;
    }
    throw this.unexpected('an expression');
  }

  private unsupportedAt(t: Token, what: string): ReadError {
    return new ReadError(`kft cannot read ${what} in a signature`, t.start, t.end, 'Use a literal value or a plain annotation, or compute the value inside the function.');
  }

  private parenthesized(): Expr {
    const open = this.current;
    this.pos++;
    if (this.isOp(')')) {
      const close = this.current;
      this.pos++;
      return { kind: 'tuple', elts: [], start: open.start, end: close.end };
    }
    const first = this.expression();
    this.rejectComprehension(open);
    if (this.isOp(')')) {
      this.pos++;
      return first;
    }
    const elts = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.isOp(')')) break;
      elts.push(this.expression());
    }
    const close = this.expect(')', "')' or ','");
    return { kind: 'tuple', elts, start: open.start, end: close.end };
  }

  private display(openText: string, closeText: string, kind: 'list' | 'set'): Expr {
    const open = this.current;
    this.pos++;
    const elts: Expr[] = [];
    while (!this.isOp(closeText)) {
      if (this.isOp('*')) throw this.unsupportedAt(this.current, 'unpacking');
      elts.push(this.expression());
      this.rejectComprehension(open);
      if (!this.isOp(',')) break;
      this.pos++;
    }
    const close = this.expect(closeText, `'${closeText}' or ','`);
    void openText;
    return { kind, elts, start: open.start, end: close.end };
  }

  private braces(): Expr {
    const open = this.current;
    this.pos++;
    if (this.isOp('}')) {
      const close = this.current;
      this.pos++;
      return { kind: 'dict', keys: [], values: [], start: open.start, end: close.end };
    }
    if (this.isOp('**')) throw this.unsupportedAt(this.current, 'unpacking');
    const first = this.expression();
    if (!this.isOp(':')) {
      this.pos = this.tokens.indexOf(open);
      return this.display('{', '}', 'set');
    }
    const keys: Expr[] = [];
    const values: Expr[] = [];
    let key = first;
    for (;;) {
      this.expect(':', "':'");
      keys.push(key);
      values.push(this.expression());
      this.rejectComprehension(open);
      if (!this.isOp(',')) break;
      this.pos++;
      if (this.isOp('}')) break;
      if (this.isOp('**')) throw this.unsupportedAt(this.current, 'unpacking');
      key = this.expression();
    }
    const close = this.expect('}', "'}' or ','");
    return { kind: 'dict', keys, values, start: open.start, end: close.end };
  }

  private rejectComprehension(open: Token): void {
    const t = this.current;
    if (t.type === 'NAME' && (t.text === 'for' || t.text === 'async')) throw this.unsupportedAt(open, 'comprehensions');
  }
}

/** The dotted name an expression spells (`kfp.components.InputPath`), if it is one. */
export function dottedName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.id;
  if (expr.kind === 'attribute') {
    const base = dottedName(expr.value);
    return base === undefined ? undefined : `${base}.${expr.attr}`;
  }
  return undefined;
}
