/**
 * What kfp 1.8 reads from a docstring: `docstring_parser.parse(inspect.getdoc(func))` picks, of
 * its four parsers (reST, Google, numpydoc, epydoc, in that order), the one that finds the most
 * meta items (the first on a tie; a parser that raises is skipped). The component's description is
 * that result's short description, an input's description the description of the parameter of
 * the same name. This ports the parts of docstring_parser (0.16–0.18) those values depend on: the
 * short description, the meta items' count, and parameters.
 */

export interface ParsedDocstring {
  readonly shortDescription?: string;
  /** Parameter name → description (later entries of a name win, as in kfp's dict). */
  readonly params: ReadonlyMap<string, string | undefined>;
}

class ParseError extends Error {}

interface StyleResult {
  shortDescription?: string;
  metaCount: number;
  params: [string, string | undefined][];
}

const PY_SPACE = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${PY_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${PY_SPACE}]+$`);
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`);

/** str.strip() / lstrip() with Python's whitespace (or the given characters). */
const lstrip = (s: string, chars?: string): string => (chars === undefined ? s.replace(LEADING_SPACE, '') : s.replace(new RegExp(`^[${escapeClass(chars)}]+`), ''));
const rstrip = (s: string, chars?: string): string => (chars === undefined ? s.replace(TRAILING_SPACE, '') : s.replace(new RegExp(`[${escapeClass(chars)}]+$`), ''));
const strip = (s: string, chars?: string): string => rstrip(lstrip(s, chars), chars);
const escapeClass = (chars: string): string => chars.replace(/[\\\]^-]/g, '\\$&');
/** str.split() without arguments. */
const splitWords = (s: string): string[] => strip(s).split(SPACE_RUN).filter((w) => w !== '');
/** str.split(sep, 1). */
function split1(s: string, sep: string): [string, string] | [string] {
  const at = s.indexOf(sep);
  return at < 0 ? [s] : [s.slice(0, at), s.slice(at + sep.length)];
}

/** str.expandtabs() (tab size 8; columns restart after \n and \r). */
function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  let column = 0;
  for (const ch of s) {
    if (ch === '\t') {
      const n = 8 - (column % 8);
      out += ' '.repeat(n);
      column += n;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

/** inspect.cleandoc. */
export function cleandoc(doc: string): string {
  const lines = expandTabs(doc).split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = lstrip(line).length;
    if (content) margin = Math.min(margin, line.length - content);
  }
  lines[0] = lstrip(lines[0]!);
  if (margin < Infinity) for (let i = 1; i < lines.length; i++) lines[i] = lines[i]!.slice(margin);
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  return lines.join('\n');
}

/** docstring_parser.parse(inspect.getdoc(func)) for a function whose __doc__ is `doc`. */
export function parseDocstring(doc: string | undefined): ParsedDocstring {
  if (doc === undefined) return { params: new Map() };
  const text = cleandoc(doc);
  const results: StyleResult[] = [];
  for (const parser of [parseRest, parseGoogle, parseNumpydoc, parseEpydoc]) {
    try {
      results.push(parser(text));
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
    }
  }
  // sorted(..., key=len(meta), reverse=True)[0]: the first of the largest.
  let best = results[0];
  for (const r of results) if (best === undefined || r.metaCount > best.metaCount) best = r;
  if (!best) return { params: new Map() };
  return { shortDescription: best.shortDescription, params: new Map(best.params) };
}

/** The text before the first match of `at` (multiline), split into its first line and the rest. */
function splitDescription(text: string, at: RegExp): { shortDescription?: string; meta: string } {
  const match = at.exec(text);
  const desc = match ? text.slice(0, match.index) : text;
  const first = split1(desc, '\n')[0];
  return { shortDescription: first || undefined, meta: match ? text.slice(match.index) : '' };
}

/** `first_line + "\n" + cleandoc(rest)` when the description has several lines. */
function cleanRest(desc: string): string {
  const parts = split1(desc, '\n');
  return parts.length === 2 ? `${parts[0]}\n${cleandoc(parts[1])}` : desc;
}

// --- reST ----------------------------------------------------------------------------------------

const PARAM_KEYWORDS = new Set(['param', 'parameter', 'arg', 'argument', 'attribute', 'key', 'keyword']);
const RETURN_KEYWORDS = new Set(['return', 'returns', 'yield', 'yields']);
const RAISES_KEYWORDS = new Set(['raises', 'raise', 'except', 'exception']);

function parseRest(text: string): StyleResult {
  const result: StyleResult = { metaCount: 0, params: [] };
  if (!text) return result;
  const { shortDescription, meta } = splitDescription(text, /^:/m);
  result.shortDescription = shortDescription;
  let hasReturns = false;
  const rtypes = new Set<string>();
  for (const match of meta.matchAll(/(^:[\s\S]*?)(?=^:|(?![\s\S]))/gm)) {
    const chunk = match[1]!;
    if (!chunk) continue;
    const parts = split1(lstrip(chunk, ':'), ':');
    if (parts.length < 2) throw new ParseError('no colon');
    const args = splitWords(parts[0]);
    let desc = strip(parts[1]!);
    if (desc.includes('\n')) desc = cleanRest(desc);
    if (args.length === 2 && args[0] === 'type') continue;
    if ((args.length === 1 || args.length === 2) && args[0] === 'rtype') {
      rtypes.add(args.length === 1 ? '' : args[1]!);
      continue;
    }
    const key = args[0];
    if (key === undefined) throw new ParseError('no keyword');
    if (PARAM_KEYWORDS.has(key)) {
      if (args.length !== 2 && args.length !== 3) throw new ParseError('parameter arguments');
      result.params.push([args[args.length - 1]!, desc]);
    } else if (RETURN_KEYWORDS.has(key) || RAISES_KEYWORDS.has(key)) {
      if (args.length > 2) throw new ParseError('return arguments');
      if (RETURN_KEYWORDS.has(key)) hasReturns = true;
    }
    result.metaCount++;
  }
  if (!hasReturns) result.metaCount += rtypes.size;
  return result;
}

// --- Google --------------------------------------------------------------------------------------

type GoogleKind = 'multiple' | 'singular' | 'either';
const GOOGLE_SECTIONS: ReadonlyMap<string, { key: string; kind: GoogleKind }> = new Map([
  ['Arguments', { key: 'param', kind: 'multiple' }],
  ['Args', { key: 'param', kind: 'multiple' }],
  ['Parameters', { key: 'param', kind: 'multiple' }],
  ['Params', { key: 'param', kind: 'multiple' }],
  ['Raises', { key: 'raises', kind: 'multiple' }],
  ['Exceptions', { key: 'raises', kind: 'multiple' }],
  ['Except', { key: 'raises', kind: 'multiple' }],
  ['Attributes', { key: 'attribute', kind: 'multiple' }],
  ['Example', { key: 'examples', kind: 'singular' }],
  ['Examples', { key: 'examples', kind: 'singular' }],
  ['Returns', { key: 'returns', kind: 'either' }],
  ['Yields', { key: 'yields', kind: 'either' }],
]);
const GOOGLE_TITLES = new RegExp(`^(${[...GOOGLE_SECTIONS.keys()].map((t) => `(${t})`).join('|')}):[ \\t\\r\\f\\v]*$`, 'gm');
const GOOGLE_TYPED_ARG = /^\s*(.+?)\s*\(\s*(.*[^\s]+)\s*\)/;
const MULTIPLE_PATTERN = /^(?:(\s*[^:\s]+:)|([^:]*\]:.*))/;

function parseGoogle(text: string): StyleResult {
  const result: StyleResult = { metaCount: 0, params: [] };
  if (!text) return result;
  const { shortDescription, meta } = splitDescription(text, new RegExp(GOOGLE_TITLES.source, 'm'));
  result.shortDescription = shortDescription;
  const matches = [...meta.matchAll(GOOGLE_TITLES)];
  if (!matches.length) return result;
  const chunks = new Map<string, string>();
  matches.forEach((m, j) => {
    const start = m.index + m[0].length;
    const end = j + 1 < matches.length ? matches[j + 1]!.index : meta.length;
    let details = meta.slice(start, end);
    const unknown = /\n\S/.exec(details);
    if (unknown) details = details.slice(0, unknown.index);
    chunks.set(m[1]!, strip(details, '\n'));
  });
  for (const [title, chunk] of chunks) {
    const section = GOOGLE_SECTIONS.get(title)!;
    const indent = /^\s*/.exec(chunk)![0];
    if (section.kind !== 'multiple') {
      googleMeta(cleandoc(chunk), section, result);
      continue;
    }
    const items = [...chunk.matchAll(new RegExp(`^${indent}(?=\\S)`, 'gm'))];
    if (!items.length) throw new ParseError('no specification');
    items.forEach((m, j) => {
      const start = m.index + m[0].length;
      const end = j + 1 < items.length ? items[j + 1]!.index : chunk.length;
      googleMeta(strip(chunk.slice(start, end), '\n'), section, result);
    });
  }
  return result;
}

function googleMeta(text: string, section: { key: string; kind: GoogleKind }, result: StyleResult): void {
  if (section.kind === 'singular' || (section.kind === 'either' && !MULTIPLE_PATTERN.test(text))) {
    if (PARAM_KEYWORDS.has(section.key)) throw new ParseError('Expected parameter name.');
    result.metaCount++;
    return;
  }
  const parts = split1(text, ':');
  if (parts.length < 2) throw new ParseError('Expected a colon.');
  let before = parts[0];
  let desc = parts[1]!;
  if (before && before.includes('\n')) {
    const [first, rest] = split1(before, '\n') as [string, string];
    before = first + cleandoc(rest);
  }
  if (desc) {
    if (desc[0] === ' ') desc = desc.slice(1);
    if (desc.includes('\n')) desc = cleanRest(desc);
    desc = strip(desc, '\n');
  }
  if (PARAM_KEYWORDS.has(section.key)) {
    const typed = GOOGLE_TYPED_ARG.exec(before);
    result.params.push([typed ? typed[1]! : before, desc]);
  }
  result.metaCount++;
}

// --- numpydoc ------------------------------------------------------------------------------------

type NumpyKind = 'param' | 'kv' | 'plain' | 'examples' | 'deprecation';
const NUMPY_SECTIONS: readonly [string, NumpyKind][] = [
  ['Parameters', 'param'], ['Params', 'param'], ['Arguments', 'param'], ['Args', 'param'],
  ['Other Parameters', 'param'], ['Other Params', 'param'], ['Other Arguments', 'param'], ['Other Args', 'param'],
  ['Receives', 'param'], ['Receive', 'param'], ['Raises', 'kv'], ['Raise', 'kv'], ['Warns', 'kv'], ['Warn', 'kv'],
  ['Attributes', 'param'], ['Attribute', 'param'], ['Returns', 'kv'], ['Return', 'kv'], ['Yields', 'kv'], ['Yield', 'kv'],
  ['Examples', 'examples'], ['Example', 'examples'], ['Warnings', 'plain'], ['Warning', 'plain'], ['See Also', 'plain'],
  ['Related', 'plain'], ['Notes', 'plain'], ['Note', 'plain'], ['References', 'plain'], ['Reference', 'plain'],
  ['deprecated', 'deprecation'],
];
const NUMPY_TITLES = new RegExp(
  NUMPY_SECTIONS.map(([title, kind]) => (kind === 'deprecation' ? `^\\.\\.\\s*(${title})\\s*::` : `^(${title})\\s*?\\n${'-'.repeat(title.length)}\\s*$`)).join('|'),
  'gm',
);
const NUMPY_KINDS = new Map(NUMPY_SECTIONS);
const PARAM_KEY = /^(.*?)(?:\s*:\s*(.*?))?$/;

function parseNumpydoc(text: string): StyleResult {
  const result: StyleResult = { metaCount: 0, params: [] };
  if (!text) return result;
  const { shortDescription, meta } = splitDescription(text, new RegExp(NUMPY_TITLES.source, 'm'));
  result.shortDescription = shortDescription;
  const matches = [...meta.matchAll(NUMPY_TITLES)];
  matches.forEach((m, j) => {
    const title = m.slice(1).find((g) => g !== undefined)!;
    const start = m.index + m[0].length;
    const end = j + 1 < matches.length ? matches[j + 1]!.index : meta.length;
    numpySection(NUMPY_KINDS.get(title)!, meta.slice(start, end), result);
  });
  return result;
}

function numpySection(kind: NumpyKind, text: string, result: StyleResult): void {
  if (kind === 'plain' || kind === 'deprecation') {
    result.metaCount++;
    return;
  }
  if (kind === 'examples') {
    const lines = splitLines(strip(dedent(text)));
    while (lines.length) {
      while (lines.length && lines[0]!.startsWith('>>>')) lines.shift();
      while (lines.length && !lines[0]!.startsWith('>>>')) lines.shift();
      result.metaCount++;
    }
    return;
  }
  const keys = [...text.matchAll(/^[^\s].*$/gm)];
  keys.forEach((m, j) => {
    const start = m.index + m[0].length;
    const end = j + 1 < keys.length ? keys[j + 1]!.index : text.length;
    const value = cleandoc(text.slice(start, end));
    if (kind === 'param') {
      const key = PARAM_KEY.exec(m[0]);
      const description = strip(value) || undefined;
      result.params.push([key ? key[1]! : m[0], description]);
    }
    result.metaCount++;
  });
}

/** str.splitlines(). */
const splitLines = (s: string): string[] => (s === '' ? [] : s.replace(/(\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])$/, '').split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/));

/** textwrap.dedent. */
export function dedent(text: string): string {
  const normalized = text.replace(/^[ \t]+$/gm, '');
  let margin: string | undefined;
  for (const m of normalized.matchAll(/^([ \t]*)[^ \t\n]/gm)) {
    const indent = m[1]!;
    if (margin === undefined || indent.startsWith(margin)) margin ??= indent;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let k = 0;
      while (k < margin.length && k < indent.length && margin[k] === indent[k]) k++;
      margin = margin.slice(0, k);
    }
  }
  return margin ? normalized.replace(new RegExp(`^${margin}`, 'gm'), '') : normalized;
}

// --- epydoc --------------------------------------------------------------------------------------

const EPY_PARAM = /(param|keyword|type)(\s+[_A-z][_A-z0-9]*\??):/;
const EPY_ATTRIBUTE = /(ivar|cvar|var)(\s+[_A-z][_A-z0-9]*\??):/;
const EPY_RAISE = /(raise)(\s+[_A-z][_A-z0-9]*\??)?:/;
const EPY_RETURN = /(return|rtype|yield|ytype):/;
const EPY_META = /([_A-z][_A-z0-9]+)((\s+[_A-z][_A-z0-9]*\??)*):/;
const EPY_RESERVED = new Set(['param', 'ivar', 'cvar', 'var', 'keyword', 'type', 'return', 'rtype', 'yield', 'ytype']);

function parseEpydoc(text: string): StyleResult {
  const result: StyleResult = { metaCount: 0, params: [] };
  if (!text) return result;
  const { shortDescription, meta } = splitDescription(text, /^@/m);
  result.shortDescription = shortDescription;
  const stream: { base: string; key: string; args: string[]; desc: string }[] = [];
  for (const chunkMatch of meta.matchAll(/(^@[\s\S]*?)(?=^@|(?![\s\S]))/gm)) {
    const chunk = chunkMatch[1]!;
    if (!chunk) continue;
    const param = EPY_PARAM.exec(chunk);
    const attribute = EPY_ATTRIBUTE.exec(chunk);
    const raise = EPY_RAISE.exec(chunk);
    const ret = EPY_RETURN.exec(chunk);
    const other = EPY_META.exec(chunk);
    const match = param ?? attribute ?? raise ?? ret ?? other;
    if (!match) throw new ParseError('meta');
    let base: string;
    let args: string[];
    if (param) [base, args] = ['param', [param[2]!.trim()]];
    else if (attribute) [base, args] = ['attribute', [attribute[2]!.trim()]];
    else if (raise) [base, args] = ['raise', raise[2] === undefined ? [] : [raise[2].trim()]];
    else if (ret) [base, args] = ['return', []];
    else {
      base = 'meta';
      const token = strip(match[2]!);
      args = token ? token.split(/\s+/) : [];
      if (EPY_RESERVED.has(match[1]!)) throw new ParseError('meta keyword');
    }
    let desc = strip(chunk.slice(match.index + match[0].length));
    if (desc.includes('\n')) desc = cleanRest(desc);
    stream.push({ base, key: match[1]!, args, desc });
  }
  const info = new Map<string, { description?: string; generator?: boolean }>();
  for (const { base, key, args, desc } of stream) {
    if (base !== 'param' && base !== 'attribute' && base !== 'return') continue;
    const name = args[0] ?? 'return';
    const entry = info.get(name) ?? {};
    info.set(name, entry);
    if (!key.includes('type')) entry.description = desc;
    if (base === 'return') {
      const generator = key === 'ytype' || key === 'yield';
      entry.generator ??= generator;
      if (entry.generator !== generator) throw new ParseError('return and yield');
    }
  }
  const done = new Set<string>();
  for (const { base, args } of stream) {
    if ((base === 'param' || base === 'attribute') && !done.has(args[0]!)) {
      result.params.push([args[0]!, info.get(args[0]!)!.description]);
      done.add(args[0]!);
    } else if (base === 'return' && !done.has('return')) done.add('return');
    else if (base !== 'raise' && base !== 'meta') continue;
    result.metaCount++;
  }
  return result;
}
