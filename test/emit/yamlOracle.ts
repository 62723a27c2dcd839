/**
 * The reference for kft's YAML writer, which tests compare with byte for byte: the yaml library's
 * Document (yaml 2.9.1; lineWidth 0, indentSeq false, as kft wrote manifests before it had its own
 * writer) with `compat` set to YAML 1.1's schema, so that it also quotes what that schema reads as
 * something else (`n`, `Off`, `1_000`, `1:20`, `2001-12-14`, `<<`), and with what the YAML 1.1
 * readers need beyond that schema:
 *
 * - quoted: what Kubernetes' go-yaml v2 or PyYAML read as something else (yamlResolvers.ts: `0O7`,
 *   `0b-1`, `=`, `.5_5`, …), kft's documented conservative cases (KFT_CONSERVATIVE), and text with
 *   a tab (PyYAML cannot read a tab inside a plain scalar);
 * - double-quoted with escapes: text with NEL, U+2028, U+2029 (line breaks in YAML 1.1), a byte
 *   order mark or U+FFFE/U+FFFF, and blank-only multi-line strings (a block scalar loses the blanks);
 * - an indentation indicator on a block scalar whose first line starts with a tab (go-yaml refuses
 *   a tab where it looks for the indentation);
 * - numbers with an exponent written with a dot (`1.0e+21`: PyYAML's float pattern needs one).
 */
import { Document, isScalar, Scalar, visit, type Tags } from 'yaml';
import { stringifyString } from 'yaml/util';
import { goYamlNotString, pyYamlNotString } from './yamlResolvers.js';

/**
 * Strings no reader takes for anything but a string today, which kft quotes all the same (docs/cli.md):
 * hex floats (Go's syntax, `0x1p-2`, once `_` are removed), decimal numbers beyond a double's range
 * and `0x`/`0o`/`0b` integers beyond 64 bits once `_` are removed (`1e5_000`, `0X` and 20 digits: Go's
 * parsers fail on them, and PyYAML only knows the lower-case prefixes), signed spellings of infinity and
 * NaN in any case (`+Inf`, `-infinity`: Go's ParseFloat reads them), text that starts with a
 * date followed by a blank or `T` (`2001-12-14 backup`), and decimal numbers spelled with `_` where
 * no reader allows one (`.0E0_`: go-yaml removes every `_` only after a digit or a sign, YAML 1.1
 * only between digits; kft removes them all). Only text that starts with a digit, a sign or a dot
 * can be any of these (`_0` is a string to every reader, and kft writes it plain).
 */
export function kftConservative(s: string): boolean {
  if (!/^[-+.0-9]/.test(s)) return false;
  const plain = s.replace(/_/g, '');
  return (
    /^[-+]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][-+]?[0-9]+$/.test(plain) ||
    (/^[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(plain) && (!Number.isFinite(Number(plain)) || s.includes('_'))) ||
    /^[-+]?0(?:[xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)$/.test(plain) ||
    /^[-+](?:inf|infinity|nan)$/i.test(s) ||
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt \t]/.test(s)
  );
}

/** What kft quotes beyond the yaml library's YAML 1.1 schema, where the library would write a plain scalar. */
export const quotedBeyondLibrary = (s: string): boolean => s.includes('\t') || goYamlNotString(s) || pyYamlNotString(s) || kftConservative(s);

const yaml11Tags = new Document(null, { version: '1.1' }).schema.tags;
/** A compat "tag" the library consults just before it writes a plain scalar: quote when it matches. */
const kftQuoted = { default: true, tag: 'tag:kft.dev,2026:quoted', test: { test: quotedBeyondLibrary } } as unknown as Tags[number];
/** Numbers in exponent form (JavaScript's `1e+21`) with `.0` before the exponent. */
const exponentFloat = {
  identify: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && /e/.test(String(v)) && !/\./.test(String(v)),
  default: true,
  tag: 'tag:yaml.org,2002:float',
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  stringify: ({ value }: Scalar) => String(value).replace('e', '.0e'),
} as unknown as Tags[number];

/** Strings as the library writes them, with the escapes YAML 1.1 needs in double quotes (so that key lengths count them). */
const escapingString = {
  identify: (v: unknown) => typeof v === 'string',
  default: true,
  tag: 'tag:yaml.org,2002:str',
  stringify: (...[item, ctx, onComment, onChompKeep]: Parameters<typeof stringifyString>) => {
    const text = stringifyString(item, Object.assign({ actualString: true }, ctx), onComment, onChompKeep); // as yaml's own string tag
    // Every string holding such a character is double-quoted (see the visitor below).
    if (text.startsWith('"')) return text.replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, escape);
    // A block whose first line starts with a tab gets an indentation indicator (go-yaml refuses it otherwise).
    const tabFirst = /^\|([-+]?)\n((?: *\n)*)( *)\t/.exec(text);
    return tabFirst ? `|${tabFirst[3] ? '2' : '1'}${text.slice(1)}` : text;
  },
} as unknown as Tags[number];

const createOptions = { aliasDuplicateObjects: false, compat: [...yaml11Tags, kftQuoted] as Tags, customTags: (tags: Tags): Tags => [exponentFloat, escapingString, ...tags] };
const textOptions = { lineWidth: 0, minContentWidth: 0, indentSeq: false } as const;

const blockUnsafe = (s: string): boolean => s.includes('\n') && /^[ \t\n]*$/.test(s) && /[ \t]/.test(s);
/** Characters YAML 1.1 readers take for line breaks or refuse, which JSON (and so yaml's double quotes) leaves raw. */
const YAML_11_RAW = /[\u0085\u2028\u2029\ufeff\ufffe\uffff]/;
const ESCAPES: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };
const escape = (c: string): string => ESCAPES[c] ?? (c.charCodeAt(0) < 0x100 ? '\\x' : '\\u') + c.charCodeAt(0).toString(16).padStart(c.charCodeAt(0) < 0x100 ? 2 : 4, '0');

export function oracleYamlText(value: unknown): string {
  const doc = new Document(value, createOptions);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && (blockUnsafe(node.value) || YAML_11_RAW.test(node.value))) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(textOptions);
}
