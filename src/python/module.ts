/**
 * A Python module as kft reads it: its imports (which names mean typing, kfp.components…), its
 * module-level functions with their signatures, NamedTuple classes and constant assignments, and
 * where every function is (nested ones too, to say why they cannot be used). Statements are found
 * from the token stream's logical lines; only signatures and the few statements above are parsed.
 */
import { ExpressionParser, ReadError, type Expr } from './expressions.js';
import { tokenize, type Token } from './tokenize.js';

export type ParamKind = 'positional' | 'positionalOnly' | 'keywordOnly' | 'varArgs' | 'varKeywords';

export interface Param {
  readonly name: string;
  readonly kind: ParamKind;
  /** Offsets of the parameter's name in the module text. */
  readonly start: number;
  readonly end: number;
  readonly annotation?: Expr;
  readonly default?: Expr;
}

export interface FunctionDef {
  readonly name: string;
  readonly isAsync: boolean;
  /** Offsets of the function's name. */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** 1-based line of the first decorator, or of `def` when there is none (where inspect starts). */
  readonly firstLine: number;
  /** Index into the module's tokens of the first token of that line. */
  readonly firstToken: number;
  readonly decorators: readonly Expr[];
  readonly params: readonly Param[];
  readonly returns?: Expr;
  /** Index into the module's tokens of the ':' that ends the header. */
  readonly colonToken: number;
  /** The enclosing function or class when it is not at module level. */
  readonly enclosedBy?: string;
}

export interface ClassDef {
  readonly name: string;
  readonly bases: readonly Expr[];
  /** Annotated class attributes in order (the fields of a typing.NamedTuple class). */
  readonly fields: readonly { readonly name: string; readonly annotation: Expr }[];
  readonly line: number;
}

export interface Assignment {
  readonly name: string;
  readonly value: Expr;
  readonly line: number;
}

export interface PyModule {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Local name → what it was imported as (`List` → `typing.List`, `comp` → `kfp.components`). */
  readonly imports: ReadonlyMap<string, string>;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  /** Functions defined inside other functions or classes or blocks (first of each name). */
  readonly innerFunctions: ReadonlyMap<string, FunctionDef>;
  readonly classes: ReadonlyMap<string, ClassDef>;
  /** Unconditional module-level `NAME = value` statements, in order. */
  readonly assignments: readonly Assignment[];
  /** `from __future__ import annotations`: every annotation is a string at run time. */
  readonly futureAnnotations: boolean;
  /** The first thing the reader could not follow at module level (tokenizer or statement syntax). */
  readonly error?: ReadError;
}

interface Scope {
  readonly kind: 'def' | 'class' | 'block';
  readonly name?: string;
  readonly cls?: { fields: { name: string; annotation: Expr }[] };
}

/** Reads a module; never throws (problems are in `error`, or surface when a function is used). */
export function readModule(text: string): PyModule {
  const tokens = tokenize(text);
  const reader = new ModuleReader(text, tokens);
  reader.read();
  return reader.result();
}

class ModuleReader {
  private readonly imports = new Map<string, string>();
  private readonly functions = new Map<string, FunctionDef>();
  private readonly innerFunctions = new Map<string, FunctionDef>();
  private readonly classes = new Map<string, ClassDef>();
  private readonly assignments: Assignment[] = [];
  private futureAnnotations = false;
  private error?: ReadError;
  /** Tokens without comments and NL (what statements are parsed from), and their indices in `tokens`. */
  private readonly significant: Token[] = [];
  private readonly fullIndex: number[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {
    tokens.forEach((t, i) => {
      if (t.type !== 'COMMENT' && t.type !== 'NL') {
        this.significant.push(t);
        this.fullIndex.push(i);
      }
    });
  }

  result(): PyModule {
    return {
      text: this.text,
      tokens: this.tokens,
      imports: this.imports,
      functions: this.functions,
      innerFunctions: this.innerFunctions,
      classes: this.classes,
      assignments: this.assignments,
      futureAnnotations: this.futureAnnotations,
      error: this.error,
    };
  }

  read(): void {
    const last = this.significant[this.significant.length - 1];
    if (last?.type === 'ERRORTOKEN') {
      this.error = new ReadError(`Python syntax: ${last.error ?? 'invalid token'}`, last.start, last.end, undefined, 'python-syntax');
    }
    const scopes: Scope[] = [];
    let opened: Scope | undefined;
    let decorators: { exprs: Expr[]; firstIndex: number } | undefined;
    let i = 0;
    const s = this.significant;
    while (i < s.length) {
      const t = s[i]!;
      if (t.type === 'ENDMARKER' || t.type === 'ERRORTOKEN') break;
      if (t.type === 'INDENT') {
        scopes.push(opened ?? { kind: 'block' });
        opened = undefined;
        i++;
        continue;
      }
      if (t.type === 'DEDENT') {
        scopes.pop();
        i++;
        continue;
      }
      const lineEnd = this.logicalLineEnd(i);
      opened = undefined;
      try {
        if (t.type === 'OP' && t.text === '@') {
          const parser = new ExpressionParser(s, i + 1);
          const expr = parser.expression();
          decorators ??= { exprs: [], firstIndex: this.fullIndex[i]! };
          decorators.exprs.push(expr);
        } else if (t.type === 'NAME' && (t.text === 'def' || (t.text === 'async' && s[i + 1]?.text === 'def'))) {
          const header = this.functionHeader(i, scopes, decorators);
          decorators = undefined;
          if (header.colon === lineEnd - 1) opened = { kind: 'def', name: header.def.name };
        } else if (t.type === 'NAME' && t.text === 'class') {
          decorators = undefined;
          const cls = this.classHeader(i, lineEnd, scopes);
          if (cls) opened = cls;
          else if (s[lineEnd - 1]?.text === ':') opened = { kind: 'class' };
        } else {
          decorators = undefined;
          if (!scopes.some((sc) => sc.kind !== 'block')) this.moduleStatement(i, lineEnd, scopes.length === 0);
          else this.classField(i, lineEnd, scopes);
          const lastToken = s[lineEnd - 1];
          if (lastToken?.type === 'OP' && lastToken.text === ':') opened = { kind: 'block' };
        }
      } catch (error) {
        if (!(error instanceof ReadError)) throw error;
        // A statement the reader cannot follow matters only if it is a signature kft needs;
        // functionHeader records such functions itself.
      }
      i = lineEnd + 1;
    }
  }

  /** Index (into `significant`) of the NEWLINE ending the logical line that starts at `i`. */
  private logicalLineEnd(i: number): number {
    const s = this.significant;
    let j = i;
    while (j < s.length && s[j]!.type !== 'NEWLINE' && s[j]!.type !== 'ENDMARKER' && s[j]!.type !== 'ERRORTOKEN') j++;
    return j;
  }

  /** Records the function whose `def` (or `async`) is `s[i]`; returns it and the index of its header's ':'. */
  private functionHeader(i: number, scopes: readonly Scope[], decorators: { exprs: Expr[]; firstIndex: number } | undefined): { def: FunctionDef; colon: number } {
    const s = this.significant;
    const isAsync = s[i]!.text === 'async';
    const defIndex = isAsync ? i + 1 : i;
    const nameToken = s[defIndex + 1];
    if (!nameToken || nameToken.type !== 'NAME') throw new ReadError('expected a function name after def', s[defIndex]!.start, s[defIndex]!.end);
    const enclosing = [...scopes].reverse().find((sc) => sc.kind !== 'block');
    const nested = scopes.length > 0;
    const firstIndex = decorators?.firstIndex ?? this.fullIndex[i]!;
    const base = {
      name: nameToken.text,
      isAsync,
      nameStart: nameToken.start,
      nameEnd: nameToken.end,
      firstLine: this.tokens[firstIndex]!.line,
      firstToken: firstIndex,
      decorators: decorators?.exprs ?? [],
      enclosedBy: nested ? enclosing?.name ?? '' : undefined,
    };
    let header: { params: Param[]; returns?: Expr; colon: number };
    try {
      header = this.signature(defIndex + 2);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      // Keep the function, so using it reports this error rather than "not found".
      const broken: FunctionDef & { readonly headerError?: ReadError } = { ...base, params: [], colonToken: -1, headerError: error };
      this.record(broken, nested);
      throw error;
    }
    const def: FunctionDef = { ...base, params: header.params, returns: header.returns, colonToken: this.fullIndex[header.colon]! };
    this.record(def, nested);
    return { def, colon: header.colon };
  }

  private record(def: FunctionDef, nested: boolean): void {
    if (!nested) this.functions.set(def.name, def);
    else if (!this.innerFunctions.has(def.name)) this.innerFunctions.set(def.name, def);
  }

  /** Parses `(params) [-> returns]:` from `s[i]` = '('. */
  private signature(i: number): { params: Param[]; returns?: Expr; colon: number } {
    const s = this.significant;
    const p = new ExpressionParser(s, i);
    p.expect('(', "'(' after the function name");
    const params: Param[] = [];
    let kind: ParamKind = 'positional';
    while (!p.isOp(')')) {
      const t = p.current;
      if (t.type === 'OP' && t.text === '/') {
        for (let k = 0; k < params.length; k++) params[k] = { ...params[k]!, kind: 'positionalOnly' };
        p.pos++;
      } else if (t.type === 'OP' && t.text === '*' && (p.isOp(',', 1) || p.isOp(')', 1))) {
        kind = 'keywordOnly';
        p.pos++;
      } else {
        let own: ParamKind = kind;
        if (t.type === 'OP' && (t.text === '*' || t.text === '**')) {
          own = t.text === '*' ? 'varArgs' : 'varKeywords';
          if (own === 'varArgs') kind = 'keywordOnly';
          p.pos++;
        }
        const name = p.current;
        if (name.type !== 'NAME') throw p.unexpected('a parameter name');
        p.pos++;
        let annotation: Expr | undefined;
        let defaultValue: Expr | undefined;
        if (p.isOp(':')) {
          p.pos++;
          annotation = p.expression();
        }
        if (p.isOp('=')) {
          p.pos++;
          defaultValue = p.expression();
        }
        if (params.some((q) => q.name === name.text)) throw new ReadError(`duplicate argument '${name.text}' in function definition`, name.start, name.end, undefined, 'python-syntax');
        if (!defaultValue && own === 'positional' && params.some((q) => q.default && (q.kind === 'positional' || q.kind === 'positionalOnly'))) {
          throw new ReadError('non-default argument follows default argument', name.start, name.end, undefined, 'python-syntax');
        }
        params.push({ name: name.text, kind: own, start: name.start, end: name.end, annotation, default: defaultValue });
      }
      if (!p.isOp(',')) break;
      p.pos++;
    }
    p.expect(')', "')' or ','");
    let returns: Expr | undefined;
    if (p.isOp('->')) {
      p.pos++;
      returns = p.expression();
    }
    const colon = p.pos;
    p.expect(':', "':' after the signature");
    return { params, returns, colon };
  }

  /** `class Name(bases):` — records module-level classes (NamedTuple ones get their fields from the body). */
  private classHeader(i: number, lineEnd: number, scopes: readonly Scope[]): Scope | undefined {
    const s = this.significant;
    const name = s[i + 1];
    if (!name || name.type !== 'NAME') return undefined;
    const bases: Expr[] = [];
    let j = i + 2;
    if (s[j]?.text === '(') {
      const p = new ExpressionParser(s, j + 1);
      while (!p.isOp(')')) {
        if (p.current.type === 'NAME' && p.isOp('=', 1)) {
          p.pos += 2;
          p.expression();
        } else bases.push(p.expression());
        if (!p.isOp(',')) break;
        p.pos++;
      }
      p.expect(')', "')'");
      j = p.pos;
    }
    if (scopes.length > 0) return { kind: 'class', name: name.text };
    const fields: { name: string; annotation: Expr }[] = [];
    this.classes.set(name.text, { name: name.text, bases, fields, line: name.line });
    return j === lineEnd - 1 ? { kind: 'class', name: name.text, cls: { fields } } : undefined;
  }

  /** Inside a module-level class body: `name: annotation [= value]` is a field. */
  private classField(i: number, lineEnd: number, scopes: readonly Scope[]): void {
    const top = scopes[scopes.length - 1];
    if (scopes.length !== 1 || top?.kind !== 'class' || !top.cls) return;
    const s = this.significant;
    if (s[i]?.type !== 'NAME' || s[i + 1]?.text !== ':') return;
    const p = new ExpressionParser(s, i + 2);
    const annotation = p.expression();
    if (p.pos <= lineEnd) top.cls.fields.push({ name: s[i]!.text, annotation });
  }

  /**
   * A statement outside any function or class: imports anywhere; assignments to a name recorded in
   * order, their value only when unconditional and readable (else a marker no default may use).
   */
  private moduleStatement(i: number, lineEnd: number, topLevel: boolean): void {
    const s = this.significant;
    const t = s[i]!;
    if (t.type === 'NAME' && t.text === 'import') return this.importStatement(i + 1, lineEnd);
    if (t.type === 'NAME' && t.text === 'from') return this.fromImport(i + 1, lineEnd);
    if (t.type !== 'NAME' || s[i + 1]?.type !== 'OP') return;
    const op = s[i + 1]!.text;
    if (op !== '=' && op !== ':' && !(op.endsWith('=') && op.length > 1 && op !== '==')) return;
    const unreadable: Expr = { kind: 'call', func: { kind: 'name', id: t.text, start: t.start, end: t.end }, args: [], keywords: [], start: t.start, end: s[lineEnd - 1]!.end };
    let value: Expr = unreadable;
    if (topLevel && (op === '=' || op === ':')) {
      try {
        const p = new ExpressionParser(s, i + 2);
        if (op === ':') {
          p.expression();
          if (!p.isOp('=')) return;
          p.pos++;
        }
        const parsed = p.expression();
        if (p.pos === lineEnd) value = parsed;
      } catch (error) {
        if (!(error instanceof ReadError)) throw error;
      }
    }
    this.assignments.push({ name: t.text, value, line: t.line });
  }

  private dotted(j: number): { name: string; next: number } {
    const s = this.significant;
    const parts: string[] = [];
    let k = j;
    while (s[k]?.type === 'OP' && (s[k]!.text === '.' || s[k]!.text === '...')) parts.push(s[k++]!.text);
    const dots = parts.join('');
    const names: string[] = [];
    while (s[k]?.type === 'NAME') {
      names.push(s[k]!.text);
      if (s[k + 1]?.text === '.') k += 2;
      else {
        k++;
        break;
      }
    }
    return { name: dots + names.join('.'), next: k };
  }

  /** `import a.b as c, d.e` binds c → a.b and d → d. */
  private importStatement(j: number, end: number): void {
    const s = this.significant;
    let k = j;
    while (k < end) {
      const { name, next } = this.dotted(k);
      k = next;
      if (s[k]?.text === 'as' && s[k + 1]?.type === 'NAME') {
        this.imports.set(s[k + 1]!.text, name);
        k += 2;
      } else this.imports.set(name.split('.')[0]!, name.split('.')[0]!);
      if (s[k]?.text !== ',') break;
      k++;
    }
  }

  /** `from m import a as b, c` binds b → m.a and c → m.c. */
  private fromImport(j: number, end: number): void {
    const s = this.significant;
    const { name: module, next } = this.dotted(j);
    let k = next;
    if (s[k]?.text !== 'import') return;
    k++;
    if (s[k]?.text === '(') k++;
    while (k < end) {
      const t = s[k]!;
      if (t.type !== 'NAME') break;
      let local = t.text;
      k++;
      if (s[k]?.text === 'as' && s[k + 1]?.type === 'NAME') {
        local = s[k + 1]!.text;
        k += 2;
      }
      if (module === '__future__' && t.text === 'annotations') this.futureAnnotations = true;
      this.imports.set(local, `${module}.${t.text}`);
      if (s[k]?.text !== ',') break;
      k++;
    }
  }
}

/** The ReadError recorded for a function whose header could not be parsed, if any. */
export const headerError = (def: FunctionDef): ReadError | undefined => (def as { headerError?: ReadError }).headerError;
