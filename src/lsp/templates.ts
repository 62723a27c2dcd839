/**
 * `{{...}}` references for the editor: what may be written at a place (every candidate is checked
 * with the model's own resolver, so only references that resolve are offered), and which
 * reference, and which part of it, the cursor is on.
 */
import { ARGO_MAPPINGS } from '../model/argoVariables.js';
import { parseTemplate, type Reference } from '../model/references.js';
import { isResolveError, LOOP_OUTPUTS, resolveReference, type Resolution, type ResolveError } from '../model/resolve.js';
import { ancestors, isInlined, isObject, type LoopNode, type NodeModel, type ScopeModel, type Section, type SpecModel, type TaskNode } from '../model/specModel.js';
import { childPointer } from '../parse/pointer.js';
import { fieldProblem } from '../validate/rules/LoopItemFields.js';
import type { Place } from './places.js';

export interface TemplateCandidate {
  /** The text of the segment being completed (what replaces the partial segment). */
  readonly text: string;
  /** Whether the candidate ends the reference (then `}}` follows) or continues with more segments. */
  readonly final: boolean;
  readonly kind: 'param' | 'task' | 'output' | 'field' | 'keyword' | 'variable';
  readonly detail?: string;
  readonly documentation?: string;
}

/**
 * The candidates for the segment being typed in `{{body` at a place of the spec. `body` is the text
 * between `{{` and the cursor.
 */
export function templateCandidates(model: SpecModel, place: Place, body: string, inComponent: boolean): TemplateCandidate[] {
  const segments = body.split('.');
  const done = segments.slice(0, -1);
  if (inComponent) return argoCandidates(model, done);
  const from = fromNode(place, model);
  if (!from) return [];
  const keep = (ref: Reference) => !isResolveError(resolveReference(model, from, ref));
  const [head, second, third] = done;
  if (done.length === 0) return rootCandidates(from, keep);
  if (head === 'params' && done.length === 1) return paramCandidates(model, from);
  if (head === 'tasks') {
    if (done.length === 1) {
      const tasks = [...from.scope.nodes.values()].filter((n) => n !== from && n.name !== from.name && !isInlined(n));
      const out: TemplateCandidate[] = tasks.map((n) => ({ text: n.name, final: false, kind: 'task' as const, detail: describeNodeKind(n) }));
      if (keep({ kind: 'status' })) out.push({ text: 'status', final: true, kind: 'keyword', detail: 'aggregate status of the pipeline\'s tasks (finally only)' });
      return out;
    }
    if (done.length === 2 && second) {
      const out: TemplateCandidate[] = [];
      if (outputCandidates(model, from, second).length > 0) out.push({ text: 'outputs', final: false, kind: 'keyword', detail: `outputs of ${second}` });
      if (keep({ kind: 'status', task: second })) out.push({ text: 'status', final: true, kind: 'keyword', detail: `status of ${second} (finally only)` });
      return out;
    }
    if (third === 'outputs' && second) {
      // An output name may itself hold dots: everything after `outputs.` is the name.
      const typed = done.slice(3);
      const prefix = typed.length > 0 ? `${typed.join('.')}.` : '';
      return outputCandidates(model, from, second).filter((c) => c.text.startsWith(prefix)).map((c) => ({ ...c, text: c.text.slice(prefix.length) }));
    }
    return [];
  }
  if (head === 'item' && done.length === 1) return itemFieldCandidates(model, from, undefined);
  if (head === 'loops') {
    const loops = [...ancestors(from)].filter((g): g is LoopNode => g.kind === 'loop');
    if (done.length === 1) return loops.map((l) => ({ text: l.name, final: false, kind: 'task' as const, detail: 'enclosing loop' }));
    if (done.length === 2 && second && loops.some((l) => l.name === second)) {
      return [
        { text: 'item', final: true, kind: 'keyword', detail: `the current item of loop ${second}` },
        { text: 'index', final: true, kind: 'keyword', detail: `the iteration number of loop ${second}` },
      ];
    }
    if (done.length === 3 && third === 'item' && second) return itemFieldCandidates(model, from, second);
  }
  return [];
}

/** A node to resolve references from: the node at the place, or one standing for a task being written there. */
function fromNode(place: Place, model: SpecModel): NodeModel | undefined {
  if (place.node && place.exact) return place.node;
  const scope: ScopeModel | undefined = place.scope ?? model.pipeline;
  if (!scope) return undefined;
  const parent = place.node && place.node.kind !== 'task' && place.node.kind !== 'graphCall' && place.node.kind !== 'break' && place.node.kind !== 'anySequencer' ? place.node : place.node?.parent;
  const section: Section = place.section;
  const standIn: TaskNode = { kind: 'task', name: '', pointer: childPointer(parent?.pointer ?? scope.pointer, ''), parent, scope, section, after: [], spec: { component: '' } };
  return standIn;
}

function rootCandidates(from: NodeModel, keep: (ref: Reference) => boolean): TemplateCandidate[] {
  const out: TemplateCandidate[] = [
    { text: 'params', final: false, kind: 'keyword', detail: from.scope.kind === 'graph' ? `params of graph ${from.scope.name}` : 'pipeline params' },
    { text: 'tasks', final: false, kind: 'keyword', detail: 'outputs (and, in finally, statuses) of tasks' },
  ];
  if (keep({ kind: 'item', path: [] })) {
    out.push({ text: 'item', final: true, kind: 'keyword', detail: 'the current item of the innermost loop' });
    out.push({ text: 'index', final: true, kind: 'keyword', detail: 'the iteration number of the innermost loop, from 1' });
    out.push({ text: 'loops', final: false, kind: 'keyword', detail: 'items and indices of enclosing loops by name' });
  }
  return out;
}

function paramCandidates(model: SpecModel, from: NodeModel): TemplateCandidate[] {
  const out = new Map<string, TemplateCandidate>();
  for (const group of ancestors(from)) {
    if (group.kind !== 'customGroup' || !isObject(group.spec.group)) continue;
    for (const field of ['params', 'internalParams'] as const) {
      const declared = group.spec.group[field];
      if (isObject(declared)) for (const name of Object.keys(declared)) if (!out.has(name)) out.set(name, { text: name, final: true, kind: 'param', detail: `param of custom group ${group.name}` });
    }
  }
  for (const param of from.scope.params.values()) {
    if (out.has(param.name)) continue;
    const resolution = resolveReference(model, from, { kind: 'param', name: param.name });
    if (!isResolveError(resolution)) out.set(param.name, { text: param.name, final: true, kind: 'param', detail: describeResolution(resolution), documentation: param.description });
  }
  return [...out.values()];
}

function outputCandidates(model: SpecModel, from: NodeModel, task: string): TemplateCandidate[] {
  const target = from.scope.nodes.get(task);
  if (!target) return [];
  const names = target.kind === 'loop' ? [...LOOP_OUTPUTS] : target.kind === 'anySequencer' ? [String((target.spec.anySequencer as { statusPath?: unknown } | undefined)?.statusPath ?? '')].filter(Boolean) : target.kind === 'task' ? [...(model.components.get(target.spec.component)?.outputs.keys() ?? [])] : [];
  const out: TemplateCandidate[] = [];
  for (const name of names) {
    const resolution = resolveReference(model, from, { kind: 'output', task, output: name });
    if (isResolveError(resolution)) continue;
    const description = resolution.kind === 'output' && typeof resolution.output.description === 'string' ? resolution.output.description : undefined;
    out.push({ text: name, final: true, kind: 'output', detail: describeResolution(resolution), documentation: description });
  }
  return out;
}

function itemFieldCandidates(model: SpecModel, from: NodeModel, loopName: string | undefined): TemplateCandidate[] {
  const resolution = resolveReference(model, from, { kind: 'item', loop: loopName, path: [] });
  if (isResolveError(resolution) || resolution.kind !== 'item') return [];
  const items = resolution.loop.spec.loop?.items;
  if (!Array.isArray(items)) return [];
  const fields = [...new Set(items.filter(isObject).flatMap((item) => Object.keys(item)))];
  return fields.filter((f) => !fieldProblem(resolution.loop, f)).map((f) => ({ text: f, final: true, kind: 'field' as const, detail: `field of the items of loop ${resolution.loop.name}` }));
}

/** In a component's command line: the Argo variables kfp-tekton maps to Tekton (docs/spec.md). */
function argoCandidates(model: SpecModel, done: readonly string[]): TemplateCandidate[] {
  if (done.length === 0) return [{ text: 'workflow', final: false, kind: 'keyword', detail: 'Argo workflow variables (mapped to Tekton)' }];
  if (done.length === 1 && done[0] === 'workflow') {
    // The workflow.* variables of the core's mapping table (read from its patterns, so both agree).
    const variables = ARGO_MAPPINGS.map((m) => /workflow\\\.(\w+)/.exec(m.pattern.source)?.[1]).filter((v): v is string => v !== undefined);
    return variables.map((v) => (v === 'parameters' ? { text: v, final: false, kind: 'keyword' as const, detail: 'pipeline params' } : { text: v, final: true, kind: 'variable' as const, detail: `the PipelineRun's ${v}` }));
  }
  if (done.length === 2 && done[0] === 'workflow' && done[1] === 'parameters') {
    return [...model.pipeline.params.values()].map((p) => ({ text: p.name, final: true, kind: 'param' as const, detail: `pipeline param (${p.type})`, documentation: p.description }));
  }
  return [];
}

/** One line saying what a resolved reference reads. */
export function describeResolution(r: Resolution): string {
  switch (r.kind) {
    case 'param': {
      const p = r.param;
      const where = r.group ? `param of custom group ${r.group.name}` : p.pointer.startsWith('/spec/graphs/') ? 'graph param' : 'pipeline param';
      return `${where} ${p.name}: ${p.type}${p.hasDefault ? ` = ${JSON.stringify(p.default)}` : p.optional ? ' (optional)' : ''}`;
    }
    case 'output':
      return `output ${r.output.name}${r.output.type !== undefined ? ` (${typeName(r.output.type)})` : ''} of task ${r.task.name} (component ${r.component.name})`;
    case 'item':
      return `${r.path.length > 0 ? `field ${r.path.join('.')} of ` : ''}the current item of loop ${r.loop.name}`;
    case 'index':
      return `the iteration number of loop ${r.loop.name}, from 1`;
    case 'loopOutput':
      return r.output === 'last-idx' ? `the number of the last iteration of loop ${r.loop.name}` : `the item of the last iteration of loop ${r.loop.name}`;
    case 'sequencerStatus':
      return `the status of any-sequencer ${r.sequencer.name} (Succeeded, Skipped or Failed)`;
    case 'status':
      return r.task ? `the status of task ${r.task.name}: Succeeded, Failed or None` : 'the aggregate status of the pipeline\'s tasks: Succeeded, Failed, Completed or None';
    case 'literal':
      return `the literal text ${r.text}`;
  }
}

const typeName = (type: unknown): string => (typeof type === 'string' ? type : JSON.stringify(type));

export function describeNodeKind(node: NodeModel): string {
  switch (node.kind) {
    case 'task':
      return `task (component ${node.spec.component})`;
    case 'graphCall':
      return `graph call (${node.spec.graph})`;
    case 'loop':
      return 'loop';
    case 'condition':
      return 'condition';
    case 'exitHandler':
      return 'exit handler';
    case 'customGroup':
      return 'custom group';
    case 'break':
      return 'break';
    case 'anySequencer':
      return 'any-sequencer';
  }
}

/** A `{{...}}` reference around a cursor, and the part of it the cursor is on. */
export interface ReferenceAtCursor {
  /** Offsets of the whole `{{...}}` in the document. */
  readonly start: number;
  readonly end: number;
  readonly ref: Reference;
  /** Which name the cursor is on: the task (or loop) named, the param, the output, or the rest. */
  readonly on: 'task' | 'param' | 'output' | 'loop' | 'other';
}

/** The reference at `col` of `line` (`lineStart` is the line's offset in the document). */
export function referenceAt(line: string, col: number, lineStart: number): ReferenceAtCursor | undefined {
  const open = line.lastIndexOf('{{', col + 1 < line.length && line[col] === '{' && line[col + 1] === '{' ? col : col - 1);
  if (open < 0) return undefined;
  const close = line.indexOf('}}', open + 2);
  if (close < 0 || close + 2 < col) return undefined;
  const source = line.slice(open, close + 2);
  const part = parseTemplate(source).parts[0];
  if (!part || part.kind !== 'ref') return undefined;
  const body = source.slice(2, -2);
  const lead = body.length - body.trimStart().length;
  const segments = body.trim().split('.');
  // Which segment the cursor is in (by index), measured from the body's start.
  let pos = open + 2 + lead;
  let index = segments.length - 1;
  for (let i = 0; i < segments.length; i++) {
    const end = pos + segments[i]!.length;
    if (col <= end) {
      index = i;
      break;
    }
    pos = end + 1;
  }
  const ref = part.ref;
  const on: ReferenceAtCursor['on'] =
    ref.kind === 'param' ? 'param'
    : ref.kind === 'output' ? (index <= 1 ? 'task' : index >= 3 ? 'output' : 'other')
    : ref.kind === 'status' && ref.task !== undefined ? (index === 1 ? 'task' : 'other')
    : (ref.kind === 'item' || ref.kind === 'index') && ref.loop !== undefined ? (index === 1 ? 'loop' : 'other')
    : 'other';
  return { start: lineStart + open, end: lineStart + close + 2, ref, on };
}

/** The resolution of a reference from a place, if it resolves. */
export function resolveAt(model: SpecModel, place: Place, ref: Reference): Resolution | ResolveError | undefined {
  const from = fromNode(place, model);
  return from ? resolveReference(model, from, ref) : undefined;
}
