/**
 * Annotations as the objects Python would make of them at import time, and what kfp 1.8 makes of
 * those objects: the component type name (`annotation_to_type_struct`: `int` → Integer, a string
 * as written, anything else `str(annotation)` such as 'typing.List[str]'), the data passing style
 * (`InputPath(...)`, `OutputTextFile(...)`, …) and `NamedTuple` return fields. Names resolve
 * through the module's imports, so `List`, `typing.List` and `t.List` (import typing as t) are the
 * same thing. The text of typing objects follows CPython 3.11.
 */
import { dottedName, ReadError, type Expr } from './expressions.js';
import type { PyModule } from './module.js';
import { evaluate, pyRepr, stringValue, strRepr, type PyValue } from './values.js';

export type PassingStyle = 'InputPath' | 'InputTextFile' | 'InputBinaryFile' | 'InputArtifact' | 'OutputPath' | 'OutputTextFile' | 'OutputBinaryFile' | 'OutputArtifact';

export type PyType =
  /** A class: builtins (int, NoneType…), typing.Any (a class in 3.11), or one defined in the module. */
  | { readonly kind: 'class'; readonly module: string; readonly name: string }
  /** A typing construct: `typing.List` bare, or subscripted (`typing.Dict[str, int]`). */
  | { readonly kind: 'typing'; readonly name: string; readonly args?: readonly PyType[] }
  | { readonly kind: 'union'; readonly args: readonly PyType[] }
  /** PEP 604 `int | None` between classes (types.UnionType). */
  | { readonly kind: 'pipe'; readonly args: readonly PyType[] }
  /** PEP 585 `list[int]` (types.GenericAlias); its arguments are kept as written. */
  | { readonly kind: 'generic'; readonly origin: string; readonly args: readonly PyType[] }
  | { readonly kind: 'forward'; readonly name: string }
  /** A string annotation (at the top level it stays a str; kfp uses it as the type name). */
  | { readonly kind: 'string'; readonly value: string }
  /** The argument list of `Callable[[a, b], r]`. */
  | { readonly kind: 'params'; readonly items: readonly PyType[] }
  | { readonly kind: 'ellipsis' }
  | { readonly kind: 'literal'; readonly values: readonly PyValue[] }
  /** The value None (as an annotation: no type; inside typing constructs it becomes NoneType). */
  | { readonly kind: 'none' }
  | { readonly kind: 'passing'; readonly style: PassingStyle; readonly type?: PyType }
  | { readonly kind: 'namedTuple'; readonly fields: readonly { readonly name: string; readonly type?: PyType }[] }
  /** A dict annotation: kfp uses it as the type itself ({JsonObject: {data_type: ...}}). */
  | { readonly kind: 'struct'; readonly value: TypeStructObject };

export type TypeStructValue = string | number | boolean | null | readonly TypeStructValue[] | TypeStructObject;
export interface TypeStructObject {
  readonly [key: string]: TypeStructValue;
}

const NONE_TYPE: PyType = { kind: 'class', module: 'builtins', name: 'NoneType' };
/** Python 3.11's builtin classes (their __name__; IOError and EnvironmentError are OSError). */
const BUILTIN_CLASSES = new Set(
  ('ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError ' +
    'ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EncodingWarning Exception ExceptionGroup ' +
    'FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit ImportError ImportWarning IndentationError IndexError InterruptedError ' +
    'IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError NotADirectoryError NotImplementedError OSError ' +
    'OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError ResourceWarning RuntimeError RuntimeWarning ' +
    'StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError ' +
    'UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning ZeroDivisionError bool bytearray bytes classmethod ' +
    'complex dict enumerate filter float frozenset int list map memoryview object property range reversed set slice staticmethod str super tuple type zip').split(' '),
);
const BUILTIN_ALIASES: Readonly<Record<string, string>> = { IOError: 'OSError', EnvironmentError: 'OSError' };
const CANONICAL: Readonly<Record<string, string>> = { int: 'Integer', float: 'Float', str: 'String', bool: 'Boolean', list: 'JsonArray', dict: 'JsonObject' };
const PEP585 = new Set(['list', 'dict', 'tuple', 'set', 'frozenset', 'type']);
const TYPING_GENERICS = new Set([
  'List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type', 'Sequence', 'MutableSequence', 'Mapping', 'MutableMapping', 'Iterable', 'Iterator',
  'Collection', 'Callable', 'DefaultDict', 'OrderedDict', 'Counter', 'Deque', 'AbstractSet', 'Generator',
]);
const PASSING_STYLES = new Set<string>(['InputPath', 'InputTextFile', 'InputBinaryFile', 'InputArtifact', 'OutputPath', 'OutputTextFile', 'OutputBinaryFile', 'OutputArtifact']);

const unsupported = (expr: Expr, message: string, hint?: string): ReadError =>
  new ReadError(message, expr.start, expr.end, hint ?? 'Annotate with a Python type (int, float, str, bool, list, dict, typing.List[...]…), a type name string, or kfp.components InputPath/OutputPath/InputTextFile/OutputTextFile/InputBinaryFile/OutputBinaryFile.');

export class AnnotationReader {
  constructor(private readonly module: PyModule) {}

  /** The object an annotation expression evaluates to. */
  read(expr: Expr, depth = 0): PyType {
    if (depth > 20) throw unsupported(expr, 'the annotation refers to itself');
    switch (expr.kind) {
      case 'string': {
        const v = stringValue(expr.parts, expr);
        if (v.type !== 'str') throw unsupported(expr, 'a bytes literal is not an annotation');
        return { kind: 'string', value: v.value };
      }
      case 'constant':
        if (expr.value === 'None') return { kind: 'none' };
        if (expr.value === '...') return { kind: 'ellipsis' };
        throw unsupported(expr, `${expr.value} is not an annotation`);
      case 'name':
      case 'attribute':
        return this.named(expr, depth);
      case 'subscript':
        return this.subscript(expr, depth);
      case 'call':
        return this.call(expr, depth);
      case 'dict':
        return { kind: 'struct', value: typeStructObject(evaluate(expr), expr) };
      case 'binary':
        if (expr.op === '|') return this.pipe(this.read(expr.left, depth + 1), this.read(expr.right, depth + 1), expr);
        throw unsupported(expr, `'${expr.op}' in an annotation`);
      default:
        throw unsupported(expr, 'kft cannot read this annotation');
    }
  }

  /** What a (dotted) name refers to: an import, a builtin, or a class or alias of the module. */
  qualify(expr: Expr): string | undefined {
    const name = dottedName(expr);
    if (name === undefined) return undefined;
    const [head, ...rest] = name.split('.');
    const imported = this.module.imports.get(head!);
    if (imported !== undefined) return [imported, ...rest].join('.');
    if (!rest.length && BUILTIN_CLASSES.has(head!)) return `builtins.${head}`;
    if (!rest.length && BUILTIN_ALIASES[head!]) return `builtins.${BUILTIN_ALIASES[head!]}`;
    if (!rest.length && this.module.classes.has(head!)) return `<module>.${head}`;
    if (!rest.length && this.module.assignments.some((a) => a.name === head)) return `<alias>.${head}`;
    return undefined;
  }

  private named(expr: Expr, depth: number): PyType {
    const q = this.qualify(expr);
    const shown = dottedName(expr)!;
    if (q === undefined) throw unsupported(expr, `'${shown}' is neither imported nor defined in the module`, 'Import it (from typing import List; from kfp.components import InputPath) or use a Python type.');
    if (q.startsWith('builtins.')) return { kind: 'class', module: 'builtins', name: q.slice('builtins.'.length) };
    if (q.startsWith('<module>.')) return this.moduleClass(q.slice('<module>.'.length), expr, depth);
    if (q.startsWith('<alias>.')) {
      const name = q.slice('<alias>.'.length);
      const assigned = [...this.module.assignments].reverse().find((a) => a.name === name)!;
      return this.read(assigned.value, depth + 1);
    }
    if (q === 'typing.Any') return { kind: 'class', module: 'typing', name: 'Any' };
    if (q === 'typing.Text') return { kind: 'class', module: 'builtins', name: 'str' };
    if (q.startsWith('kfp.v2.')) throw unsupported(expr, `${shown} is kfp v2's; kft makes kfp v1 components (create_component_from_func)`, 'Use kfp v1 annotations: Python types, InputPath/OutputPath from kfp.components.');
    if (q.startsWith('typing.') && (TYPING_GENERICS.has(q.slice(7)) || q === 'typing.Union' || q === 'typing.Optional')) return { kind: 'typing', name: q.slice(7) };
    if (passingStyleOf(q)) throw unsupported(expr, `${shown} needs to be called: ${shown}() or ${shown}('Type')`);
    throw unsupported(expr, `kft cannot read the annotation '${shown}' (${q})`);
  }

  /** A class of the module: a typing.NamedTuple subclass gives its fields, any other its name. */
  private moduleClass(name: string, expr: Expr, depth: number): PyType {
    const cls = this.module.classes.get(name)!;
    const namedTuple = cls.bases.some((b) => this.qualify(b) === 'typing.NamedTuple');
    if (!namedTuple) {
      if (cls.bases.length) throw unsupported(expr, `kft cannot read the class '${name}' as an annotation`);
      return { kind: 'class', module: '<module>', name };
    }
    return { kind: 'namedTuple', fields: cls.fields.map((f) => ({ name: f.name, type: this.fieldType(this.read(f.annotation, depth + 1)) })) };
  }

  private subscript(expr: Extract<Expr, { kind: 'subscript' }>, depth: number): PyType {
    const origin = this.read(expr.value, depth + 1);
    // x[a, b] and x[(a, b)] are the same subscript: a tuple.
    const rawArgs = expr.index.kind === 'tuple' ? expr.index.elts : [expr.index];
    if (origin.kind === 'class' && origin.module === 'builtins' && PEP585.has(origin.name)) {
      return { kind: 'generic', origin: origin.name, args: rawArgs.map((a) => this.read(a, depth + 1)) };
    }
    if (origin.kind !== 'typing' || origin.args) throw unsupported(expr, 'kft cannot read this subscripted annotation');
    if (origin.name === 'Literal') {
      return { kind: 'literal', values: rawArgs.map((a) => evaluate(a)) };
    }
    if (rawArgs.length === 0 && origin.name !== 'Tuple') throw unsupported(expr, `${origin.name}[()] is not a type`);
    const args = rawArgs.map((a, i) =>
      origin.name === 'Callable' && i === 0 && a.kind === 'list' ? { kind: 'params' as const, items: a.elts.map((e) => this.argument(e, depth)) } : this.argument(a, depth),
    );
    if (origin.name === 'Optional') {
      if (args.length !== 1) throw unsupported(expr, 'Optional takes one type');
      return makeUnion([args[0]!, NONE_TYPE]);
    }
    if (origin.name === 'Union') return makeUnion(args);
    return { kind: 'typing', name: origin.name, args };
  }

  /** An argument of a typing construct: None becomes NoneType, a string a ForwardRef. */
  private argument(expr: Expr, depth: number): PyType {
    const t = this.read(expr, depth + 1);
    if (t.kind === 'none') return NONE_TYPE;
    if (t.kind === 'string') return { kind: 'forward', name: t.value };
    if (t.kind === 'passing' || t.kind === 'namedTuple' || t.kind === 'struct') throw unsupported(expr, 'kft cannot read this annotation inside a typing construct');
    return t;
  }

  private pipe(a: PyType, b: PyType, expr: Expr): PyType {
    const typingLike = (t: PyType) => t.kind === 'typing' || t.kind === 'union' || t.kind === 'literal' || t.kind === 'forward';
    if (a.kind === 'string' || b.kind === 'string' || a.kind === 'passing' || b.kind === 'passing' || a.kind === 'struct' || b.kind === 'struct') throw unsupported(expr, "'|' between these annotations fails when Python imports the module");
    const args = [a, b].map((t) => (t.kind === 'none' ? NONE_TYPE : t));
    if (typingLike(a) || typingLike(b)) return makeUnion(args);
    const flat: PyType[] = [];
    for (const t of args) for (const x of t.kind === 'pipe' ? t.args : [t]) if (!flat.some((y) => sameType(x, y))) flat.push(x);
    return { kind: 'pipe', args: flat };
  }

  private call(expr: Extract<Expr, { kind: 'call' }>, depth: number): PyType {
    const q = this.qualify(expr.func);
    const shown = dottedName(expr.func) ?? 'this call';
    const style = q ? passingStyleOf(q) : undefined;
    if (style) {
      if (q!.startsWith('kfp.v2.') || q!.startsWith('kfp.dsl.')) throw unsupported(expr, `${shown} is kfp v2's; kft makes kfp v1 components (create_component_from_func)`, 'Import it from kfp.components.');
      const typeArg = expr.args[0] ?? expr.keywords.find((k) => k.name === 'type')?.value;
      if (expr.args.length + expr.keywords.length > 1 || (expr.keywords.length && !expr.keywords.some((k) => k.name === 'type'))) throw unsupported(expr, `${shown} takes one argument, the type`);
      const type = typeArg ? this.read(typeArg, depth + 1) : undefined;
      return { kind: 'passing', style, type: type?.kind === 'none' ? undefined : type };
    }
    if (q === 'typing.NamedTuple') return this.namedTuple(expr, depth);
    if (q === 'collections.namedtuple') return this.collectionsNamedTuple(expr);
    throw unsupported(expr, `kft cannot read the annotation ${shown}(...)`);
  }

  private namedTuple(expr: Extract<Expr, { kind: 'call' }>, depth: number): PyType {
    const list = expr.args[1];
    if (expr.args.length === 1 && expr.keywords.length) {
      return { kind: 'namedTuple', fields: expr.keywords.map((k) => ({ name: k.name, type: this.fieldType(this.argument(k.value, depth)) })) };
    }
    if (!list || (list.kind !== 'list' && list.kind !== 'tuple')) throw unsupported(expr, "NamedTuple needs a list of (name, type) pairs: NamedTuple('Outputs', [('sum', float)])");
    const fields = list.elts.map((pair) => {
      if ((pair.kind !== 'tuple' && pair.kind !== 'list') || pair.elts.length !== 2) throw unsupported(pair, 'expected a (name, type) pair');
      const name = evaluate(pair.elts[0]!);
      if (name.type !== 'str') throw unsupported(pair.elts[0]!, 'a field name must be a string');
      return { name: name.value, type: this.fieldType(this.argument(pair.elts[1]!, depth)) };
    });
    return { kind: 'namedTuple', fields };
  }

  /** collections.namedtuple('Name', ['a', 'b']) or 'a b': fields without types. */
  private collectionsNamedTuple(expr: Extract<Expr, { kind: 'call' }>): PyType {
    const spec = expr.args[1] ? evaluate(expr.args[1]) : undefined;
    let names: string[] | undefined;
    if (spec?.type === 'str') names = spec.value.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    else if (spec && (spec.type === 'list' || spec.type === 'tuple') && spec.items.every((i) => i.type === 'str')) names = spec.items.map((i) => (i as { value: string }).value);
    if (!names) throw unsupported(expr, 'namedtuple needs its field names as a list of strings');
    return { kind: 'namedTuple', fields: names.map((name) => ({ name })) };
  }

  /** A NamedTuple field's annotation as typing stores it (None → NoneType). */
  private fieldType(t: PyType): PyType | undefined {
    return t.kind === 'none' ? NONE_TYPE : t;
  }
}

function passingStyleOf(qualified: string): PassingStyle | undefined {
  const last = qualified.slice(qualified.lastIndexOf('.') + 1);
  if (!PASSING_STYLES.has(last)) return undefined;
  return qualified.startsWith('kfp.') ? (last as PassingStyle) : undefined;
}

/** typing.Union[...]: nested unions flattened, duplicates dropped, a single type left as itself. */
function makeUnion(args: readonly PyType[]): PyType {
  const flat: PyType[] = [];
  for (const a of args) for (const x of a.kind === 'union' || a.kind === 'pipe' ? a.args : [a]) if (!flat.some((y) => sameType(x, y))) flat.push(x);
  return flat.length === 1 ? flat[0]! : { kind: 'union', args: flat };
}

const sameType = (a: PyType, b: PyType): boolean => typeRepr(a) === typeRepr(b) && a.kind === b.kind;

/** str(annotation) for a typing object, as CPython 3.11 writes it. */
export function typeRepr(t: PyType): string {
  switch (t.kind) {
    case 'class':
      return t.module === 'builtins' || t.module === '<module>' ? t.name : `${t.module}.${t.name}`;
    case 'typing':
      if (!t.args) return `typing.${t.name}`;
      if (t.name === 'Tuple' && t.args.length === 0) return 'typing.Tuple[()]';
      return `typing.${t.name}[${t.args.map(typeRepr).join(', ')}]`;
    case 'union': {
      const [a, b] = t.args;
      if (t.args.length === 2 && isNoneType(a!)) return `typing.Optional[${typeRepr(b!)}]`;
      if (t.args.length === 2 && isNoneType(b!)) return `typing.Optional[${typeRepr(a!)}]`;
      return `typing.Union[${t.args.map(typeRepr).join(', ')}]`;
    }
    case 'pipe':
      return t.args.map((a) => (isNoneType(a) ? 'None' : typeRepr(a))).join(' | ');
    case 'generic':
      return `${t.origin}[${t.args.map((a) => (a.kind === 'none' ? 'None' : a.kind === 'string' ? strRepr(a.value) : typeRepr(a))).join(', ')}]`;
    case 'forward':
      return `ForwardRef(${strRepr(t.name)})`;
    case 'string':
      return t.value;
    case 'params':
      return `[${t.items.map(typeRepr).join(', ')}]`;
    case 'ellipsis':
      return '...';
    case 'literal':
      return `typing.Literal[${t.values.map(pyRepr).join(', ')}]`;
    case 'none':
      return 'None';
    default:
      return '';
  }
}

const isNoneType = (t: PyType): boolean => t.kind === 'class' && t.module === 'builtins' && t.name === 'NoneType';

/** kfp's maybe_strip_optional_from_annotation: Union[X, None, ...] → X (the second argument decides). */
export function stripOptional(t: PyType | undefined): PyType | undefined {
  if (t?.kind === 'union' && t.args.length >= 2 && isNoneType(t.args[1]!)) return t.args[0];
  return t;
}

/** A dict annotation's value as JSON data (keys must be strings). */
function typeStructObject(v: PyValue, expr: Expr): TypeStructObject {
  const json = (x: PyValue): TypeStructValue => {
    switch (x.type) {
      case 'str':
        return x.value;
      case 'bool':
        return x.value;
      case 'none':
        return null;
      case 'int':
        return Number(x.value);
      case 'float':
        return x.value;
      case 'list':
      case 'tuple':
        return x.items.map(json);
      case 'dict':
        return Object.fromEntries(x.entries.map(([k, y]) => {
          if (k.type !== 'str') throw unsupported(expr, 'the keys of a type dict must be strings');
          return [k.value, json(y)];
        }));
      default:
        throw unsupported(expr, 'kft cannot read this type dict');
    }
  };
  const value = json(v);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length === 0) throw unsupported(expr, 'a type dict needs one key, the type name');
  return value as TypeStructObject;
}

/** kfp's annotation_to_type_struct: the component type (a name, or a dict), or undefined for no type. */
export function typeStruct(t: PyType | undefined): string | TypeStructObject | undefined {
  if (!t || t.kind === 'none') return undefined;
  if (t.kind === 'struct') return t.value;
  if (t.kind === 'string') return t.value === '' ? undefined : t.value;
  if (t.kind === 'class') return t.module === 'builtins' ? CANONICAL[t.name] ?? t.name : t.name;
  if (t.kind === 'forward') return t.name;
  return typeRepr(t);
}
