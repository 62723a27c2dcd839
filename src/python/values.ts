/**
 * Python values of literals (default values, docstrings, type names in strings) and the texts
 * Python makes of them: str(), repr() of strings and floats, json.dumps(sort_keys=True). kfp
 * writes defaults with these, so they must match CPython character for character.
 */
import { ReadError, type Expr } from './expressions.js';

export type PyValue =
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: string }
  | { readonly type: 'none' }
  | { readonly type: 'ellipsis' }
  | { readonly type: 'list' | 'tuple' | 'set'; readonly items: readonly PyValue[] }
  | { readonly type: 'dict'; readonly entries: readonly (readonly [PyValue, PyValue])[] };

export const NONE: PyValue = { type: 'none' };

/** Resolves a bare name to the expression bound to it (module constants), or undefined. */
export type NameResolver = (name: string, at: Expr) => Expr | undefined;

/** The value of a literal expression; a ReadError where the expression is not one. */
export function evaluate(expr: Expr, resolve: NameResolver = () => undefined, depth = 0): PyValue {
  if (depth > 50) throw new ReadError('the value refers to itself', expr.start, expr.end);
  switch (expr.kind) {
    case 'number':
      return numberValue(expr.text, expr);
    case 'string':
      return stringValue(expr.parts, expr);
    case 'constant':
      return expr.value === 'True' ? { type: 'bool', value: true } : expr.value === 'False' ? { type: 'bool', value: false } : expr.value === 'None' ? NONE : { type: 'ellipsis' };
    case 'tuple':
    case 'list':
    case 'set':
      return { type: expr.kind, items: expr.elts.map((e) => evaluate(e, resolve, depth + 1)) };
    case 'dict':
      return dictValue(expr.keys.map((k, i) => [evaluate(k, resolve, depth + 1), evaluate(expr.values[i]!, resolve, depth + 1)] as const));
    case 'unary':
      return unaryValue(expr.op, evaluate(expr.operand, resolve, depth + 1), expr);
    case 'binary':
      return binaryValue(expr.op, evaluate(expr.left, resolve, depth + 1), evaluate(expr.right, resolve, depth + 1), expr);
    case 'name': {
      const bound = resolve(expr.id, expr);
      if (bound) return evaluate(bound, resolve, depth + 1);
      throw notLiteral(expr, `'${expr.id}' is not a literal value kft can evaluate`);
    }
    default:
      throw notLiteral(expr, 'this default value is not a literal kft can evaluate');
  }
}

const notLiteral = (expr: Expr, message: string): ReadError =>
  new ReadError(message, expr.start, expr.end, 'kfp evaluates defaults when the module is imported; kft reads literals (numbers, strings, True/False/None, lists, tuples, dicts), arithmetic on them and module-level constants. Write the value as a literal.');

function numberValue(text: string, expr: Expr): PyValue {
  const clean = text.replace(/_/g, '');
  if (/[jJ]$/.test(clean)) throw notLiteral(expr, 'complex numbers are not supported as default values');
  if (/^0[xXoObB]/.test(clean) || /^[0-9]+$/.test(clean)) return { type: 'int', value: BigInt(clean) };
  return { type: 'float', value: Number(clean) };
}

/** Adjacent string literals concatenated, escapes decoded as CPython decodes them. */
export function stringValue(parts: readonly string[], expr: Pick<Expr, 'start' | 'end'>): PyValue {
  let bytes: boolean | undefined;
  let out = '';
  for (const part of parts) {
    const m = /^([a-zA-Z]*)('''|"""|'|")/.exec(part)!;
    const prefix = m[1]!.toLowerCase();
    const quote = m[2]!;
    const body = part.slice(m[0].length, part.length - quote.length);
    const isBytes = prefix.includes('b');
    if (bytes !== undefined && bytes !== isBytes) throw new ReadError('cannot mix bytes and nonbytes literals', expr.start, expr.end);
    bytes = isBytes;
    if (prefix.includes('f')) {
      if (/[{}]/.test(body.replace(/\{\{|\}\}/g, ''))) throw new ReadError('f-strings with replacement fields are not literals kft can evaluate', expr.start, expr.end, 'Write the value as a plain string.');
      out += decodeEscapes(body.replace(/\{\{/g, '{').replace(/\}\}/g, '}'), prefix.includes('r'), false, expr);
    } else out += decodeEscapes(body, prefix.includes('r'), isBytes, expr);
  }
  return bytes ? { type: 'bytes', value: out } : { type: 'str', value: out };
}

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '' };

function decodeEscapes(body: string, raw: boolean, bytes: boolean, expr: Pick<Expr, 'start' | 'end'>): string {
  // Source lines end in LF by the time Python reads them (universal newlines).
  const text = body.replace(/\r\n?/g, '\n');
  if (raw) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i]!;
    if (n in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[n];
    else if (n >= '0' && n <= '7') {
      let digits = n;
      while (digits.length < 3 && text[i + 1] !== undefined && text[i + 1]! >= '0' && text[i + 1]! <= '7') digits += text[++i];
      out += String.fromCodePoint(parseInt(digits, 8) & (bytes ? 0xff : 0x1ff));
    } else if (n === 'x' || (!bytes && (n === 'u' || n === 'U'))) {
      const width = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex)) throw new ReadError(`truncated \\${n} escape`, expr.start, expr.end);
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) throw new ReadError(`illegal Unicode character in \\${n} escape`, expr.start, expr.end);
      out += String.fromCodePoint(code);
      i += width;
    } else if (n === 'N' && !bytes) {
      throw new ReadError('\\N{...} escapes are not supported', expr.start, expr.end, 'Write the character itself or a \\u escape.');
    } else out += `\\${n}`;
  }
  return out;
}

function dictValue(pairs: readonly (readonly [PyValue, PyValue])[]): PyValue {
  const entries: [PyValue, PyValue][] = [];
  for (const [key, value] of pairs) {
    const at = entries.findIndex(([k]) => pyEquals(k, key));
    if (at >= 0) entries[at] = [entries[at]![0], value];
    else entries.push([key, value]);
  }
  return { type: 'dict', entries };
}

/** Python's == for the values a literal can hold (1 == 1.0 == True; containers elementwise). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return typeof x === typeof y ? x === y : Number(x) === Number(y) && (typeof x === 'number' ? Number.isInteger(x) : Number.isInteger(y));
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'str':
    case 'bytes':
      return a.value === (b as typeof a).value;
    case 'none':
    case 'ellipsis':
      return true;
    case 'list':
    case 'tuple':
    case 'set': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((v, i) => pyEquals(v, bi[i]!));
    }
    case 'dict': {
      const be = (b as typeof a).entries;
      return a.entries.length === be.length && a.entries.every(([k, v]) => be.some(([k2, v2]) => pyEquals(k, k2) && pyEquals(v, v2)));
    }
    default:
      return false;
  }
}

/** A number's value (bool as int), or undefined for other values. */
function numeric(v: PyValue): bigint | number | undefined {
  if (v.type === 'int') return v.value;
  if (v.type === 'bool') return v.value ? 1n : 0n;
  if (v.type === 'float') return v.value;
  return undefined;
}

function unaryValue(op: string, v: PyValue, expr: Expr): PyValue {
  const n = numeric(v);
  if (n === undefined) throw notLiteral(expr, `'${op}' applies to numbers only`);
  if (op === '~') {
    if (typeof n !== 'bigint') throw notLiteral(expr, "'~' applies to integers only");
    return { type: 'int', value: -n - 1n };
  }
  if (op === '+') return typeof n === 'bigint' ? { type: 'int', value: n } : { type: 'float', value: n };
  return typeof n === 'bigint' ? { type: 'int', value: -n } : { type: 'float', value: -n };
}

function binaryValue(op: string, a: PyValue, b: PyValue, expr: Expr): PyValue {
  if (op === '+' && a.type === 'str' && b.type === 'str') return { type: 'str', value: a.value + b.value };
  const x = numeric(a);
  const y = numeric(b);
  if (x === undefined || y === undefined) throw notLiteral(expr, `kft evaluates '${op}' on numbers (and '+' on strings) only`);
  if (typeof x === 'bigint' && typeof y === 'bigint' && op !== '/') {
    switch (op) {
      case '+':
        return { type: 'int', value: x + y };
      case '-':
        return { type: 'int', value: x - y };
      case '*':
        return { type: 'int', value: x * y };
      case '//':
      case '%': {
        if (y === 0n) throw notLiteral(expr, 'division by zero');
        const q = x / y - ((x % y !== 0n && (x < 0n) !== (y < 0n)) ? 1n : 0n);
        return { type: 'int', value: op === '//' ? q : x - q * y };
      }
      case '**':
        if (y >= 0n && y < 10000n) return { type: 'int', value: x ** y };
        break;
      default:
        break;
    }
    if (op !== '**') throw notLiteral(expr, `kft does not evaluate '${op}'`);
  }
  const fx = Number(x);
  const fy = Number(y);
  switch (op) {
    case '+':
      return { type: 'float', value: fx + fy };
    case '-':
      return { type: 'float', value: fx - fy };
    case '*':
      return { type: 'float', value: fx * fy };
    case '/':
      if (fy === 0) throw notLiteral(expr, 'division by zero');
      return { type: 'float', value: fx / fy };
    case '**':
      return { type: 'float', value: fx ** fy };
    default:
      throw notLiteral(expr, `kft does not evaluate '${op}' on floats`);
  }
}

/** Python's repr() of a float (the shortest text that reads back as the same float). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const decpt = Number(exponent) + 1;
  const sign = x < 0 ? '-' : '';
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    return `${sign}${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** Python's str() of a number or bool (what kfp's int/float/bool serializers return). */
export function pyStr(v: PyValue): string {
  switch (v.type) {
    case 'int':
      return v.value.toString();
    case 'float':
      return floatRepr(v.value);
    case 'bool':
      return v.value ? 'True' : 'False';
    case 'str':
      return v.value;
    case 'none':
      return 'None';
    default:
      return pyRepr(v);
  }
}

const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr() of a str: quotes chosen as CPython chooses them, non-printables escaped. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (ch !== ' ' && (NOT_PRINTABLE.test(ch) || (code >= 0xd800 && code <= 0xdfff))) out += code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
    else out += ch;
  }
  return out + quote;
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/** Python's repr() of the values a literal can hold. */
export function pyRepr(v: PyValue): string {
  switch (v.type) {
    case 'str':
      return strRepr(v.value);
    case 'bytes':
      return `b${strRepr(v.value)}`;
    case 'list':
      return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(', ')})`;
    case 'set':
      return v.items.length ? `{${v.items.map(pyRepr).join(', ')}}` : 'set()';
    case 'dict':
      return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
    case 'ellipsis':
      return 'Ellipsis';
    default:
      return pyStr(v);
  }
}

/** Why json.dumps refused a value (Python raised TypeError or ValueError). */
export class NotSerializable extends Error {}

/** json.dumps(value, sort_keys=True) as CPython writes it (ensure_ascii, ', ' and ': '). */
export function jsonDumps(v: PyValue): string {
  switch (v.type) {
    case 'none':
      return 'null';
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'int':
      return v.value.toString();
    case 'float':
      return jsonFloat(v.value);
    case 'str':
      return jsonString(v.value);
    case 'list':
    case 'tuple':
      return `[${v.items.map(jsonDumps).join(', ')}]`;
    case 'dict':
      return `{${sortedEntries(v.entries).map(([k, x]) => `${jsonString(jsonKey(k))}: ${jsonDumps(x)}`).join(', ')}}`;
    default:
      throw new NotSerializable(`Object of type ${pyTypeName(v)} is not JSON serializable`);
  }
}

const jsonFloat = (x: number): string => (Number.isNaN(x) ? 'NaN' : x === Infinity ? 'Infinity' : x === -Infinity ? '-Infinity' : floatRepr(x));

function jsonKey(k: PyValue): string {
  switch (k.type) {
    case 'str':
      return k.value;
    case 'float':
      return jsonFloat(k.value);
    case 'bool':
      return k.value ? 'true' : 'false';
    case 'int':
      return k.value.toString();
    case 'none':
      return 'null';
    default:
      throw new NotSerializable(`keys must be str, int, float, bool or None, not ${pyTypeName(k)}`);
  }
}

/** sorted(dict.items()): keys must be comparable (all strings, or all numbers). */
function sortedEntries(entries: readonly (readonly [PyValue, PyValue])[]): (readonly [PyValue, PyValue])[] {
  if (entries.length < 2) return [...entries];
  const allStrings = entries.every(([k]) => k.type === 'str');
  const allNumbers = entries.every(([k]) => numeric(k) !== undefined);
  if (!allStrings && !allNumbers) throw new NotSerializable("'<' not supported between the dict's keys");
  return [...entries].sort(([a], [b]) => (allStrings ? compareCodePoints((a as { value: string }).value, (b as { value: string }).value) : compareNumbers(numeric(a)!, numeric(b)!)));
}

function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  return Number(a) - Number(b);
}

/** Python compares strings by code point; JavaScript's < compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A JSON string with json.dumps' ensure_ascii escaping. */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    if (c in JSON_ESCAPES) out += JSON_ESCAPES[c];
    else if (code < 0x20 || code > 0x7e) out += `\\u${hex(code, 4)}`;
    else out += c;
  }
  return `${out}"`;
}

export function pyTypeName(v: PyValue): string {
  return v.type === 'none' ? 'NoneType' : v.type === 'ellipsis' ? 'ellipsis' : v.type;
}
