/**
 * Every place a spec names one of its own things — tasks and groups, params, components, graphs,
 * component inputs and outputs — as a declaration or a use, with exact offsets: keys, `after`
 * lists, `component:`/`graph:` values, graph-call argument names, taskDefaults selections and the
 * names inside `{{...}}` references. Definition, references and rename all read this one index.
 * Uses are found by what they spell (a reference to a missing output still names its task), in
 * the places the model's `referenceSites` lists.
 */
import { referenceSites } from '../model/referenceSites.js';
import { parseTemplate, type Reference } from '../model/references.js';
import { resolveReference } from '../model/resolve.js';
import { allNodes, allScopes, ancestors, isInlined, isObject, type ComponentModel, type NodeModel, type ScopeModel, type SpecModel } from '../model/specModel.js';
import { workflowParameters } from '../model/argoVariables.js';
import { childPointer, type Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';

export type SymbolKind = 'task' | 'param' | 'component' | 'graph' | 'input' | 'output';

export interface Occurrence {
  /** Identifies what is named: equal keys name the same thing. */
  readonly key: string;
  readonly kind: SymbolKind;
  readonly name: string;
  readonly declaration: boolean;
  /** The document the name is written in, and its offsets there. */
  readonly doc: SourceDocument;
  readonly start: number;
  readonly end: number;
}

const keyOf = {
  task: (scope: ScopeModel, name: string) => `task:${scope.pointer}:${name}`,
  param: (owner: Pointer, name: string) => `param:${owner}:${name}`,
  component: (name: string) => `component:${name}`,
  graph: (name: string) => `graph:${name}`,
  input: (component: string, name: string) => `input:${component}:${name}`,
  output: (component: string, name: string) => `output:${component}:${name}`,
};

export interface Occurrences {
  readonly list: readonly Occurrence[];
  /**
   * Things with a use whose text could not be located exactly (a reference in a string whose
   * source spells it differently, e.g. with escapes): renaming them would miss that use.
   */
  readonly unlocated: ReadonlySet<string>;
}

const cache = new WeakMap<SpecModel, Occurrences>();

/** Every occurrence in the spec and its component files. */
export function occurrences(model: SpecModel): Occurrences {
  let found = cache.get(model);
  if (!found) cache.set(model, (found = collect(model)));
  return found;
}

function collect(model: SpecModel): Occurrences {
  const out: Occurrence[] = [];
  const unlocated = new Set<string>();
  const doc = model.doc;
  const add = (kind: SymbolKind, key: string, name: string, declaration: boolean, at: { start: number; end: number } | undefined, where: SourceDocument = doc) => {
    const exact = at && spelled(where.text, at, name);
    if (exact) out.push({ key, kind, name, declaration, doc: where, start: exact.start, end: exact.end });
    else unlocated.add(key);
  };
  const keyAt = (pointer: Pointer, where: SourceDocument = doc) => where.positions.keyRange(pointer);
  const valueAt = (pointer: Pointer, where: SourceDocument = doc) => nameRange(where, pointer);

  for (const name of model.declaredComponents) add('component', keyOf.component(name), name, true, keyAt(childPointer('/spec/components', name)));
  for (const component of model.components.values()) declareSignature(component, add);
  for (const name of model.graphs.keys()) add('graph', keyOf.graph(name), name, true, keyAt(childPointer('/spec/graphs', name)));
  for (const scope of allScopes(model)) {
    for (const param of scope.params.values()) add('param', keyOf.param(scope.pointer, param.name), param.name, true, keyAt(param.pointer));
    for (const node of allNodes(scope)) {
      // Inlined graph tasks have no text of their own (their place is the task that runs the graph).
      if (isInlined(node)) continue;
      add('task', keyOf.task(scope, node.name), node.name, true, keyAt(node.pointer));
      nodeUses(model, scope, node, add, valueAt, keyAt);
    }
  }
  taskDefaultsUses(model, add, valueAt);
  workflowParameterUses(model, add);
  return { list: out, unlocated };
}

/** The range where `name` is spelled as itself (a quoted key or value without its quotes), if it is. */
function spelled(text: string, at: { start: number; end: number }, name: string): { start: number; end: number } | undefined {
  if (text.slice(at.start, at.end) === name) return at;
  const inner = { start: at.start + 1, end: at.end - 1 };
  const quote = text[at.start];
  return (quote === '"' || quote === "'") && text[at.end - 1] === quote && text.slice(inner.start, inner.end) === name ? inner : undefined;
}

type Add = (kind: SymbolKind, key: string, name: string, declaration: boolean, at: { start: number; end: number } | undefined, where?: SourceDocument) => void;

/** A component's inputs and outputs as declared (the `name` value of each entry). */
function declareSignature(component: ComponentModel, add: Add): void {
  for (const field of ['inputs', 'outputs'] as const) {
    const list = (component.spec as unknown as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      if (!isObject(entry) || typeof entry.name !== 'string') return;
      const kind = field === 'inputs' ? 'input' : 'output';
      add(kind, keyOf[kind](component.name, entry.name), entry.name, true, nameRange(component.doc, `${component.pointer}/${field}/${i}/name`), component.doc);
    });
  }
}

function nodeUses(model: SpecModel, scope: ScopeModel, node: NodeModel, add: Add, valueAt: (p: Pointer) => { start: number; end: number } | undefined, keyAt: (p: Pointer) => { start: number; end: number } | undefined): void {
  const raw = node.spec as unknown as Record<string, unknown>;
  const names = (pointer: Pointer, list: unknown) => {
    if (!Array.isArray(list)) return;
    list.forEach((name, i) => {
      if (typeof name === 'string' && scope.nodes.has(name)) add('task', keyOf.task(scope, name), name, false, valueAt(childPointer(pointer, i)));
    });
  };
  names(childPointer(node.pointer, 'after'), raw.after);
  if (isObject(raw.afterAny)) names(childPointer(childPointer(node.pointer, 'afterAny'), 'tasks'), raw.afterAny.tasks);
  if (isObject(raw.anySequencer)) names(childPointer(childPointer(node.pointer, 'anySequencer'), 'tasks'), raw.anySequencer.tasks);
  if (node.kind === 'task' && typeof node.spec.component === 'string') {
    const name = node.spec.component;
    if (model.declaredComponents.has(name)) add('component', keyOf.component(name), name, false, valueAt(childPointer(node.pointer, 'component')));
    const component = model.components.get(name);
    if (component && isObject(raw.arguments)) {
      for (const input of Object.keys(raw.arguments)) if (component.inputs.has(input)) add('input', keyOf.input(name, input), input, false, keyAt(childPointer(childPointer(node.pointer, 'arguments'), input)));
    }
  }
  if (node.kind === 'graphCall' && typeof node.spec.graph === 'string') {
    const graph = model.graphs.get(node.spec.graph);
    if (graph) {
      add('graph', keyOf.graph(graph.name), graph.name, false, valueAt(childPointer(node.pointer, 'graph')));
      // A graph call's argument names name the graph's params.
      if (isObject(raw.arguments)) for (const name of Object.keys(raw.arguments)) if (graph.params.has(name)) add('param', keyOf.param(graph.pointer, name), name, false, keyAt(childPointer(childPointer(node.pointer, 'arguments'), name)));
    }
  }
  if (node.kind === 'customGroup' && isObject(node.spec.group)) {
    for (const field of ['params', 'internalParams'] as const) {
      const declared = node.spec.group[field];
      if (!isObject(declared)) continue;
      for (const name of Object.keys(declared)) add('param', keyOf.param(node.pointer, name), name, true, keyAt(childPointer(childPointer(childPointer(node.pointer, 'group'), field), name)));
    }
  }
  for (const site of referenceSites(node)) {
    if (typeof site.value !== 'string') continue;
    for (const part of parseTemplate(site.value).parts) {
      if (part.kind !== 'ref') continue;
      const use = referenceUse(model, scope, node, part.ref);
      if (!use) continue;
      const range = templateRange(model.doc, site.pointer, site.value, part.offset, part.source);
      if (!range) {
        add(use.kind, use.key, use.name, false, undefined);
        continue;
      }
      const name = nameInSource(part.source, use.segment);
      if (name) add(use.kind, use.key, use.name, false, { start: range.start + name.start, end: range.start + name.end });
      if (use.output) {
        const out = nameInSource(part.source, 3, true);
        if (out) add('output', use.output.key, use.output.name, false, { start: range.start + out.start, end: range.start + out.end });
      }
    }
  }
}

/** What a reference names, and which segment of its text spells the name. */
function referenceUse(model: SpecModel, scope: ScopeModel, node: NodeModel, ref: Reference): { kind: SymbolKind; key: string; name: string; segment: number; output?: { key: string; name: string } } | undefined {
  switch (ref.kind) {
    case 'param': {
      const resolution = resolveReference(model, node, ref);
      if (resolution.kind !== 'param') return undefined;
      const owner = resolution.group ? resolution.group.pointer : scope.pointer;
      return { kind: 'param', key: keyOf.param(owner, ref.name), name: ref.name, segment: 1 };
    }
    case 'output': {
      const target = scope.nodes.get(ref.task);
      if (!target) return undefined;
      const component = target.kind === 'task' ? model.components.get(target.spec.component) : undefined;
      const output = component?.outputs.has(ref.output) ? { key: keyOf.output(component.name, ref.output), name: ref.output } : undefined;
      return { kind: 'task', key: keyOf.task(scope, ref.task), name: ref.task, segment: 1, output };
    }
    case 'status':
      return ref.task !== undefined && scope.nodes.has(ref.task) ? { kind: 'task', key: keyOf.task(scope, ref.task), name: ref.task, segment: 1 } : undefined;
    case 'item':
    case 'index':
      if (ref.loop === undefined) return undefined;
      return [...ancestors(node)].some((g) => g.kind === 'loop' && g.name === ref.loop) ? { kind: 'task', key: keyOf.task(scope, ref.loop), name: ref.loop, segment: 1 } : undefined;
    default:
      return undefined;
  }
}

/** spec.config.taskDefaults selections: task names (of any scope) and component names. */
function taskDefaultsUses(model: SpecModel, add: Add, valueAt: (p: Pointer) => { start: number; end: number } | undefined): void {
  const entries = Array.isArray(model.config.taskDefaults) ? model.config.taskDefaults : [];
  entries.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const base = childPointer('/spec/config/taskDefaults', i);
    if (Array.isArray(entry.tasks)) {
      entry.tasks.forEach((name, j) => {
        if (typeof name !== 'string') return;
        for (const scope of allScopes(model)) if (scope.nodes.has(name)) add('task', keyOf.task(scope, name), name, false, valueAt(childPointer(childPointer(base, 'tasks'), j)));
      });
    }
    if (Array.isArray(entry.components)) {
      entry.components.forEach((name, j) => {
        if (typeof name === 'string' && model.declaredComponents.has(name)) add('component', keyOf.component(name), name, false, valueAt(childPointer(childPointer(base, 'components'), j)));
      });
    }
  });
}

/** {{workflow.parameters.P}} in the command lines of inline components names pipeline param P. */
function workflowParameterUses(model: SpecModel, add: Add): void {
  for (const component of model.components.values()) {
    if (component.file !== undefined) continue;
    const visit = (value: unknown, pointer: Pointer): void => {
      if (typeof value === 'string') {
        if (!value.includes('{{workflow.parameters.')) return;
        for (const name of new Set(workflowParameters(value))) {
          if (!model.pipeline.params.has(name)) continue;
          const source = `{{workflow.parameters.${name}}}`;
          for (let at = value.indexOf(source); at >= 0; at = value.indexOf(source, at + 1)) {
            const range = templateRange(model.doc, pointer, value, at, source);
            add('param', keyOf.param(model.pipeline.pointer, name), name, false, range && { start: range.start + 2 + 'workflow.parameters.'.length, end: range.end - 2 });
          }
        }
      } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, childPointer(pointer, i)));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, childPointer(pointer, k));
    };
    visit(component.spec.implementation, childPointer(component.pointer, 'implementation'));
  }
}

/** The offsets of a scalar value (with its quotes, if any: `add` checks the spelling). */
function nameRange(doc: SourceDocument, pointer: Pointer): { start: number; end: number } | undefined {
  return doc.positions.valueRange(pointer);
}

/**
 * Where the reference `source` found at `offset` of the string `value` (at `pointer`) is written.
 * The value's text may differ from its source (quotes, escapes, block scalar indentation), but a
 * reference is spelled the same in both: the n-th occurrence of its text in the value is the
 * n-th in the source, when both hold it equally often.
 */
export function templateRange(doc: SourceDocument, pointer: Pointer, value: string, offset: number, source: string): { start: number; end: number } | undefined {
  const r = doc.positions.valueRange(pointer);
  if (!r) return undefined;
  const text = doc.text.slice(r.start, r.end);
  const inValue = indicesOf(value, source);
  const inText = indicesOf(text, source);
  const n = inValue.indexOf(offset);
  if (n < 0 || inValue.length !== inText.length) return undefined;
  return { start: r.start + inText[n]!, end: r.start + inText[n]! + source.length };
}

function indicesOf(text: string, part: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/**
 * The offsets within `{{ a.b.c }}` of its `index`-th dotted segment (0-based); with `rest`, from
 * that segment to the end of the body (an output name may hold dots).
 */
function nameInSource(source: string, index: number, rest = false): { start: number; end: number } | undefined {
  const body = source.slice(2, -2);
  const lead = body.length - body.trimStart().length;
  const segments = body.trim().split('.');
  if (index >= segments.length) return undefined;
  let start = 2 + lead;
  for (let i = 0; i < index; i++) start += segments[i]!.length + 1;
  const end = rest ? 2 + lead + body.trim().length : start + segments[index]!.length;
  return end > start ? { start, end } : undefined;
}

/** The occurrence at an offset of a document, if any (the innermost when ranges nest). */
export function occurrenceAt(list: readonly Occurrence[], doc: SourceDocument, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const o of list) {
    if (o.doc !== doc || offset < o.start || offset > o.end) continue;
    if (!best || o.end - o.start < best.end - best.start) best = o;
  }
  return best;
}

/** The occurrences of one thing. */
export const occurrencesOf = (list: readonly Occurrence[], key: string): Occurrence[] => list.filter((o) => o.key === key);
