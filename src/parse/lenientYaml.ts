/**
 * What kfp's reader accepts in component files beyond YAML 1.2, where the meaning is unambiguous.
 * kfp reads component files with PyYAML, which does not check indentation inside flow collections;
 * YAML 1.2 (and the yaml library) requires every line of a flow collection in block context to be
 * indented deeper than the key (or `-`) that holds it. Real component files break that rule
 * (kubeflow/pipelines' presto/query: `command: [` followed by a line at column 0). The brackets
 * delimit the collection either way, and indentation inside a flow collection carries no meaning (a
 * line break in a flow scalar folds to one space whatever the indentation), so indenting those lines
 * reads the same values PyYAML reads. The caller warns that the file is not portable.
 */
import { Lexer } from 'yaml';

export interface Reindented {
  /** The text with the under-indented lines indented. */
  readonly text: string;
  /** Offsets in the original text of the first refused line of each repaired collection, and of its opening bracket. */
  readonly repairs: readonly { readonly line: number; readonly open: number; readonly bracket: string }[];
  /** Maps an offset of `text` back to the original text. */
  readonly toOriginal: (offset: number) => number;
}

const FLOW_END = '\x18';
/** Lexer tokens that stand for no source text. */
const MARKERS = new Set(['\x02', FLOW_END, '\x1f']);

/** The text with every under-indented flow collection re-indented, or undefined if there is none or it cannot be. */
export function reindentFlowCollections(original: string): Reindented | undefined {
  let text = original;
  /** Insertions, in offsets of the current text, in increasing order: padding of `length` spaces at `at`. */
  const inserted: { at: number; length: number }[] = [];
  const repairs: { line: number; open: number; bracket: string }[] = [];
  let total = 0;
  for (let round = 0; ; round++) {
    const refused = firstRefusedFlowLine(text);
    if (!refused) break;
    // Each round repairs one collection, after the previous one: at most one round per line.
    if (round > 10_000) return undefined;
    const close = closingBracket(text, refused.open);
    if (close < 0) return undefined;
    const need = refused.open - lineStart(text, refused.open) + 1;
    const pads: { at: number; length: number }[] = [];
    for (let p = text.indexOf('\n', refused.open); p >= 0 && p < close; p = text.indexOf('\n', p + 1)) {
      let indent = 0;
      while (text.charCodeAt(p + 1 + indent) === 32) indent++;
      if (indent < need && text.charCodeAt(p + 1 + indent) !== 10) pads.push({ at: p + 1, length: need - indent });
    }
    if (pads.length === 0) return undefined;
    repairs.push({ line: refused.line - total, open: refused.open - total, bracket: text[refused.open]! });
    let out = '';
    let from = 0;
    for (const pad of pads) {
      out += text.slice(from, pad.at) + ' '.repeat(pad.length);
      from = pad.at;
    }
    text = out + text.slice(from);
    let shift = 0;
    for (const pad of pads) {
      inserted.push({ at: pad.at + shift, length: pad.length });
      shift += pad.length;
    }
    total += shift;
  }
  if (repairs.length === 0) return undefined;
  const toOriginal = (offset: number): number => {
    let before = 0;
    for (const { at, length } of inserted) {
      if (at >= offset) break;
      before += Math.min(length, offset - at);
    }
    return offset - before;
  };
  return { text, repairs, toOriginal };
}

/**
 * Where the yaml lexer first leaves a flow collection because a line is not indented enough: that
 * line's offset (its first non-space character) and the offset of the collection's opening bracket.
 */
function firstRefusedFlowLine(text: string): { line: number; open: number } | undefined {
  let offset = 0;
  let depth = 0;
  let open = -1;
  for (const token of new Lexer().lex(text)) {
    if (token === FLOW_END) return open >= 0 ? { line: offset, open } : undefined;
    if (token === '[' || token === '{') {
      if (depth === 0) open = offset;
      depth++;
    } else if ((token === ']' || token === '}') && depth > 0) depth--;
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}

/**
 * The offset just after the bracket that closes the one at `open`, read as a top-level document
 * (where indentation inside a flow collection is not checked), or -1.
 */
function closingBracket(text: string, open: number): number {
  let offset = open;
  let depth = 0;
  for (const token of new Lexer().lex(text.slice(open))) {
    if (token === FLOW_END) return -1;
    if (token === '[' || token === '{') depth++;
    else if (token === ']' || token === '}') {
      depth--;
      if (depth === 0) return offset + 1;
    }
    if (!MARKERS.has(token)) offset += token.length;
  }
  return -1;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
