/**
 * Hover: the schema's description of a field; for a task's `component:` the component's signature;
 * for a `{{...}}` reference what it resolves to (or why it does not); for a task, param, graph,
 * component or argument name what it declares.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import { isResolveError } from '../model/resolve.js';
import { isObject } from '../model/specModel.js';
import { pointerOf } from '../parse/pointer.js';
import type { Segment } from './cursor.js';
import { positionAt } from './documents.js';
import { componentOf, nodesByPointer } from './places.js';
import { requestContext, type RequestContext } from './requestContext.js';
import { describeSchema, fieldAt, schemasAt } from './schemaInfo.js';
import { componentSignature, graphSignature, inputDescription, nodeDescription, paramDescription } from './signatures.js';
import { describeResolution, referenceAt, resolveAt } from './templates.js';
import type { Workspace } from './workspace.js';

const SECTIONS = new Set(['tasks', 'finally', 'onExit']);

export function hover(workspace: Workspace, uri: string, position: Position): Hover | null {
  const context = requestContext(workspace, uri, position);
  if (!context) return null;
  const reference = referenceHover(context, position);
  if (reference) return reference;
  if (context.cursor.inText) return null;
  const value = context.model ? nameHover(context) : undefined;
  const text = value ?? fieldHover(context);
  if (!text) return null;
  const { word } = context.cursor;
  return { contents: { kind: MarkupKind.Markdown, value: text }, range: { start: positionAt(context.text, word.start), end: positionAt(context.text, word.end) } };
}

function referenceHover(context: RequestContext, position: Position): Hover | undefined {
  if (!context.model || context.place.componentName !== undefined) return undefined;
  const lineStart = context.offset - position.character;
  const lineEnd = context.text.indexOf('\n', context.offset);
  const line = context.text.slice(lineStart, lineEnd < 0 ? context.text.length : lineEnd);
  const at = referenceAt(line, position.character, lineStart);
  if (!at) return undefined;
  const model = context.model;
  const resolution = resolveAt(model, context.place, at.ref);
  if (!resolution) return undefined;
  const source = context.text.slice(at.start, at.end);
  let value: string;
  if (isResolveError(resolution)) value = `\`${source}\` does not resolve: ${resolution.message}${resolution.hint ? `\n\n${resolution.hint}` : ''}`;
  else {
    value = `\`${source}\`: ${describeResolution(resolution)}`;
    if (resolution.kind === 'param' && resolution.param.description) value += `\n\n${resolution.param.description}`;
    if (resolution.kind === 'output' && typeof resolution.output.description === 'string') value += `\n\n${resolution.output.description}`;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: { start: positionAt(context.text, at.start), end: positionAt(context.text, at.end) } };
}

/** What a declared name (a key or a value naming something) stands for. */
function nameHover(context: RequestContext): string | undefined {
  const model = context.model!;
  const { cursor, place } = context;
  const word = context.text.slice(cursor.word.start, cursor.word.end);
  if (place.componentName !== undefined && cursor.path[0] !== 'spec') return undefined;
  if (cursor.kind === 'key') {
    const path = cursor.path;
    const last = path[path.length - 1];
    if (typeof last === 'string' && SECTIONS.has(last)) {
      const node = nodesByPointer(model).get(pointerOf([...path, word]));
      return node ? nodeDescription(model, node) : undefined;
    }
    if (same(path, ['spec', 'components'])) {
      const component = model.components.get(word);
      return component ? componentSignature(component) : undefined;
    }
    if (same(path, ['spec', 'graphs'])) {
      const graph = model.graphs.get(word);
      return graph ? graphSignature(graph, graphDescription(model, word)) : undefined;
    }
    if (same(path, ['spec', 'params'])) {
      const param = model.pipeline.params.get(word);
      return param ? paramDescription(param, 'pipeline') : undefined;
    }
    if (path.length === 4 && path[0] === 'spec' && path[1] === 'graphs' && path[3] === 'params') {
      const param = model.graphs.get(String(path[2]))?.params.get(word);
      return param ? paramDescription(param, `graph ${String(path[2])}`) : undefined;
    }
    if (place.exact && place.node && same(place.field, ['arguments'])) {
      const node = place.node;
      if (node.kind === 'graphCall') {
        const param = model.graphs.get(node.spec.graph)?.params.get(word);
        return param ? paramDescription(param, `graph ${node.spec.graph}`) : undefined;
      }
      const component = componentOf(model, node);
      const input = component?.inputs.get(word);
      return component && input ? inputDescription(input, component) : undefined;
    }
    return undefined;
  }
  const field = place.field;
  if (place.nodePath && same(field, ['component'])) {
    const component = model.components.get(word);
    return component ? componentSignature(component) : undefined;
  }
  if (place.nodePath && same(field, ['graph'])) {
    const graph = model.graphs.get(word);
    return graph ? graphSignature(graph, graphDescription(model, word)) : undefined;
  }
  if (place.nodePath && place.scope && typeof field[field.length - 1] === 'number') {
    const node = place.scope.nodes.get(word);
    return node ? nodeDescription(model, node) : undefined;
  }
  return undefined;
}

/** The schema's title and description of the field at the cursor (a key, or the key of a value). */
function fieldHover(context: RequestContext): string | undefined {
  const { cursor } = context;
  let parent: readonly Segment[];
  let name: string;
  if (cursor.kind === 'key') {
    parent = context.schemaPath;
    name = context.text.slice(cursor.word.start, cursor.word.end);
  } else {
    const last = context.schemaPath[context.schemaPath.length - 1];
    if (typeof last !== 'string') return undefined;
    parent = context.schemaPath.slice(0, -1);
    name = last;
  }
  const field = fieldAt(schemasAt(context.schema, parent, context.keysAlong), context.keysAlong[parent.length] ?? [], name);
  if (!field) return undefined;
  const text = describeSchema({ schema: field.schema, file: context.schema.file });
  return text === '' ? undefined : text;
}

function graphDescription(model: NonNullable<RequestContext['model']>, name: string): string | undefined {
  const raw = (model.doc.value as { spec?: { graphs?: Record<string, unknown> } } | null)?.spec?.graphs?.[name];
  return isObject(raw) && typeof raw.description === 'string' ? raw.description : undefined;
}

const same = (a: readonly Segment[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
