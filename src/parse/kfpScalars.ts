/**
 * Plain scalars of a component file that kfp's reader and kft read differently. kfp reads
 * component files with PyYAML, whose resolver follows YAML 1.1: `yes`/`no`/`on`/`off` are booleans,
 * `010` is octal, `1_000`, `0b1` and `1:20` are integers, `2001-12-14` is a date, and `1e-05` (no
 * dot) is a string. kft reads YAML 1.2's core schema, as the yaml library does. Where the two
 * readings differ, the file means two things; kft keeps its reading and warns, naming both, so the
 * author can quote the value (or spell it so both agree).
 */
import { forEachRange } from './nodePositions.js';
import type { SourceDocument } from './sourceDocument.js';

/** A value as a reader resolves a plain scalar: its kind, and for numbers the number. */
export interface Reading {
  readonly kind: 'null' | 'bool' | 'int' | 'float' | 'date' | 'str';
  readonly value?: number | boolean;
}

export interface ScalarDifference {
  readonly offset: number;
  readonly source: string;
  /** How kfp (PyYAML) reads it, and how kft (YAML 1.2 core) reads it, in words. */
  readonly kfp: string;
  readonly kft: string;
}

// PyYAML's implicit resolvers (resolver.py, 5.1 and later: kfp 1.8 needs 5.3), in the order it tries them.
const PY_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PY_FLOAT = /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_INT = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_DATE = /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/;

// YAML 1.2's core schema, as the yaml package (and kft's readers) resolve it.
const CORE_NULL = /^(?:~|null|Null|NULL|)$/;
const CORE_BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** How PyYAML (kfp's reader) resolves the plain scalar `s`. */
export function pyReading(s: string): Reading {
  if (PY_BOOL.test(s)) return { kind: 'bool', value: /^(?:yes|true|on)$/i.test(s) };
  if (PY_FLOAT.test(s)) return { kind: 'float', value: pyFloat(s) };
  if (PY_INT.test(s)) return { kind: 'int', value: pyInt(s) };
  if (PY_NULL.test(s)) return { kind: 'null' };
  if (PY_DATE.test(s)) return { kind: 'date' };
  return { kind: 'str' };
}

/** How YAML 1.2's core schema (kft's readers) resolves the plain scalar `s`. */
export function coreReading(s: string): Reading {
  if (CORE_NULL.test(s)) return { kind: 'null' };
  if (CORE_BOOL.test(s)) return { kind: 'bool', value: /^true$/i.test(s) };
  if (CORE_INT.test(s)) return { kind: 'int', value: s.startsWith('0o') ? parseInt(s.slice(2), 8) : Number(s) };
  if (CORE_FLOAT.test(s)) return { kind: 'float', value: Number(s.replace(/^([-+]?)\.(inf|nan)$/i, (_, sign: string, w: string) => (w.toLowerCase() === 'inf' ? `${sign}Infinity` : 'NaN'))) };
  return { kind: 'str' };
}

/** PyYAML's int constructor: `_` dropped, 0b/0x/leading-zero octal, base 60. */
function pyInt(s: string): number {
  const sign = s.startsWith('-') ? -1 : 1;
  const t = s.replace(/_/g, '').replace(/^[-+]/, '');
  if (t === '0') return 0;
  if (t.startsWith('0b')) return sign * parseInt(t.slice(2), 2);
  if (t.startsWith('0x')) return sign * parseInt(t.slice(2), 16);
  if (t.startsWith('0')) return sign * parseInt(t, 8);
  if (t.includes(':')) return sign * t.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  return sign * Number(t);
}

/** PyYAML's float constructor: `_` dropped, base 60, .inf/.nan. */
function pyFloat(s: string): number {
  const t = s.replace(/_/g, '').toLowerCase();
  if (t.endsWith('.inf')) return t.startsWith('-') ? -Infinity : Infinity;
  if (t.endsWith('.nan')) return NaN;
  if (!t.includes(':')) return Number(t);
  const sign = t.startsWith('-') ? -1 : 1;
  return sign * t.replace(/^[-+]/, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Whether two readings give the container the same value. */
export const sameReading = (a: Reading, b: Reading): boolean => {
  const number = (r: Reading) => r.kind === 'int' || r.kind === 'float';
  // As text both give the same digits: -0 and 0 are one value here (Python's int has no -0).
  if (number(a) && number(b)) return a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value));
  return a.kind === b.kind && a.value === b.value;
};

function words(r: Reading, source: string): string {
  switch (r.kind) {
    case 'null': return 'null';
    case 'bool': return `the boolean ${r.value ? 'true' : 'false'}`;
    case 'int':
    case 'float': return `the number ${String(r.value)}`;
    case 'date': return 'a date';
    case 'str': return `the string '${source}'`;
  }
}

/**
 * Whether the scalar at `start` can read differently: a word of up to five letters starting like
 * yes/no/on/off, or a number, date or base-60 value (a digit; a sign or dot before a digit or dot;
 * `.inf`, `.nan`). Quoted and block scalars, collections, aliases and tags start otherwise.
 */
function mayDiffer(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c >= 0x30 && c <= 0x39) return true;
  const next = text.charCodeAt(start + 1);
  const digitOrDot = (next >= 0x30 && next <= 0x39) || next === 0x2e;
  if (c === 0x2b || c === 0x2d) return digitOrDot;
  if (c === 0x2e) return digitOrDot || /[iInN]/.test(text[start + 1] ?? '');
  return end - start <= 5 && /[yYnNoO]/.test(text[start]!);
}

/**
 * The plain scalars (keys and values) of a document that PyYAML and YAML 1.2 read differently,
 * found through the positions the reader recorded: each scalar's source text, no second parse.
 */
export function kfpScalarDifferences(doc: SourceDocument): ScalarDifference[] {
  const out: ScalarDifference[] = [];
  const { text } = doc;
  const check = (start: number, end: number): void => {
    // Most scalars are names, text and --flags: a character or two rule them out before any slicing.
    if (!mayDiffer(text, start, end)) return;
    const source = text.slice(start, end);
    if (source.includes('\n')) return;
    const kfp = pyReading(source);
    const kft = coreReading(source);
    if (!sameReading(kfp, kft)) out.push({ offset: start, source, kfp: words(kfp, source), kft: words(kft, source) });
  };
  forEachRange(doc.positions, 'value', check);
  forEachRange(doc.positions, 'key', check);
  return out.sort((a, b) => a.offset - b.offset);
}
