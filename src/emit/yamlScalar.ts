/**
 * One scalar as YAML text, exactly as the `yaml` library (2.9.1) writes it with the options kft's
 * manifests always used (`lineWidth: 0`, core schema, default string type PLAIN, no comments):
 * a port of its stringifyString/stringifyNumber with folding switched off, so the output of the
 * streaming writer is byte-identical to what kft wrote before (test/emit/yamlScalar.test.ts
 * compares both on random strings). Plain when a reader gets the same string back, quoted
 * otherwise, and multi-line strings as literal block scalars (`|`, `|-`, `|+`, with an indentation
 * indicator when the text starts with a blank) — the form kubectl and kfp-tekton write scripts in.
 */

export interface ScalarContext {
  /** Indentation of the scalar's continuation lines (the collection level plus one step). */
  readonly indent: string;
  /** A map key written without `? `: single line, no block scalar. */
  readonly implicitKey: boolean;
}

/** The core schema's non-string tags: a plain scalar matching one of them would not read back as a string. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** Characters a plain or single-quoted scalar cannot carry: control characters and lone surrogates. */
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
/** Starts with an indicator, is `-`/`?` alone or followed by a blank, has `: `/` #`/blank around a line break, ends with a blank or `:`. */
const PLAIN_UNSAFE = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Lines a YAML 1.1 reader takes for a directive or a document marker. */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
const INDENT_STEP = '  ';
/** yaml's doubleQuotedMinMultiLineLength: shorter double-quoted strings keep `\n` escapes. */
const MIN_MULTI_LINE_LENGTH = 40;

/**
 * A string made only of blanks and line breaks that starts with a blank (" \n") would be a literal
 * block scalar whose first line holds only spaces, which every YAML reader takes for indentation:
 * Tekton would read "\n". Such strings are written double-quoted instead.
 */
export const blockUnsafe = (s: string): boolean => s.includes('\n') && /^[ \t\n]*$/.test(s) && /[ \t]/.test(s);

/**
 * A string written as is (plain) wherever it stands, or undefined for the general rules: yaml's
 * plain-scalar rules as one scan for the strings manifests are made of (names, images, `$(…)`
 * references, commands). Anything starting with an indicator, a digit, a sign, a dot or `~` (which
 * could read as a number or null), holding a control character, a line break (also U+2028/U+2029), a surrogate, `: `, ` #`,
 * or ending with a blank or `:` takes the general path.
 */
function isPlainAnywhere(value: string): boolean {
  const n = value.length;
  if (n === 0 || !SAFE_FIRST[value.charCodeAt(0)]) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    // Control characters, surrogates, and U+2028/U+2029, after which a JavaScript `^` (yaml's document marker test) matches.
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) return false;
    if (c === 0x3a /* : */ && (i === n - 1 || value.charCodeAt(i + 1) === 0x20)) return false;
    if (c === 0x20 && (i === n - 1 || value.charCodeAt(i + 1) === 0x23 /* # */)) return false;
  }
  // Words a reader takes for a boolean or null: true, True, TRUE, false, …, null, Null, NULL.
  return n > 5 || (!NOT_A_STRING[0]!.test(value) && !NOT_A_STRING[1]!.test(value));
}

/** First characters that cannot start an indicator, a number, `.inf`/`.nan`, `~` or a document marker. */
const SAFE_FIRST: boolean[] = (() => {
  const table = new Array<boolean>(128).fill(false);
  for (let c = 0x21; c < 0x7f; c++) table[c] = !',[]{}#&*!|>\'"%@`?-.+~0123456789:'.includes(String.fromCharCode(c));
  return table;
})();

export function stringScalar(value: string, indent: string, implicitKey: boolean): string {
  if (isPlainAnywhere(value)) return value;
  const ctx = { indent, implicitKey };
  if (NEEDS_ESCAPES.test(value) || blockUnsafe(value)) return doubleQuoted(value, ctx);
  return plain(value, ctx);
}

/** yaml's plainString: falls back to quotes or a block scalar where a plain scalar would read differently. */
function plain(value: string, ctx: ScalarContext): string {
  const multiLine = value.includes('\n');
  if (ctx.implicitKey && multiLine) return quoted(value, ctx);
  if (PLAIN_UNSAFE.test(value)) return ctx.implicitKey || !multiLine ? quoted(value, ctx) : blockLiteral(value, ctx, false);
  if (!ctx.implicitKey && multiLine) return blockLiteral(value, ctx, false);
  if (DOCUMENT_MARKER.test(value)) {
    if (ctx.indent === '') return blockLiteral(value, ctx, true);
    if (ctx.implicitKey && ctx.indent === INDENT_STEP) return quoted(value, ctx);
  }
  if (NOT_A_STRING.some((re) => re.test(value))) return quoted(value, ctx);
  return value;
}

/** yaml's quotedString with `singleQuote: null`: single quotes only for text with double quotes and no single ones. */
function quoted(value: string, ctx: ScalarContext): string {
  return value.includes('"') && !value.includes("'") ? singleQuoted(value, ctx) : doubleQuoted(value, ctx);
}

function singleQuoted(value: string, ctx: ScalarContext): string {
  if ((ctx.implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, ctx);
  const indent = ctx.indent || (DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');
  const escaped = value.includes("'") ? value.replace(/'/g, "''") : value;
  return "'" + (escaped.includes('\n') ? escaped.replace(/\n+/g, `$&\n${indent}`) : escaped) + "'";
}

/** JSON's escapes in YAML's spelling; a long string's line breaks become folded lines. */
function doubleQuoted(value: string, ctx: ScalarContext): string {
  const json = JSON.stringify(value);
  const indent = ctx.indent || (DOCUMENT_MARKER.test(value) ? INDENT_STEP : '');
  let str = '';
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A blank before a line break is escaped, or folding would drop it.
      str += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i) + shortEscape(json, i);
      i += 5;
      start = i + 1;
    } else if (next === 'n' && !(ctx.implicitKey || json[i + 2] === '"' || json.length < MIN_MULTI_LINE_LENGTH)) {
      // A folded line break: the first one is eaten by folding, so it is written twice.
      str += json.slice(start, i) + '\n\n';
      while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
        str += '\n';
        i += 2;
      }
      str += indent;
      // A blank after the break is escaped, or folding would drop it; unless it also comes before a
      // break and so gets its escape above (yaml 2.9.1 writes both, `\\ `, which reads as a backslash).
      if (json[i + 2] === ' ' && !(json[i + 3] === '\\' && json[i + 4] === 'n')) str += '\\';
      i += 1;
      start = i + 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/** YAML's short escapes for the `\uXXXX` JSON writes at `at`. */
function shortEscape(json: string, at: number): string {
  const code = json.substr(at + 2, 4);
  switch (code) {
    case '0000': return '\\0';
    case '0007': return '\\a';
    case '000b': return '\\v';
    case '001b': return '\\e';
    case '0085': return '\\N';
    case '00a0': return '\\_';
    case '2028': return '\\L';
    case '2029': return '\\P';
    default: return code.startsWith('00') ? '\\x' + code.substr(2) : json.substr(at, 6);
  }
}

/** Regex finding runs of line breaks inside the trailing blank part of a block scalar. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** yaml's blockString with `lineWidth: 0` (always literal): chomping and indentation indicators from the text's ends. */
function blockLiteral(input: string, ctx: ScalarContext, forceBlockIndent: boolean): string {
  if (/\n[\t ]+$/.test(input)) return quoted(input, ctx);
  const indent = ctx.indent || (forceBlockIndent || DOCUMENT_MARKER.test(input) ? INDENT_STEP : '');
  let value = input;
  if (!value) return '|\n';
  let endStart = value.length;
  for (; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  const chomp = endNlPos === -1 ? '-' : value === end || endNlPos !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === '\n') end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? (indent ? '2' : '1') : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** yaml's stringifyNumber: `.nan`/`.inf`, `-0`, otherwise JavaScript's shortest round-trip form. */
export function numberScalar(value: number): string {
  if (!isFinite(value)) return isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}
