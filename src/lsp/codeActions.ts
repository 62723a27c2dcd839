/**
 * Quick fixes for what the diagnostics' hints already say: "Did you mean 'x'?" replaces the
 * misspelt name with x, and a missing required argument is added to the task's arguments (with an
 * empty value of the input's type, for the user to fill in).
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { InputSpec } from '../generated/component.js';
import { isObject, type NodeModel, type SpecModel } from '../model/specModel.js';
import { childPointer } from '../parse/pointer.js';
import { editDistance } from '../util/suggest.js';
import { hintOf, messageOf, SOURCE } from './diagnostics.js';
import { offsetAt, rangeOfText } from './documents.js';
import { componentOf, nodesByPointer } from './places.js';
import { pathOf, type Workspace } from './workspace.js';

export function codeActions(workspace: Workspace, uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const view = workspace.spec(uri);
  const text = view?.text ?? workspace.textOf(pathOf(uri));
  if (text === undefined) return [];
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const replacement = didYouMean(text, d);
    if (replacement) actions.push(fix(`Change to '${replacement.newText}'`, uri, [replacement], d));
    const model = view?.check.model;
    if (d.code === 'missing-argument' && model && view) {
      const edit = addArgument(model, view.text, d);
      if (edit) actions.push(fix(edit.title, uri, [edit.edit], d));
    }
  }
  return actions;
}

function fix(title: string, uri: string, edits: TextEdit[], diagnostic: LspDiagnostic): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [uri]: edits } } };
}

/**
 * "Did you mean 'x'?": the misspelt name is the one the message quotes that is written in the
 * diagnostic's range and is closest to x (a message may quote several names).
 */
function didYouMean(text: string, d: LspDiagnostic): TextEdit | undefined {
  const suggestion = /Did you mean '([^']+)'\?/.exec(hintOf(d) ?? '')?.[1];
  if (suggestion === undefined) return undefined;
  const start = offsetAt(text, d.range.start);
  const end = offsetAt(text, d.range.end);
  const written = text.slice(start, end);
  const quoted = [...messageOf(d).matchAll(/'([^']+)'/g)].map((m) => m[1]!).filter((q) => q !== suggestion && written.includes(q));
  if (quoted.length === 0) return undefined;
  const wrong = quoted.reduce((best, q) => (editDistance(q, suggestion) < editDistance(best, suggestion) ? q : best));
  // In `{{tasks.a.outputs.a}}` the output (what an unknown-output names) is the last.
  const at = d.code === 'unknown-output' ? lastWordIndex(written, wrong) : firstWordIndex(written, wrong);
  if (at < 0) return undefined;
  return { range: rangeOfText(text, start + at, start + at + wrong.length), newText: suggestion };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_-]/.test(c);

/** Indices of `word` in `text` not inside a longer name. */
function wordIndices(text: string, word: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!isWordChar(text[i - 1]) && !isWordChar(text[i + word.length])) out.push(i);
  }
  return out.length > 0 ? out : [text.indexOf(word)].filter((i) => i >= 0);
}

const firstWordIndex = (text: string, word: string) => wordIndices(text, word)[0] ?? -1;
const lastWordIndex = (text: string, word: string) => wordIndices(text, word).at(-1) ?? -1;

/** Adds `input: <empty value>` to the task the diagnostic points at (its key). */
function addArgument(model: SpecModel, text: string, d: LspDiagnostic): { title: string; edit: TextEdit } | undefined {
  const inputName = /required input '([^']+)'/.exec(messageOf(d))?.[1];
  if (inputName === undefined) return undefined;
  const node = nodeWithKeyAt(model, offsetAt(text, d.range.start));
  const component = componentOf(model, node);
  const input = component?.inputs.get(inputName);
  if (!node || node.kind !== 'task' || !input) return undefined;
  const entry = `${yamlKey(inputName)}: ${emptyValue(input)}`;
  const title = `Add argument '${inputName}'`;
  const positions = model.doc.positions;
  const args = positions.valueRange(childPointer(node.pointer, 'arguments'));
  if (args && isObject(node.spec.arguments)) {
    const written = text.slice(args.start, args.end);
    if (written.startsWith('{')) {
      // Flow mapping: before its closing brace.
      const close = args.start + written.lastIndexOf('}');
      const empty = written.slice(1, -1).trim() === '';
      return { title, edit: { range: rangeOfText(text, close, close), newText: empty ? entry : `, ${entry}` } };
    }
    // Block mapping: a line after its last entry, indented like its first key.
    const firstKey = Object.keys(node.spec.arguments)[0];
    const keyRange = firstKey !== undefined ? positions.keyRange(childPointer(childPointer(node.pointer, 'arguments'), firstKey)) : undefined;
    if (!keyRange) return undefined;
    const indent = keyRange.start - text.lastIndexOf('\n', keyRange.start - 1) - 1;
    const lineEnd = endOfLine(text, args.end);
    return { title, edit: { range: rangeOfText(text, lineEnd, lineEnd), newText: `\n${' '.repeat(indent)}${entry}` } };
  }
  const body = positions.valueRange(node.pointer);
  if (!body) return undefined;
  const written = text.slice(body.start, body.end);
  if (written.startsWith('{')) {
    const close = body.start + written.lastIndexOf('}');
    return { title, edit: { range: rangeOfText(text, close, close), newText: `, arguments: {${entry}}` } };
  }
  // Block mapping task: `arguments:` after its last line, indented like its fields.
  const componentKey = positions.keyRange(childPointer(node.pointer, 'component'));
  if (!componentKey) return undefined;
  const indent = componentKey.start - text.lastIndexOf('\n', componentKey.start - 1) - 1;
  const lineEnd = endOfLine(text, body.end);
  return { title, edit: { range: rangeOfText(text, lineEnd, lineEnd), newText: `\n${' '.repeat(indent)}arguments:\n${' '.repeat(indent + 2)}${entry}` } };
}

function nodeWithKeyAt(model: SpecModel, offset: number): NodeModel | undefined {
  for (const node of nodesByPointer(model).values()) {
    const key = model.doc.positions.keyRange(node.pointer);
    if (key && key.start <= offset && offset <= key.end) return node;
  }
  return undefined;
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', Math.max(0, offset - 1));
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** An empty value of the input's type, for the user to replace. */
function emptyValue(input: InputSpec): string {
  switch (input.type) {
    case 'Integer':
      return '0';
    case 'Float':
      return '0.0';
    case 'Boolean':
      return 'false';
    case 'JsonObject':
      return '{}';
    case 'JsonArray':
      return '[]';
    default:
      return '""';
  }
}

const yamlKey = (name: string): string => (/^[A-Za-z0-9_][A-Za-z0-9_ .-]*$/.test(name) && !name.endsWith(' ') ? name : JSON.stringify(name));
