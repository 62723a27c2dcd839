/**
 * The function's source as kfp 1.8 puts it into the component: `inspect.getsource(func)` (from the
 * first decorator to the end of the block as inspect's BlockFinder decides it, trailing comments
 * indented like the body included), `textwrap.dedent` (which also empties whitespace-only lines),
 * the lines before the one starting with `def` dropped, then type hints removed as kfp's lib2to3
 * fixer removes them: from every function definition in that text, each parameter's `: annotation`
 * and the `-> annotation`, with the whitespace and comments before them; everything else is kept
 * byte for byte.
 */
import { dedent } from './docstring.js';
import type { FunctionDef, PyModule } from './module.js';
import { tokenize, type Token } from './tokenize.js';

const lineStartsOf = new WeakMap<PyModule, number[]>();

/** Offsets where the module's lines start (computed once per module). */
function lineStarts(module: PyModule): number[] {
  let starts = lineStartsOf.get(module);
  if (!starts) {
    starts = [0];
    for (let i = module.text.indexOf('\n'); i >= 0; i = module.text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStartsOf.set(module, starts);
  }
  return starts;
}

/**
 * The source kfp's `_capture_function_code_using_source_copy` returns for `def`. The hints are cut
 * on the module's own tokens (kfp cuts them after dedenting, which moves no token of a def line).
 */
export function functionSource(module: PyModule, def: FunctionDef): string {
  const { lastLine, endToken } = blockEnd(module.tokens, def.firstToken, def.firstLine);
  const starts = lineStarts(module);
  const from = starts[def.firstLine - 1]!;
  const to = lastLine < starts.length ? starts[lastLine]! : module.text.length;
  const significant = module.tokens.slice(def.firstToken, endToken).filter((t) => t.type !== 'COMMENT' && t.type !== 'NL');
  let block = '';
  let at = from;
  for (const [start, end] of hintCuts(significant)) {
    block += module.text.slice(at, start);
    at = end;
  }
  block += module.text.slice(at, to);
  // linecache ends every line with a newline, the last one too.
  if (!block.endsWith('\n')) block += '\n';
  const dedented = dedent(block).split('\n');
  const first = dedented.findIndex((line) => line.startsWith('def'));
  return first < 0 ? '' : dedented.slice(first).join('\n');
}

/** The last line of the block starting at `tokens[first]` (inspect.BlockFinder), and the index of the token that ended it. */
function blockEnd(tokens: readonly Token[], first: number, firstLine: number): { lastLine: number; endToken: number } {
  let indent = 0;
  let started = false;
  let passLine = false;
  let inDecorator = false;
  let last = firstLine;
  let bodyColumn: number | undefined;
  let i = first;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'ERRORTOKEN') break;
    if (!started && !inDecorator) {
      if (t.type === 'OP' && t.text === '@') inDecorator = true;
      else if (t.type === 'NAME' && (t.text === 'def' || t.text === 'class' || t.text === 'lambda')) started = true;
      passLine = true;
    } else if (t.type === 'NEWLINE') {
      passLine = false;
      last = t.line;
      inDecorator = false;
    } else if (passLine) {
      continue;
    } else if (t.type === 'INDENT') {
      if (bodyColumn === undefined && started) bodyColumn = t.end - t.start;
      indent++;
      passLine = true;
    } else if (t.type === 'DEDENT') {
      indent--;
      if (indent <= 0) break;
    } else if (t.type === 'COMMENT') {
      if (bodyColumn !== undefined && t.col >= bodyColumn) last = t.line;
    } else if (indent === 0 && t.type !== 'NL') break;
  }
  return { lastLine: last, endToken: i };
}

/**
 * Removes parameter and return annotations from every `def` in `source` (kfp's lib2to3 fixer
 * deletes the `:`/`->` leaf and the annotation node, prefixes included).
 */
export function stripTypeHints(source: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hintCuts(tokenize(source).filter((t) => t.type !== 'COMMENT' && t.type !== 'NL'))) {
    out += source.slice(at, start);
    at = end;
  }
  return out + source.slice(at);
}

/** The ranges to cut from the text of `tokens` (comments and NL left out): every def's annotations. */
function hintCuts(tokens: readonly Token[]): [number, number][] {
  const cuts: [number, number][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'NAME' || t.text !== 'def' || tokens[i + 2]?.text !== '(') continue;
    const previous = tokens[i - 1];
    if (previous && previous.type !== 'NEWLINE' && previous.type !== 'INDENT' && previous.type !== 'DEDENT' && previous.text !== 'async') continue;
    i = annotationCuts(tokens, i + 2, cuts);
  }
  return cuts;
}

/** Adds the cuts of the parameter list opening at `tokens[open]`; returns the index of the header's ':'. */
function annotationCuts(tokens: readonly Token[], open: number, cuts: [number, number][]): number {
  let depth = 1;
  let i = open + 1;
  let atParamStart = true;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'OP') {
      if (depth === 1 && atParamStart && t.type === 'NAME' && tokens[i + 1]?.text === ':') {
        const end = expressionEnd(tokens, i + 2, 1);
        cuts.push([t.end, tokens[end - 1]!.end]);
        i = end - 1;
      }
      if (t.type === 'NAME' && t.text === 'lambda') i = lambdaColon(tokens, i);
      atParamStart = false;
      continue;
    }
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      depth--;
      if (depth === 0) break;
    } else if (depth === 1 && t.text === ',') {
      atParamStart = true;
      continue;
    } else if (depth === 1 && (t.text === '*' || t.text === '**')) continue;
    atParamStart = false;
  }
  const close = i;
  if (tokens[close + 1]?.text === '->') {
    const end = expressionEnd(tokens, close + 2, 0);
    cuts.push([tokens[close]!.end, tokens[end - 1]!.end]);
    return end;
  }
  return close + 1;
}

/** Index just past an expression starting at `i`: the next ',' '=' ':' or closing bracket at the starting depth. */
function expressionEnd(tokens: readonly Token[], i: number, outerDepth: number): number {
  let depth = outerDepth;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'NEWLINE' || t.type === 'ENDMARKER') return i;
    if (t.type === 'NAME' && t.text === 'lambda') {
      i = lambdaColon(tokens, i);
      continue;
    }
    if (t.type !== 'OP') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      if (depth === outerDepth) return i;
      depth--;
    } else if (depth === outerDepth && (t.text === ',' || t.text === '=' || t.text === ':')) return i;
  }
  return i;
}

/** The ':' that ends a lambda's parameters (its parameters' defaults may hold brackets). */
function lambdaColon(tokens: readonly Token[], i: number): number {
  let depth = 0;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type !== 'OP') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    else if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    else if (depth === 0 && t.text === ':') return j;
  }
  return tokens.length;
}
