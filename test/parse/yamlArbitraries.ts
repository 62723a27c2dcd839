/**
 * Random YAML text for the readers' differential tests (fastYaml.test.ts, readYaml.differential.test.ts):
 *
 * - `specStyleDocument`: documents written the way specs are (block and flow collections, plain and
 *   quoted scalars that look like numbers, booleans or nulls, comments, blank lines, anchors and
 *   aliases), valid most of the time;
 * - `yamlishText`: short strings of YAML-ish fragments, mostly invalid;
 * - `hostileDocument`: lines built from the constructs where YAML readers differ or that YAML
 *   forbids (null, alias and collection keys, tags, merge keys under %YAML 1.1, undefined and cyclic
 *   aliases, control characters, byte-order marks, CRLF, long keys, block scalars, escapes,
 *   several documents), placed at random indentation.
 */
import fc from 'fast-check';

const SCALARS = ['a', 'b c', 'x:y', 'a#b', 'null', 'Null', '~', 'true', 'False', 'TRUE', '0', '-0', '+1', '12', '0x1F', '0o17', '1e3', '.5', '1.0', '-.inf', '.NaN', '---', '<<', '__proto__', 'constructor', '{{params.p}}', '{{tasks.t.outputs.o}} == x', '$(x)', '-c', 'é😀', 'a - b', "it's", 'say "hi"', '1:2', 'a,b', '[x]', '?', ':', '', ' '];

const scalarText = fc.constantFrom(...SCALARS);

/** A scalar written plain, double- or single-quoted (plain may be invalid: then the reader gives up). */
const scalar = fc.tuple(scalarText, fc.integer({ min: 0, max: 2 })).map(([s, style]) =>
  style === 0 ? s : style === 1 ? `"${s}"` : `'${s.replaceAll("'", "''")}'`);

interface Tree {
  kind: 'map' | 'seq' | 'scalar' | 'alias';
  text?: string;
  entries?: [string, Tree][];
  items?: Tree[];
  /** An anchor name on the node (two names, so aliases often find one, sometimes not, sometimes their own node). */
  anchor?: string;
}

const anchorName = fc.option(fc.constantFrom('a', 'b'), { freq: 6 });

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.tuple(scalar, anchorName).map(([text, anchor]): Tree => ({ kind: 'scalar', text, anchor: anchor ?? undefined })) },
    { weight: 1, arbitrary: fc.constantFrom('*a', '*b').map((text): Tree => ({ kind: 'alias', text })) },
    { weight: 2, arbitrary: fc.tuple(fc.array(fc.tuple(scalar, tie('node')), { maxLength: 4 }), anchorName).map(([entries, anchor]): Tree => ({ kind: 'map', entries, anchor: anchor ?? undefined })) },
    { weight: 2, arbitrary: fc.tuple(fc.array(tie('node'), { maxLength: 4 }), anchorName).map(([items, anchor]): Tree => ({ kind: 'seq', items, anchor: anchor ?? undefined })) },
  ),
})).node;

const decoration = fc.record({ flow: fc.boolean(), comment: fc.boolean(), blank: fc.boolean(), step: fc.integer({ min: 1, max: 3 }), trailing: fc.boolean() });
type Decoration = typeof decoration extends fc.Arbitrary<infer D> ? D : never;

const prefix = (t: Tree): string => (t.anchor ? `&${t.anchor} ` : '');

function flow(t: Tree): string {
  if (t.kind === 'scalar' || t.kind === 'alias') return prefix(t) + t.text!;
  if (t.kind === 'seq') return `${prefix(t)}[${t.items!.map(flow).join(', ')}]`;
  return `${prefix(t)}{${t.entries!.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
}

const isLeaf = (t: Tree): boolean => t.kind === 'scalar' || t.kind === 'alias' || (t.kind === 'map' ? t.entries!.length === 0 : t.items!.length === 0);

/** Lines of a block node at `indent`; decorations are drawn from `d` in turn. */
function block(t: Tree, indent: number, d: Decoration[], at: { i: number }): string[] {
  const next = () => d[at.i++ % d.length]!;
  const pad = ' '.repeat(indent);
  const tail = (x: Decoration) => (x.comment ? '  # note' : x.trailing ? '  ' : '');
  const inline = (v: Tree, x: Decoration): string | undefined => (isLeaf(v) || x.flow ? flow(v) : undefined);
  const out: string[] = [];
  if (isLeaf(t)) return [`${pad}${flow(t)}`];
  const entries: [string | undefined, Tree][] = t.kind === 'map' ? t.entries! : t.items!.map((v) => [undefined, v]);
  for (const [key, value] of entries) {
    const x = next();
    const lead = key === undefined ? `${pad}-` : `${pad}${key}:`;
    const text = inline(value, x);
    if (text !== undefined) out.push(`${lead} ${text}${tail(x)}`);
    else if (key === undefined && value.kind === 'map' && !x.comment && !value.anchor) {
      const lines = block(value, indent + 2, d, at);
      out.push(`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
    } else {
      const anchor = value.anchor ? ` &${value.anchor}` : '';
      out.push(`${lead}${anchor}${x.trailing ? ' ' : ''}`, ...block(value, indent + (value.kind === 'seq' && key !== undefined && x.step === 1 ? 0 : x.step), d, at));
    }
    if (x.blank) out.push('');
  }
  return out;
}

export const specStyleDocument = fc.tuple(tree, fc.array(decoration, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean()).map(([t, d, header, newline]) => {
  // The root is not anchored (`&a` alone on the first line is valid YAML, but not worth a case).
  const lines = block({ ...t, anchor: undefined }, 0, d, { i: 0 });
  return (header ? '# header\n\n' : '') + lines.join('\n') + (newline ? '\n' : '');
});

const FRAGMENTS = ['a', 'b', 'k', '1', ':', ': ', ' ', '  ', '\n', '- ', '-', '[', ']', '{', '}', ', ', '#', ' #c', '"', "'", 'null', '&x ', '*x', '!t ', '|', '>', '? ', '---', '\\', '\t', '\r\n', '~', '0x1', '&y ', '*y', '<<: '];

export const yamlishText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));

/** One line's content (without indentation): the constructs where readers differ, and ordinary ones. */
const HOSTILE_LINES = [
  // ordinary
  'k: v', 'n: 1', 'l:', '- x', '- k: v', 'f: [a, b]', 'm: {p: 1}', 'q: "x y"', "s: 'it''s'", 'e:', '# comment',
  // anchors and aliases: defined, undefined, cyclic, as keys, on keys
  'a: &a 1', 'b: &b {x: 1, y: [1, 2]}', 'c: *a', 'd: *b', 'u: *undefined', '- *a', '- &a v', 'r: &r [*r]', 'r2: &r2', '  inner: *r2', '*a : k', '&k key: v', 'w: [*a, *b]',
  // keys with no plain JSON meaning
  'null: n', '~: t', ': empty', '? ', '? [a, b]', ': v', '{[a]: 1}', '1: one', '"1": quoted one', '0x10: hex', '16: sixteen', 'true: yes', '"true": quoted', '"": quoted empty', "'null': quoted",
  // tags
  'o: !!omap [{a: 1}]', 'set: !!set {a, b}', 'bin: !!binary aGk=', 'ts: !!timestamp 2001-12-14', 'ts2: 2001-12-14', 'cu: !foo x', 'st: !!str 1', 'in: !!int "7"', 'fl: !!float 1', 'sq: !!seq {a: 1}',
  // merge keys (effective only under %YAML 1.1)
  '<<: *b', '<<: [*b, {z: 9}]', '<<: {m: 1}', '<<: x', '"<<": quoted',
  // forbidden and special characters
  'z: a\u0000b', 'z: "a\u0007"', 'z: \u001b[0m', 'z: a\u007fb', 'z: \u0085nel', 'z: \u009b', 'z: \ufeffinner', 'z: \ufffe', 'z: \ud800', 'z: "\\0 escaped"',
  // long keys (yaml refuses an implicit key over 1,024 characters)
  `"${'k'.repeat(1030)}": long`, `${'p'.repeat(1030)}: long`, `"${'k'.repeat(1010)}": near`,
  // scalars over lines, escapes, block scalars
  'bs: |', '  text', 'fs: >-', 'mq: "a', '  b"', 'es: "\\u00e9\\t"',
  // documents and directives
  '---', '...', '%YAML 1.1', '%YAML 1.2', '%TAG ! tag:example.com,2000:',
];

/** Mostly at column 0 (a mapping of the document), else nested: random indentation is mostly a syntax error. */
const hostileLine = fc.tuple(fc.constantFrom(...HOSTILE_LINES), fc.constantFrom(0, 0, 0, 0, 0, 2, 2, 1, 4)).map(([line, indent]) => ' '.repeat(indent) + line);

export const hostileDocument = fc
  .tuple(fc.array(hostileLine, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\n', '\n', '\r\n'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, directive]) => (bom ? '\ufeff' : '') + (directive ? '%YAML 1.1\n---\n' : '') + lines.join(eol) + eol);
