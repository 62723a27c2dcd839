/**
 * One scalar as YAML text: plain where every reader a manifest meets gets the same string back,
 * quoted otherwise, and multi-line strings as literal block scalars (`|`, `|-`, `|+`, with an
 * indentation indicator when the text starts with a blank or a tab) — the form kubectl and
 * kfp-tekton write scripts in. The readers are YAML 1.2 (core schema) and YAML 1.1 as Kubernetes (sigs.k8s.io/yaml,
 * go-yaml v2), PyYAML and the `yaml` library read it: a plain `n`, `Off`, `0777`, `1_000`, `1:20`,
 * `2001-12-14`, `<<` or `=` is not a string there (see readsAsOtherThanString).
 *
 * The text is otherwise what the `yaml` library (2.9.1) writes with the options kft's manifests
 * always used (`lineWidth: 0`, default string type PLAIN, no comments) and `compat: 'yaml-1.1'`: a
 * port of its stringifyString/stringifyNumber with folding switched off, plus the quoting and
 * escapes the YAML 1.1 readers need beyond it (test/emit/yamlScalar.test.ts compares both).
 */

import { EXPONENT_ONLY, readsAsOtherThanString, SPECIAL_WORD } from '../util/yaml11.js';

export interface ScalarContext {
  /** Indentation of the scalar's continuation lines (the collection level plus one step). */
  readonly indent: string;
  /** A map key written without `? `: single line, no block scalar. */
  readonly implicitKey: boolean;
}

/**
 * Characters a plain, single-quoted or block scalar cannot carry: control characters, lone
 * surrogates, the non-characters U+FFFE/U+FFFF (YAML 1.1 readers reject them), NEL, U+2028 and
 * U+2029 (line breaks in YAML 1.1) and the byte order mark (which go-yaml and PyYAML drop at a line start).
 */
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u{D800}-\u{DFFF}]/u;
/** The characters among those that JSON.stringify leaves as they are (it escapes the C0 controls and lone surrogates). */
const RAW_IN_JSON = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
const RAW_IN_JSON_ALL = new RegExp(RAW_IN_JSON.source, 'g');
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
 * could read as a number or null), holding a control character or a tab (PyYAML cannot read a tab
 * in a plain scalar), a line break (also U+2028/U+2029), a surrogate, a byte order mark or
 * non-character, `: `, ` #`, or ending with a blank or `:` takes the general path.
 */
function isPlainAnywhere(value: string): boolean {
  const n = value.length;
  const first = value.charCodeAt(0);
  if (n === 0 || !SAFE_FIRST[first]) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    // Control characters, surrogates, and U+2028/U+2029, after which a JavaScript `^` (yaml's document marker test) matches.
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029 || c === 0xfeff || c >= 0xfffe) return false;
    if (c === 0x3a /* : */ && (i === n - 1 || value.charCodeAt(i + 1) === 0x20)) return false;
    if (c === 0x20 && (i === n - 1 || value.charCodeAt(i + 1) === 0x23 /* # */)) return false;
  }
  // Words a reader takes for a boolean, null or a merge key (y, no, Off, null, <<, =, …), and `e5`.
  if (n <= 5 && SPECIAL_WORD.test(value)) return false;
  return (first | 0x20) !== 0x65 /* e, E */ || !EXPONENT_ONLY.test(value);
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
  if (value.includes('\t') || readsAsOtherThanString(value)) return quoted(value, ctx);
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
  let json = JSON.stringify(value);
  // The length JSON gives decides folding, as in yaml; the escapes YAML 1.1 needs come after.
  const foldsBreaks = json.length >= MIN_MULTI_LINE_LENGTH;
  if (RAW_IN_JSON.test(json)) json = json.replace(RAW_IN_JSON_ALL, unicodeEscape);
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
    } else if (next === 'n' && foldsBreaks && !(ctx.implicitKey || json[i + 2] === '"')) {
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

/** `\uXXXX` for a character, which shortEscape then writes in YAML's shortest form (`\N`, `\L`, `\x7f`). */
const unicodeEscape = (ch: string): string => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

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

/**
 * yaml's blockString with `lineWidth: 0` (always literal): chomping and indentation indicators from
 * the text's ends; also an indentation indicator when the first line starts with a tab.
 */
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
  // go-yaml (Kubernetes) refuses a tab where it is still looking for the block's indentation.
  if (value[startEnd] === '\t') startWithSpace = true;
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? (indent ? '2' : '1') : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/**
 * yaml's stringifyNumber: `.nan`/`.inf`, `-0`, otherwise JavaScript's shortest round-trip form, with
 * `.0` before an exponent (`1.0e+21`, not `1e+21`, which PyYAML reads as a string: its float
 * pattern needs a dot).
 */
export function numberScalar(value: number): string {
  if (!isFinite(value)) return isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  if (Object.is(value, -0)) return '-0';
  const text = JSON.stringify(value);
  return text.includes('e') && !text.includes('.') ? text.replace('e', '.0e') : text;
}
