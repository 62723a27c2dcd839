/**
 * Completion: field names and enum values from the schema (with their descriptions); component
 * names after `component:`, graph names after `graph:`; task names in `after` lists; input names
 * under `arguments:` (required ones first, with their types); placeholder names in a component's
 * command line; and inside `{{...}}` the references that resolve at that place.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver/node';
import type { InputSpec } from '../generated/component.js';
import { allNodes, allScopes, isInlined, specComponents } from '../model/specModel.js';
import type { Segment } from './cursor.js';
import { positionAt } from './documents.js';
import { componentOf } from './places.js';
import { componentPath, requestContext, type RequestContext } from './requestContext.js';
import { describeSchema, fieldsOf, schemasAt, shapeOf, titleOf, valuesOf } from './schemaInfo.js';
import { componentSignature, inputSummary } from './signatures.js';
import { describeNodeKind, templateCandidates, type TemplateCandidate } from './templates.js';
import type { Workspace } from './workspace.js';

/** Fields whose values name tasks of the same scope. */
const TASK_LISTS: readonly (readonly string[])[] = [['after'], ['afterAny', 'tasks'], ['anySequencer', 'tasks']];

export function completions(workspace: Workspace, uri: string, position: Position): CompletionItem[] {
  const context = requestContext(workspace, uri, position);
  if (!context) return [];
  const { cursor } = context;
  if (cursor.template) return templateItems(context);
  if (cursor.inText) return [];
  const items: CompletionItem[] = [];
  const range = rangeOf(context, cursor.word.start, cursor.word.end);
  if (cursor.kind === 'value') items.push(...nameItems(context, range));
  if (cursor.kind === 'key' || cursor.itemStart) items.push(...argumentItems(context, range));
  if (items.length === 0) items.push(...schemaItems(context, range));
  return items;
}

function rangeOf(context: RequestContext, start: number, end: number): Range {
  return { start: positionAt(context.text, start), end: positionAt(context.text, end) };
}

/** Names the spec declares, where a value must be one of them. */
function nameItems(context: RequestContext, range: Range): CompletionItem[] {
  const { model, place, cursor } = context;
  if (!model) return [];
  const field = place.field;
  const last = field[field.length - 1];
  const componentField = componentPath(context);
  if (componentField && context.component) {
    const key = componentField[componentField.length - 1];
    if (key === 'inputValue' || key === 'inputPath' || key === 'isPresent') return [...context.component.inputs.values()].map((input, i) => nameItem(input.name, CompletionItemKind.Variable, range, inputSummary(input), i));
    if (key === 'outputPath') return [...context.component.outputs.values()].map((output, i) => nameItem(output.name, CompletionItemKind.Variable, range, typeof output.type === 'string' ? output.type : undefined, i));
    return [];
  }
  if (place.nodePath && field.length === 1 && last === 'component') {
    return specComponents(model).map((c, i) => ({ ...nameItem(c.name, CompletionItemKind.Module, range, c.file ?? (typeof c.spec.name === 'string' ? c.spec.name : undefined), i), documentation: markdown(componentSignature(c)) }));
  }
  if (place.nodePath && field.length === 1 && last === 'graph') {
    return [...model.graphs.values()].map((g, i) => nameItem(g.name, CompletionItemKind.Module, range, `graph (${[...g.params.keys()].join(', ') || 'no params'})`, i));
  }
  if (place.nodePath && place.scope && typeof last === 'number' && TASK_LISTS.some((list) => sameStrings(field.slice(0, -1), list))) {
    const self = place.exact ? place.node : undefined;
    return [...place.scope.nodes.values()].filter((n) => n !== self && !isInlined(n)).map((n, i) => nameItem(n.name, CompletionItemKind.Reference, range, describeNodeKind(n), i));
  }
  const path = cursor.path;
  if (path[0] === 'spec' && path[1] === 'config' && path[2] === 'taskDefaults' && typeof path[5] === 'number') {
    if (path[4] === 'tasks') return [...new Set(allScopes(model).flatMap((s) => allNodes(s).filter((n) => n.kind === 'task' && !isInlined(n)).map((n) => n.name)))].map((name, i) => nameItem(name, CompletionItemKind.Reference, range, 'task', i));
    if (path[4] === 'components') return [...model.declaredComponents].map((name, i) => nameItem(name, CompletionItemKind.Module, range, 'component', i));
  }
  return [];
}

/** Input names under a task's `arguments:` (params under a graph call's), required first. */
function argumentItems(context: RequestContext, range: Range): CompletionItem[] {
  const { model, place, cursor } = context;
  if (!model || !place.nodePath || place.field.length !== 1 || place.field[0] !== 'arguments' || !place.exact || !place.node) return [];
  const given = new Set(cursor.keysAlong[cursor.path.length] ?? []);
  const suffix = cursor.keyHasColon ? '' : ': ';
  const node = place.node;
  if (node.kind === 'graphCall') {
    const graph = model.graphs.get(node.spec.graph);
    return [...(graph?.params.values() ?? [])].filter((p) => !given.has(p.name)).map((p, i) => ({
      ...nameItem(p.name, CompletionItemKind.Property, range, `${p.type}${p.hasDefault ? ` = ${JSON.stringify(p.default)}` : p.optional ? ' (optional)' : ' (required)'}`, (p.hasDefault || p.optional ? 100 : 0) + i, p.name + suffix),
      documentation: p.description,
    }));
  }
  const component = componentOf(model, node);
  if (!component) return [];
  return [...component.inputs.values()].filter((input) => !given.has(input.name)).map((input, i) => ({
    ...nameItem(input.name, CompletionItemKind.Property, range, inputSummary(input), (isRequired(input) ? 0 : 100) + i, input.name + suffix),
    documentation: typeof input.description === 'string' ? markdown(input.description) : undefined,
  }));
}

const isRequired = (input: InputSpec): boolean => input.optional !== true && input.default === undefined;

/** Fields (keys) and fixed values (enums, booleans) of the schema at the cursor. */
function schemaItems(context: RequestContext, range: Range): CompletionItem[] {
  const { cursor } = context;
  const items: CompletionItem[] = [];
  const schemas = schemasAt(context.schema, context.schemaPath, context.keysAlong);
  if (cursor.kind === 'key' || cursor.itemStart) {
    const keys = cursor.keysAlong[cursor.path.length] ?? [];
    const present = new Set(cursor.kind === 'key' ? keys : []);
    const fields = fieldsOf(schemas, cursor.kind === 'key' ? keys : []).filter((f) => !present.has(f.name));
    fields.forEach((field, i) => {
      const at = { schema: field.schema, file: schemas[0]!.file };
      items.push({
        label: field.name,
        kind: CompletionItemKind.Property,
        detail: titleOf(at) ?? undefined,
        documentation: markdown(describeSchema(at)),
        sortText: sortKey((field.required ? 0 : 100) + i),
        textEdit: { range, newText: keyText(context, field.name, shapeOf(at)) },
        insertTextFormat: InsertTextFormat.PlainText,
      });
    });
  }
  if (cursor.kind === 'value') {
    valuesOf(schemas).forEach((value, i) => {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      items.push({ label: text, kind: CompletionItemKind.EnumMember, sortText: sortKey(i), textEdit: { range, newText: text } });
    });
  }
  return items;
}

/** The text a key completion inserts: `name: ` and, for a mapping or list in block style, its first line. */
function keyText(context: RequestContext, name: string, shape: 'object' | 'array' | 'scalar'): string {
  const { cursor } = context;
  if (cursor.keyHasColon) return name;
  if (cursor.flow || shape === 'scalar') return `${name}: `;
  const column = positionAt(context.text, cursor.word.start).character;
  return `${name}:\n${' '.repeat(column + 2)}${shape === 'array' ? '- ' : ''}`;
}

/** Inside `{{...}}`: the references that resolve here, segment by segment. */
function templateItems(context: RequestContext): CompletionItem[] {
  const { model, cursor, text, place } = context;
  const template = cursor.template!;
  if (!model) return [];
  const inComponent = place.componentName !== undefined;
  const candidates = templateCandidates(model, place, template.body, inComponent);
  const segmentStart = template.bodyStart + template.body.lastIndexOf('.') + 1;
  let segmentEnd = context.offset;
  while (segmentEnd < text.length && /[^.}\s"'\n]/.test(text[segmentEnd]!)) segmentEnd++;
  const range = { start: positionAt(text, segmentStart), end: positionAt(text, segmentEnd) };
  const prefix = template.body.slice(template.body.lastIndexOf('.') + 1);
  return candidates.map((candidate, i) => templateItem(candidate, range, template.closed, i, prefix));
}

function templateItem(candidate: TemplateCandidate, range: Range, closed: boolean, index: number, prefix: string): CompletionItem {
  const newText = candidate.final ? candidate.text + (closed ? '' : '}}') : `${candidate.text}.`;
  return {
    label: candidate.text,
    kind: KINDS[candidate.kind],
    detail: candidate.detail,
    documentation: candidate.documentation ? markdown(candidate.documentation) : undefined,
    sortText: sortKey(index),
    filterText: prefix === '' ? candidate.text : undefined,
    textEdit: { range, newText },
    // After `tasks.` comes the next segment: ask for completion again.
    command: candidate.final ? undefined : { title: 'next segment', command: 'editor.action.triggerSuggest' },
  };
}

const KINDS: Record<TemplateCandidate['kind'], CompletionItemKind> = {
  param: CompletionItemKind.Variable,
  task: CompletionItemKind.Reference,
  output: CompletionItemKind.Field,
  field: CompletionItemKind.Field,
  keyword: CompletionItemKind.Keyword,
  variable: CompletionItemKind.Constant,
};

function nameItem(name: string, kind: CompletionItemKind, range: Range, detail: string | undefined, index: number, newText = name): CompletionItem {
  return { label: name, kind, detail, sortText: sortKey(index), textEdit: { range, newText } };
}

const sortKey = (n: number): string => String(n).padStart(5, '0');

const markdown = (value: string) => ({ kind: MarkupKind.Markdown, value });

const sameStrings = (a: readonly Segment[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);
