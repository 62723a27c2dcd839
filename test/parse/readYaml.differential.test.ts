/**
 * kft's readers (readYaml: the fast reader, else the yaml-library path) against the `yaml` package
 * itself (parseDocument + toJS, the reference for YAML's meaning), on fresh random documents every
 * run: both must accept or both refuse; when both accept, the values are equal; when both refuse
 * for a syntax error, kft points where yaml does. (Positions of accepted documents: fastYaml.test.ts
 * compares the fast reader's with the library path's, which are yaml's node ranges.)
 *
 * Documented disagreements, each checked to be what it claims (docs/spec.md, "YAML"):
 *  - kft refuses raw control characters YAML forbids (NUL, ESC, DEL, C1, U+FFFE/U+FFFF, lone
 *    surrogates), which yaml accepts [yaml-control-character];
 *  - kft refuses values with no JSON meaning that yaml turns into something: null, empty and
 *    collection keys, !!omap/!!set/!!pairs, !!binary, timestamps, tags yaml cannot resolve (yaml
 *    warns and keeps the text) [yaml-unsupported];
 *  - kft refuses an alias inside the node it names (yaml builds a circular value) [yaml-bad-alias];
 *  - kft refuses a file with no document in it (yaml gives null) [yaml-syntax: the file is empty];
 *  - kft refuses two keys of a mapping that are one JSON key (`1` and `"1"`, `true` and `"true"`),
 *    where yaml keeps the last value [yaml-duplicate-key];
 *  - kft's limits (size, nodes, depth) [input-limit].
 *
 * Each run draws a new seed and prints it on failure; DIFF_SEED=<seed> replays a run,
 * DIFF_RUNS=<n> runs longer.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAlias, isCollection, isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { firstForbiddenCharacter } from '../../src/parse/encoding.js';
import { defaultReadLimits, readYaml } from '../../src/parse/readYaml.js';
import { hostileDocument, specStyleDocument, yamlishText } from './yamlArbitraries.js';

const RUNS = Number(process.env.DIFF_RUNS ?? 1000);
const seed = Number(process.env.DIFF_SEED ?? Math.floor(Math.random() * 2 ** 31));

type Reference = { ok: true; value: unknown; doc: Document.Parsed } | { ok: false; positions: string[]; doc: Document.Parsed };

/** What the yaml package makes of the text: toJS() of its one document, or where its errors are. */
function reference(text: string): Reference {
  // kft drops a leading byte-order mark before reading (as decoding a file's bytes does): yaml reads
  // the same text (with the mark, yaml's lexer sees indentation differently in some broken files).
  text = text.replace(/^\ufeff/, '');
  const doc = parseDocument(text, { prettyErrors: false });
  const at = (pos: [number, number]) => {
    const before = text.slice(0, pos[0]);
    return `${before.split('\n').length}:${pos[0] - (before.lastIndexOf('\n') + 1) + 1}`;
  };
  if (doc.errors.length > 0) return { ok: false, positions: doc.errors.map((e) => at(e.pos)), doc };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: -1 }), doc };
  } catch {
    return { ok: false, positions: [], doc };
  }
}

/** Whether the document holds what kft refuses as yaml-unsupported. */
function hasUnsupported(doc: Document.Parsed): boolean {
  if (doc.warnings.some((w) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_COLLECTION_TYPE')) return true;
  let found = false;
  const anchors = new Map<string, unknown>();
  visit(doc, {
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
      if (isScalar(node) && node.value !== null && !['string', 'number', 'boolean', 'symbol'].includes(typeof node.value)) found = true;
      if (isCollection(node) && node.tag && !/:(map|seq)$/.test(node.tag)) found = true;
    },
    Pair(_, pair) {
      const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
      if (!key || (isScalar(key) && key.value === null) || isCollection(key)) found = true;
    },
  });
  return found;
}

/** Whether a mapping has two keys yaml tells apart that are one JSON key (`1` and `"1"`, `true` and `"true"`). */
function hasKeysAlikeAsText(doc: Document.Parsed): boolean {
  let found = false;
  const anchors = new Map<string, unknown>();
  visit(doc, {
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
        const text = isScalar(key) ? String(key.value) : undefined;
        if (text !== undefined && seen.has(text)) found = true;
        if (text !== undefined) seen.add(text);
      }
    },
  });
  return found;
}

/** Whether an alias stands inside a node anchored with its name (yaml makes a circular value, or drops it under a later key). */
function hasAliasInsideItsAnchor(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias(_, alias, path) {
      if (path.some((node) => (node as { anchor?: string }).anchor === alias.source)) found = true;
    },
  });
  return found;
}

/** Why kft may refuse what yaml accepts; undefined when the refusal is not a documented one. */
function documentedRefusal(text: string, code: string, message: string, ref: Reference & { ok: true }): string | undefined {
  if (code === 'yaml-control-character' && firstForbiddenCharacter(text.replace(/^\ufeff/, '')) >= 0) return code;
  if (code === 'yaml-unsupported' && hasUnsupported(ref.doc)) return code;
  if (code === 'yaml-bad-alias' && hasAliasInsideItsAnchor(ref.doc)) return code;
  if (code === 'yaml-syntax' && message === 'the file is empty' && ref.doc.contents === null) return code;
  if (code === 'yaml-duplicate-key' && hasKeysAlikeAsText(ref.doc)) return code;
  if (code === 'input-limit') return code;
  return undefined;
}

/** How many texts ended in each outcome (both accept, both refuse, a documented refusal's code). */
const outcomes = new Map<string, number>();
const tally = (outcome: string) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

/** Empty when kft and yaml agree (or differ as documented); else what differs. */
function disagreement(text: string): string[] {
  const kft = readYaml('f.yaml', text, defaultReadLimits);
  const ref = reference(text);
  const first = kft.diagnostics.find((d) => d.severity === 'error');
  if (kft.document && !first) {
    if (!ref.ok) return [`kft accepts, yaml refuses at ${ref.positions.join(', ') || 'toJS'}`];
    const value = kft.document.value;
    if (!isDeepStrictEqual(value, ref.value)) return [`values differ: kft ${JSON.stringify(value)}, yaml ${JSON.stringify(ref.value)}`];
    tally('both accept');
    return [];
  }
  if (!first) return ['kft gives neither a document nor an error'];
  if (ref.ok) {
    const documented = documentedRefusal(text, first.code, first.message, ref);
    if (documented) tally(documented);
    return documented ? [] : [`kft refuses (${first.code}: ${first.message}), yaml accepts ${JSON.stringify(ref.value)}`];
  }
  tally('both refuse');
  // Both refuse. A syntax error kft took from yaml must point where one of yaml's errors is (kft's
  // own: "the file is empty", at 1:1, where yaml may name a directive's missing `---`; a bad merge
  // value, which yaml finds only in toJS()).
  const own = first.message === 'the file is empty' || first.message.includes('<< merge key');
  if (first.code === 'yaml-syntax' && !own && ref.positions.length > 0) {
    const where = `${first.range?.line}:${first.range?.column}`;
    if (!ref.positions.includes(where)) return [`kft refuses at ${where} (${first.message}), yaml at ${ref.positions.join(', ')}`];
  }
  // kft finds duplicate keys itself and points at the repeated key (yaml, in some layouts, at the
  // end of the entry before it): yaml must see a duplicate too, or keys alike as text.
  if (first.code === 'yaml-duplicate-key' && !ref.doc.errors.some((e) => e.code === 'DUPLICATE_KEY') && !hasKeysAlikeAsText(ref.doc)) {
    return [`kft refuses (${first.message}), yaml refuses for another reason at ${ref.positions.join(', ')}`];
  }
  return [];
}

describe(`readYaml against the yaml package (seed ${seed}; DIFF_SEED=${seed} replays)`, () => {
  const check = (text: string): void => {
    expect(disagreement(text), JSON.stringify(text)).toEqual([]);
  };

  it('agrees on documents written in the spec styles (anchors and aliases included)', () => {
    outcomes.clear();
    fc.assert(fc.property(specStyleDocument, check), { numRuns: RUNS, seed });
    expect(outcomes.get('both accept') ?? 0).toBeGreaterThan(RUNS / 4);
  });

  it('agrees on YAML-ish text', () => {
    fc.assert(fc.property(yamlishText, check), { numRuns: RUNS, seed });
  });

  it('agrees, or refuses as documented, on hostile documents', () => {
    outcomes.clear();
    fc.assert(fc.property(hostileDocument, check), { numRuns: 2 * RUNS, seed });
    // The property means little unless the documents reach every outcome.
    for (const outcome of ['both accept', 'both refuse', 'yaml-control-character', 'yaml-unsupported']) {
      expect(outcomes.get(outcome) ?? 0, `${outcome}: ${JSON.stringify([...outcomes])}`).toBeGreaterThan(RUNS / 100);
    }
  });

  it('the check catches what it is meant to catch', () => {
    // A documented refusal is only accepted when it is what it claims to be.
    expect(disagreement('a: 1\n')).toEqual([]);
    expect(disagreement('null: 1\n')).toEqual([]);
    expect(disagreement('a: x\u0000\n')).toEqual([]);
    expect(disagreement('a: &x [*x]\n')).toEqual([]);
    expect(disagreement('1: a\n"1": b\n')).toEqual([]);
    expect(disagreement('%YAML 1.1\n---\nb: &b {x: 1, y: 2}\nc:\n  y: 0\n  <<: [*b, {z: 3}]\n  x: 9\n')).toEqual([]);
    const ref = reference('a: 1\n') as Reference & { ok: true };
    expect(documentedRefusal('a: 1\n', 'yaml-unsupported', '', ref)).toBeUndefined();
    expect(documentedRefusal('a: 1\n', 'yaml-control-character', '', ref)).toBeUndefined();
    expect(isMap(ref.doc.contents)).toBe(true);
  });
});
