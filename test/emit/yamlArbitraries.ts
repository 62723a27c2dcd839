/**
 * Random data for the YAML writer's tests: strings built from the pieces YAML treats specially
 * (indicators, quotes, blanks, line breaks, words and numbers a reader would not take for strings,
 * document markers, escapes, unicode), long strings, and JSON-like values holding them.
 */
import fc from 'fast-check';

const pieces = [
  ' ', '  ', '\n', '\n\n', '\t', '\r', 'x', 'ab', 'A', '#', ' #', '# ', ':', ': ', ' :', '-', '- ', '?', '? ', ',', '[', ']', '{', '}',
  '"', "'", '|', '>', '&', '*', '!', '%', '@', '`', '\\', '$(params.p)', '{{', '}}',
  'true', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'null', 'Null', 'NULL', '~', '0', '1', '012', '1_000', '-1', '+1', '1.5', '.5', '5.',
  '.inf', '-.Inf', '.nan', '.NaN', '1e5', '1E-3', '0o7', '0x1F', '0xg', '0b1', '2001-12-14', '12:30:00', '<<', '=', '__proto__', 'constructor',
  '---', '...', '--- ', '%YAML',
  '\u0000', '\u0007', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud800', '\udc00',
  'é', 'ü', '日本', '😀',
];

/** A string made of special pieces, short enough to hit every combination often. */
export const nastyString = fc.array(fc.constantFrom(...pieces), { maxLength: 7 }).map((parts) => parts.join(''));

/** Any string: nasty ones, arbitrary unicode, and long ones (over yaml's 1,024-character key limit). */
export const anyString = fc.oneof(
  { weight: 6, arbitrary: nastyString },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(nastyString, fc.integer({ min: 30, max: 1100 }), nastyString).map(([a, n, b]) => a + 'w '.repeat(n / 2) + b) },
);

const numbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e21, 1e-7, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity),
);

export const scalarValue = fc.oneof(
  { weight: 6, arbitrary: anyString },
  { weight: 1, arbitrary: numbers },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
);

/** JSON-like values (plus undefined, which JSON drops from maps and writes as null in lists). */
export const jsonLike: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarValue,
    fc.array(fc.oneof({ weight: 8, arbitrary: tie('value') }, { weight: 1, arbitrary: fc.constant(undefined) }), { maxLength: 4 }),
    fc.array(fc.tuple(anyString, fc.oneof({ weight: 8, arbitrary: tie('value') }, { weight: 1, arbitrary: fc.constant(undefined) })), { maxLength: 4 })
      .map((entries) => Object.fromEntries(entries)),
  ),
})).value;

/** A manifest-shaped document: a map at the top. */
export const document = fc.array(fc.tuple(anyString, jsonLike), { maxLength: 5 }).map((entries) => Object.fromEntries(entries));
