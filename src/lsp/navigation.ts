/**
 * Go to definition, find references and rename, over the spec's occurrence index
 * (occurrences.ts): a `{{...}}` reference leads to its task, param or loop (`{{item}}` to the
 * innermost loop; an output name to the component's output), `component: x` to the component
 * (into its file, for a component file), `graph: g` to the graph, an argument name to the
 * component's input. Renaming a task, group, param, component or graph rewrites its declaration
 * and every use in the spec.
 */
import { ResponseError, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { SpecModel } from '../model/specModel.js';
import { loadSchema } from '../validate/schemas.js';
import { cursorContext } from './cursor.js';
import { locationIn, offsetAt, rangeIn } from './documents.js';
import { occurrenceAt, occurrences, occurrencesOf, type Occurrence } from './occurrences.js';
import { placeOf } from './places.js';
import { referenceAt, resolveAt } from './templates.js';
import type { SpecView, Workspace } from './workspace.js';

const RENAMEABLE = new Set(['task', 'param', 'component', 'graph']);

interface Target {
  readonly view: SpecView;
  readonly model: SpecModel;
  readonly occurrence: Occurrence;
}

/** The occurrence under the cursor, in a spec whose current text reads as a model. */
function targetAt(workspace: Workspace, uri: string, position: Position): Target | undefined {
  const view = workspace.spec(uri);
  const model = view?.check.model;
  if (!view || !model) return undefined;
  const occurrence = occurrenceAt(occurrences(model).list, model.doc, offsetAt(view.text, position));
  return occurrence ? { view, model, occurrence } : undefined;
}

export function definition(workspace: Workspace, uri: string, position: Position): Location[] | null {
  const target = targetAt(workspace, uri, position);
  if (!target) return loopOfItem(workspace, uri, position);
  const { model, occurrence } = target;
  const uriOf = (path: string) => workspace.uriOf(path);
  if (occurrence.kind === 'component') {
    const component = model.components.get(occurrence.name);
    // A component from a file is defined by the file.
    if (component?.file !== undefined) return [{ uri: uriOf(component.doc.file), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  }
  const declarations = occurrencesOf(occurrences(model).list, occurrence.key).filter((o) => o.declaration);
  return declarations.length > 0 ? declarations.map((o) => locationIn(o.doc, o.start, o.end, uriOf)) : null;
}

/** `{{item}}`, `{{item.F}}`, `{{index}}` name no loop, but read the innermost one: lead to it. */
function loopOfItem(workspace: Workspace, uri: string, position: Position): Location[] | null {
  const view = workspace.spec(uri);
  const model = view?.check.model;
  if (!view || !model) return null;
  const offset = offsetAt(view.text, position);
  const lineStart = offset - position.character;
  const lineEnd = view.text.indexOf('\n', offset);
  const at = referenceAt(view.text.slice(lineStart, lineEnd < 0 ? view.text.length : lineEnd), position.character, lineStart);
  if (!at || (at.ref.kind !== 'item' && at.ref.kind !== 'index')) return null;
  const resolution = resolveAt(model, placeOf(model, cursorContext(view.text, offset).path), at.ref);
  if (!resolution || (resolution.kind !== 'item' && resolution.kind !== 'index')) return null;
  const key = model.doc.positions.keyRange(resolution.loop.pointer);
  return key ? [locationIn(model.doc, key.start, key.end, (path) => workspace.uriOf(path))] : null;
}

export function references(workspace: Workspace, uri: string, position: Position, includeDeclaration: boolean): Location[] | null {
  const target = targetAt(workspace, uri, position);
  if (!target) return null;
  return occurrencesOf(occurrences(target.model).list, target.occurrence.key)
    .filter((o) => includeDeclaration || !o.declaration)
    .sort((a, b) => (a.doc.file === b.doc.file ? a.start - b.start : a.doc.file < b.doc.file ? -1 : 1))
    .map((o) => locationIn(o.doc, o.start, o.end, (path) => workspace.uriOf(path)));
}

export function prepareRename(workspace: Workspace, uri: string, position: Position): { range: Range; placeholder: string } | null {
  const target = targetAt(workspace, uri, position);
  if (!target || !RENAMEABLE.has(target.occurrence.kind)) return null;
  const { occurrence } = target;
  return { range: rangeIn(occurrence.doc, occurrence.start, occurrence.end), placeholder: occurrence.name };
}

export function rename(workspace: Workspace, uri: string, position: Position, newName: string): WorkspaceEdit {
  const target = targetAt(workspace, uri, position);
  if (!target || !RENAMEABLE.has(target.occurrence.kind)) throw new ResponseError(0, 'Only a task, group, param, component or graph name can be renamed.');
  const { model, occurrence } = target;
  const problem = nameProblem(model, occurrence, newName);
  if (problem) throw new ResponseError(0, problem);
  const found = occurrences(model);
  if (found.unlocated.has(occurrence.key)) throw new ResponseError(0, `A use of '${occurrence.name}' is written in a form kft cannot rewrite exactly (an escaped or multi-line string); rename it by hand.`);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrencesOf(found.list, occurrence.key)) {
    const file = workspace.uriOf(o.doc.file);
    (changes[file] ??= []).push({ range: rangeIn(o.doc, o.start, o.end), newText: newName });
  }
  return { changes };
}

let namePattern: RegExp | undefined;

/** Why `name` cannot be the new name, if it cannot: not a valid name (schema), or taken. */
function nameProblem(model: SpecModel, occurrence: Occurrence, name: string): string | undefined {
  namePattern ??= new RegExp(String((loadSchema('pipeline.schema.json') as { definitions: { Name: { pattern: string } } }).definitions.Name.pattern));
  if (!namePattern.test(name)) return `'${name}' is not a valid name: use letters, digits, '-' and '_', starting and ending with a letter or digit.`;
  if (name === occurrence.name) return undefined;
  const taken = occurrences(model).list.some((o) => o.declaration && o.kind === occurrence.kind && o.name === name && sameOwner(o.key, occurrence.key));
  return taken ? `'${name}' is already the name of another ${occurrence.kind} there.` : undefined;
}

/** Whether two symbol keys name things of one namespace (same kind and owner, e.g. tasks of one scope). */
function sameOwner(a: string, b: string): boolean {
  return a.slice(0, a.lastIndexOf(':')) === b.slice(0, b.lastIndexOf(':'));
}
