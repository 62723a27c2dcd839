/**
 * YAML text exactly as kfp 1.8 writes a component.yaml: PyYAML's emitter (yaml.dump with
 * default_flow_style=None, width 80, indent 2, allow_unicode off) with kfp's representer, which
 * keeps dict order, writes multi-line strings as literal blocks and double-quotes the YAML 1.1
 * booleans (y, n, yes, no, true, false, on, off in any case). A collection whose items are all
 * plain-style scalars goes in flow style (`{name: a, type: Float}`), others in block style. This
 * ports the parts of PyYAML's Emitter those documents use: flow and block collections, simple and
 * complex keys, and the plain, single-quoted, double-quoted and literal scalar writers with their
 * line folding.
 */

export type YamlValue = string | boolean | number | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

interface Scalar {
  readonly kind: 'scalar';
  readonly value: string;
  /** kfp's representer: '|' for multi-line strings, '"' for YAML 1.1 boolean lookalikes. */
  readonly style?: '|' | '"';
  /** The plain text would resolve to this scalar's tag (PyYAML's implicit[0]). */
  readonly plainImplicit: boolean;
}
interface Sequence {
  readonly kind: 'sequence';
  readonly items: readonly Node[];
  readonly flow: boolean;
}
interface Mapping {
  readonly kind: 'mapping';
  readonly pairs: readonly (readonly [Node, Node])[];
  readonly flow: boolean;
}
type Node = Scalar | Sequence | Mapping;

const BOOL_LOOKALIKES = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off']);

/** PyYAML's implicit resolvers (YAML 1.1): a plain scalar matching one is not a string. */
const IMPLICIT: readonly RegExp[] = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

/** Whether PyYAML would read `value`, written plain, as something other than a string (Python's `$` also matches before a final newline). */
export const resolvesAsNonString = (value: string): boolean => {
  const candidates = value.endsWith('\n') ? [value, value.slice(0, -1)] : [value];
  return candidates.some((v) => IMPLICIT.some((re) => re.test(v)));
};

function represent(value: YamlValue): Node {
  if (typeof value === 'string') {
    const style = value.includes('\n') ? '|' : BOOL_LOOKALIKES.has(value.toLowerCase()) ? '"' : undefined;
    return { kind: 'scalar', value, style, plainImplicit: !resolvesAsNonString(value) };
  }
  if (typeof value === 'boolean') return { kind: 'scalar', value: value ? 'true' : 'false', plainImplicit: true };
  if (typeof value === 'number') return { kind: 'scalar', value: String(value), plainImplicit: true };
  if (Array.isArray(value)) {
    const items = (value as readonly YamlValue[]).map(represent);
    return { kind: 'sequence', items, flow: items.every(isPlainScalar) };
  }
  const pairs = Object.entries(value as Record<string, YamlValue | undefined>)
    .filter((e): e is [string, YamlValue] => e[1] !== undefined)
    .map(([k, v]) => [represent(k), represent(v)] as const);
  return { kind: 'mapping', pairs, flow: pairs.every(([k, v]) => isPlainScalar(k) && isPlainScalar(v)) };
}

const isPlainScalar = (n: Node): boolean => n.kind === 'scalar' && n.style === undefined;

interface Analysis {
  readonly empty: boolean;
  readonly multiline: boolean;
  readonly allowFlowPlain: boolean;
  readonly allowBlockPlain: boolean;
  readonly allowSingleQuoted: boolean;
  readonly allowBlock: boolean;
}

const BREAKS = '\n\x85\u2028\u2029';
const SPACE_OR_BREAK = `\0 \t\r${BREAKS}`;

/** PyYAML's Emitter.analyze_scalar (allow_unicode off: every non-ASCII character is special). */
function analyze(scalar: string): Analysis {
  if (!scalar) return { empty: true, multiline: false, allowFlowPlain: false, allowBlockPlain: true, allowSingleQuoted: true, allowBlock: false };
  const chars = [...scalar];
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (scalar.startsWith('---') || scalar.startsWith('...')) blockIndicators = flowIndicators = true;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || SPACE_OR_BREAK.includes(chars[1]!);
  let previousSpace = false;
  let previousBreak = false;
  for (let index = 0; index < chars.length; index++) {
    const ch = chars[index]!;
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) flowIndicators = blockIndicators = true;
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) flowIndicators = blockIndicators = true;
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) flowIndicators = blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    if (!(ch === '\n' || (ch >= '\x20' && ch <= '\x7e'))) special = true;
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = SPACE_OR_BREAK.includes(ch);
    followedByWhitespace = index + 2 >= chars.length || SPACE_OR_BREAK.includes(chars[index + 2]!);
  }
  let allowFlowPlain = true;
  let allowBlockPlain = true;
  let allowSingleQuoted = true;
  let allowBlock = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) allowFlowPlain = allowBlockPlain = false;
  if (trailingSpace) allowBlock = false;
  if (breakSpace) allowFlowPlain = allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowFlowPlain = allowBlockPlain = allowSingleQuoted = allowBlock = false;
  if (lineBreaks) allowFlowPlain = allowBlockPlain = false;
  if (flowIndicators) allowFlowPlain = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowFlowPlain, allowBlockPlain, allowSingleQuoted, allowBlock };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\x09': 't', '\x0a': 'n', '\x0b': 'v', '\x0c': 'f', '\x0d': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

/** Writes one document as PyYAML's Emitter does (events → text), for the node shapes kfp dumps. */
class Emitter {
  private out = '';
  private readonly indents: (number | undefined)[] = [];
  private indent: number | undefined = undefined;
  private flowLevel = 0;
  private column = 0;
  private whitespace = true;
  private indention = true;
  private openEnded = false;
  private rootContext = false;
  private mappingContext = false;
  private simpleKeyContext = false;

  document(root: Node): string {
    this.node(root, { root: true });
    // expect_document_end: an implicit end writes a line break; expect_stream_end closes an open end.
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator('...', true);
      this.writeIndent();
    }
    return this.out;
  }

  private increaseIndent(flow: boolean, indentless = false): void {
    this.indents.push(this.indent);
    if (this.indent === undefined) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private node(node: Node, context: { root?: boolean; sequence?: boolean; mapping?: boolean; simpleKey?: boolean }): void {
    this.rootContext = context.root ?? false;
    this.mappingContext = context.mapping ?? false;
    this.simpleKeyContext = context.simpleKey ?? false;
    if (node.kind === 'scalar') {
      this.increaseIndent(true);
      this.scalar(node);
      this.indent = this.indents.pop();
    } else if (node.kind === 'sequence') {
      if (this.flowLevel || node.flow || node.items.length === 0) this.flowSequence(node);
      else this.blockSequence(node);
    } else if (this.flowLevel || node.flow || node.pairs.length === 0) this.flowMapping(node);
    else this.blockMapping(node);
  }

  private flowSequence(node: Sequence): void {
    this.writeIndicator('[', true, true);
    this.flowLevel++;
    this.increaseIndent(true);
    node.items.forEach((item, i) => {
      if (i > 0) this.writeIndicator(',', false);
      if (this.column > BEST_WIDTH) this.writeIndent();
      this.node(item, { sequence: true });
    });
    this.indent = this.indents.pop();
    this.flowLevel--;
    this.writeIndicator(']', false);
  }

  private flowMapping(node: Mapping): void {
    this.writeIndicator('{', true, true);
    this.flowLevel++;
    this.increaseIndent(true);
    node.pairs.forEach(([key, value], i) => {
      if (i > 0) this.writeIndicator(',', false);
      if (this.column > BEST_WIDTH) this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false);
      } else {
        this.writeIndicator('?', true);
        this.node(key, { mapping: true });
        if (this.column > BEST_WIDTH) this.writeIndent();
        this.writeIndicator(':', true);
      }
      this.node(value, { mapping: true });
    });
    this.indent = this.indents.pop();
    this.flowLevel--;
    this.writeIndicator('}', false);
  }

  private blockSequence(node: Sequence): void {
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of node.items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.node(item, { sequence: true });
    }
    this.indent = this.indents.pop();
  }

  private blockMapping(node: Mapping): void {
    this.increaseIndent(false);
    for (const [key, value] of node.pairs) {
      this.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(':', false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, { mapping: true });
    }
    this.indent = this.indents.pop();
  }

  private isSimpleKey(key: Node): boolean {
    if (key.kind === 'scalar') {
      const a = analyze(key.value);
      return [...key.value].length < 128 && !a.empty && !a.multiline;
    }
    return (key.kind === 'sequence' ? key.items.length : key.pairs.length) === 0;
  }

  private chooseStyle(node: Scalar, a: Analysis): '' | "'" | '"' | '|' {
    if (node.style === '"') return '"';
    if (node.style === undefined && node.plainImplicit) {
      if (!(this.simpleKeyContext && (a.empty || a.multiline)) && ((this.flowLevel && a.allowFlowPlain) || (!this.flowLevel && a.allowBlockPlain))) return '';
    }
    if (node.style === '|' && !this.flowLevel && !this.simpleKeyContext && a.allowBlock) return '|';
    if (node.style === undefined && a.allowSingleQuoted && !(this.simpleKeyContext && a.multiline)) return "'";
    return '"';
  }

  private scalar(node: Scalar): void {
    const a = analyze(node.value);
    const style = this.chooseStyle(node, a);
    const split = !this.simpleKeyContext;
    if (style === '"') this.writeDoubleQuoted(node.value, split);
    else if (style === "'") this.writeSingleQuoted(node.value, split);
    else if (style === '|') this.writeLiteral(node.value);
    else this.writePlain(node.value, split);
  }

  private write(data: string): void {
    this.out += data;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, whitespace = false, indention = false): void {
    const data = this.whitespace || !needWhitespace ? indicator : ` ${indicator}`;
    this.whitespace = whitespace;
    this.indention = this.indention && indention;
    this.column += data.length;
    this.openEnded = false;
    this.write(data);
  }

  private writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.writeLineBreak();
    if (this.column < indent) {
      this.whitespace = true;
      this.write(' '.repeat(indent - this.column));
      this.column = indent;
    }
  }

  private writeLineBreak(data = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.column = 0;
    this.write(data);
  }

  private writePlain(text: string, split: boolean): void {
    if (this.rootContext) this.openEnded = true;
    if (!text) return;
    if (!this.whitespace) {
      this.column += 1;
      this.write(' ');
    }
    this.whitespace = false;
    this.indention = false;
    const chars = [...text];
    let spaces = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split) {
            this.writeIndent();
            this.whitespace = false;
            this.indention = false;
          } else this.writeChunk(chars, start, end);
          start = end;
        }
      } else if (ch === undefined || ch === ' ') {
        this.writeChunk(chars, start, end);
        start = end;
      }
      if (ch !== undefined) spaces = ch === ' ';
    }
  }

  private writeChunk(chars: readonly string[], start: number, end: number): void {
    const data = chars.slice(start, end).join('');
    this.column += end - start;
    this.write(data);
  }

  private writeSingleQuoted(text: string, split: boolean): void {
    this.writeIndicator("'", true);
    const chars = [...text];
    let spaces = false;
    let breaks = false;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (spaces) {
        if (ch === undefined || ch !== ' ') {
          if (start + 1 === end && this.column > BEST_WIDTH && split && start !== 0 && end !== chars.length) this.writeIndent();
          else this.writeChunk(chars, start, end);
          start = end;
        }
      } else if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          if (chars[start] === '\n') this.writeLineBreak();
          for (const br of chars.slice(start, end)) this.writeLineBreak(br === '\n' ? '\n' : br);
          this.writeIndent();
          start = end;
        }
      } else if (ch === undefined || ` ${BREAKS}`.includes(ch) || ch === "'") {
        if (start < end) {
          this.writeChunk(chars, start, end);
          start = end;
        }
      }
      if (ch === "'") {
        this.column += 2;
        this.write("''");
        start = end + 1;
      }
      if (ch !== undefined) {
        spaces = ch === ' ';
        breaks = BREAKS.includes(ch);
      }
    }
    this.writeIndicator("'", false);
  }

  private writeDoubleQuoted(text: string, split: boolean): void {
    this.writeIndicator('"', true);
    const chars = [...text];
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (ch === undefined || '"\\\x85\u2028\u2029\ufeff'.includes(ch) || !(ch >= '\x20' && ch <= '\x7e')) {
        if (start < end) {
          this.writeChunk(chars, start, end);
          start = end;
        }
        if (ch !== undefined) {
          const code = ch.codePointAt(0)!;
          const data = ch in ESCAPES ? `\\${ESCAPES[ch]}` : code <= 0xff ? `\\x${hex(code, 2)}` : code <= 0xffff ? `\\u${hex(code, 4)}` : `\\U${hex(code, 8)}`;
          this.column += data.length;
          this.write(data);
          start = end + 1;
        }
      }
      if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && this.column + (end - start) > BEST_WIDTH && split) {
        const data = `${chars.slice(start, end).join('')}\\`;
        if (start < end) start = end;
        this.column += data.length;
        this.write(data);
        this.writeIndent();
        this.whitespace = false;
        this.indention = false;
        if (chars[start] === ' ') {
          this.column += 1;
          this.write('\\');
        }
      }
    }
    this.writeIndicator('"', false);
  }

  private writeLiteral(text: string): void {
    const chars = [...text];
    let hints = '';
    if (BREAKS.includes(chars[0]!) || chars[0] === ' ') hints += String(BEST_INDENT);
    if (!BREAKS.includes(chars[chars.length - 1]!)) hints += '-';
    else if (chars.length === 1 || BREAKS.includes(chars[chars.length - 2]!)) hints += '+';
    this.writeIndicator(`|${hints}`, true);
    if (hints.endsWith('+')) this.openEnded = true;
    this.writeLineBreak();
    let breaks = true;
    let start = 0;
    for (let end = 0; end <= chars.length; end++) {
      const ch = chars[end];
      if (breaks) {
        if (ch === undefined || !BREAKS.includes(ch)) {
          for (const br of chars.slice(start, end)) this.writeLineBreak(br);
          if (ch !== undefined) this.writeIndent();
          start = end;
        }
      } else if (ch === undefined || BREAKS.includes(ch)) {
        this.write(chars.slice(start, end).join(''));
        if (ch === undefined) this.writeLineBreak();
        start = end;
      }
      if (ch !== undefined) breaks = BREAKS.includes(ch);
    }
  }
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');

/** kfp's dump_yaml(value): the text of a component.yaml as kfp writes it. */
export function kfpDumpYaml(value: YamlValue): string {
  return new Emitter().document(represent(value));
}
