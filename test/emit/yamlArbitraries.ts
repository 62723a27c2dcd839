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

/** A word in any mix of upper and lower case. */
const anyCase = (words: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...words), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }))
    .map(([word, upper]) => Array.from(word, (c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));

/** Words YAML 1.1 or 1.2 readers take for booleans, null, infinity or NaN, in every case. */
const specialWord = anyCase(['y', 'yes', 'n', 'no', 'on', 'off', 'true', 'false', 'null', 'nan', 'inf', 'infinity', '.inf', '.nan', '-.inf', '+.inf']);

/** Number spellings: signs, `_`, prefixes in either case, dots, exponents, hex-float exponents. */
const numberSpelling = fc
  .tuple(
    fc.constantFrom('', '+', '-'),
    fc.constantFrom('', '0', '1', '0x', '0X', '0o', '0O', '0b', '0B', '.', '0.', '_', '1_'),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF_.eEpP+-'), maxLength: 6 }),
    fc.constantFrom('', 'e5', 'E-3', 'e+21', 'p-2', '_', '.', '9'.repeat(20)),
  )
  .map((parts) => parts.join(''));

/** Dates and timestamps in YAML 1.1's and Go's forms, valid and not, alone and with text after them. */
const dateSpelling = fc
  .tuple(
    fc.constantFrom('2001', '1999', '2000', '0000', '9999', '123', '20011'),
    fc.constantFrom('-12', '-1', '-01', '-02', '-13', '-0'),
    fc.constantFrom('-14', '-2', '-29', '-31', '-32', '-0'),
    fc.oneof(
      fc.constant(''),
      fc.tuple(
        fc.constantFrom('T', 't', ' ', '\t', '  ', 'x'),
        fc.constantFrom('21:59:43', '1:2:3', '21:59', '24:00:00', '21:59:60'),
        fc.constantFrom('', '.10', '.', '.123456789'),
        fc.constantFrom('', 'Z', '-5', '+05:30', ' Z', ' -05:00', 'z'),
      ).map((parts) => parts.join('')),
    ),
    fc.constantFrom('', '', ' backup', 'x', ':'),
  )
  .map((parts) => parts.join(''));

/** YAML 1.1's base-60 numbers (`1:20`, `190:20:30.15`) and their near misses. */
const base60Spelling = fc
  .tuple(fc.constantFrom('', '+', '-'), fc.constantFrom('0', '1', '190', '1_0', '8080'), fc.array(fc.constantFrom(':20', ':5', ':59', ':60', ':05', ':'), { minLength: 1, maxLength: 3 }), fc.constantFrom('', '.15', '.', '_'))
  .map(([sign, head, segments, tail]) => sign + head + segments.join('') + tail);

/** Text YAML treats specially for other reasons: keys, markers, comments, blanks, line breaks, escapes. */
const specialText = fc.constantFrom(
  '<<', '=', '~', '', '!', '&', '*', '---', '...', '--- x', '... x', '%YAML 1.1', '#', '# x', 'a #b', 'a# b', 'a: b', 'a:b', ': ', ':x', 'x:',
  ' a', 'a ', '\t', 'a\tb', 'a \tb', '\n', 'a\nb', 'a\n', ' \n', '\u2028', 'a\u2029b', '\u0085', 'a\u0085b', '\ufeff', '\ufeffa', '\ufffe', '\uffff',
  '\u0000', '\u0007', '\u001b', '\u007f', '\u009f', '\u00a0', '{"a": 1}', '{"a":"yes"}', '[1, 2]', '"q"', "'s'", '- x', '? x', '-', '?',
  'python:3.7', '1Gi', '0.5', '$(params.x)', '{{inputs.parameters.x}}', 'echo "$0"', 'a,b', '[a]', '@x', '`x`', '|', '>',
);

const readerPiece = fc.oneof(specialWord, numberSpelling, dateSpelling, base60Spelling, specialText, nastyString);

/**
 * Strings built on purpose from what YAML 1.1 and 1.2 readers take for something other than a
 * string: boolean and null words in every case, number spellings, dates and timestamps, base 60,
 * `<<`, `=`, markers, comments, blanks at the ends, line breaks (also NEL, U+2028, U+2029), control
 * characters; alone (most often), joined, or with blanks around them.
 */
export const readerString = fc.oneof(
  { weight: 6, arbitrary: readerPiece },
  { weight: 2, arbitrary: fc.array(readerPiece, { minLength: 2, maxLength: 3 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(' ', '\t', '\n', ''), readerPiece, fc.constantFrom(' ', '\t', '\n', '')).map((parts) => parts.join('')) },
);
