/**
 * Resolves a reference as seen from a node: the one place that knows what {{params.P}},
 * {{tasks.T.outputs.O}}, {{item}} and {{loops.L.index}} mean. Validation reports its errors;
 * lowering uses its answers.
 */
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { OutputSpec } from '../generated/component.js';
import { didYouMean } from '../util/suggest.js';
import { parseTemplate, type Reference } from './references.js';
import { childPointer } from '../parse/pointer.js';
import { ancestors, isObject, type AnySequencerNode, type ComponentModel, type CustomGroupNode, type LoopNode, type NodeModel, type ParamModel, type SpecModel, type TaskNode } from './specModel.js';

export type Resolution =
  | { readonly kind: 'param'; readonly param: ParamModel; readonly group?: CustomGroupNode }
  | { readonly kind: 'output'; readonly task: TaskNode; readonly component: ComponentModel; readonly output: OutputSpec }
  | { readonly kind: 'item'; readonly loop: LoopNode; readonly path: readonly string[] }
  | { readonly kind: 'index'; readonly loop: LoopNode }
  /** A result the PipelineLoop controller sets when a loop ends: the last iteration's index or item. */
  | { readonly kind: 'loopOutput'; readonly loop: LoopNode; readonly output: LoopOutput }
  /** The status result of a standalone any-sequencer (its statusPath output). */
  | { readonly kind: 'sequencerStatus'; readonly sequencer: AnySequencerNode; readonly output: string }
  | { readonly kind: 'status'; readonly task?: NodeModel }
  | { readonly kind: 'literal'; readonly text: string };

export interface ResolveError {
  readonly kind: 'error';
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string;
}

export function resolveReference(model: SpecModel, from: NodeModel, ref: Reference): Resolution | ResolveError {
  switch (ref.kind) {
    case 'literal':
      return ref;
    case 'param': {
      const grouped = groupParam(from, ref.name);
      if (grouped) return grouped;
      const param = from.scope.params.get(ref.name);
      if (param) return { kind: 'param', param };
      const where = from.scope.kind === 'graph' ? `graph '${from.scope.name}'` : 'the pipeline';
      return fail('unknown-param', `unknown parameter '${ref.name}' in ${where}`, didYouMean(ref.name, from.scope.params.keys()) || 'Declare it under params.');
    }
    case 'output': {
      const target = visibleNode(from, ref.task);
      if (!target) return fail('unknown-task', `unknown task '${ref.task}'`, didYouMean(ref.task, specNames(from)) || 'Use the name of a task of this pipeline.');
      if (target.kind === 'loop') return loopOutput(target, ref.output);
      if (target.kind === 'anySequencer') return sequencerStatus(target, ref.output);
      if (target.kind !== 'task') return fail('unknown-output', `'${ref.task}' is a ${target.kind} and has no outputs`, 'Reference an output of a task.');
      if (target.expansion) return graphOutput(model, target, ref.output);
      const component = model.components.get(target.spec.component);
      if (!component) return fail('unknown-component', `task '${ref.task}' uses an unknown component`, 'Fix the task\'s component first.');
      const output = component.outputs.get(ref.output);
      if (!output) {
        const names = [...component.outputs.keys()];
        return fail('unknown-output', `task '${ref.task}' has no output '${ref.output}'`, didYouMean(ref.output, names) || (names.length ? '' : `Component '${component.name}' declares no outputs.`));
      }
      return { kind: 'output', task: target, component, output };
    }
    case 'status':
      return resolveStatus(from, ref.task);
    case 'item':
    case 'index': {
      const loop = enclosingLoop(from, ref.loop);
      if (!loop) {
        if (ref.loop === undefined) return fail('invalid-reference', 'there is no enclosing loop', 'Loop references are valid only in tasks inside a loop.');
        const loops = [...ancestors(from)].filter((a) => a.kind === 'loop').map((a) => a.name);
        return fail('invalid-reference', `no enclosing loop named '${ref.loop}'`, didYouMean(ref.loop, loops) || 'Name an enclosing loop.');
      }
      return ref.kind === 'item' ? { kind: 'item', loop, path: ref.path } : { kind: 'index', loop };
    }
  }
}

/**
 * A param of an enclosing custom group (its params or internalParams): the group's pipeline
 * declares it, so it shadows a pipeline param of the same name inside the group.
 */
function groupParam(from: NodeModel, name: string): Resolution | undefined {
  for (let group = from.parent; group; group = group.parent) {
    if (group.kind !== 'customGroup' || !isObject(group.spec.group)) continue;
    for (const field of ['params', 'internalParams'] as const) {
      const declared = group.spec.group[field];
      if (isObject(declared) && name in declared) {
        const pointer = childPointer(childPointer(childPointer(group.pointer, 'group'), field), name);
        return { kind: 'param', group, param: { name, type: 'String', declaredType: 'String', hasDefault: false, optional: false, pointer } };
      }
    }
  }
  return undefined;
}

/**
 * Tekton gives `$(tasks.status)` and `$(tasks.<name>.status)` to finally tasks only, and the
 * named task must be a task of the DAG (`tasks`), not another finally task.
 */
function resolveStatus(from: NodeModel, task: string | undefined): Resolution | ResolveError {
  if (from.section === 'tasks') return fail('invalid-reference', `{{tasks.${task ? `${task}.` : ''}status}} is used outside finally`, 'Tekton gives task statuses to finally tasks only: move this task under spec.finally or an exit handler\'s onExit.');
  if (task === undefined) return { kind: 'status' };
  const target = visibleNode(from, task);
  if (!target) return fail('unknown-task', `unknown task '${task}'`, didYouMean(task, specNames(from)) || 'Use the name of a task of this pipeline.');
  if (target.kind === 'task' && target.expansion) return fail('invalid-reference', `'${task}' runs a graph component, whose tasks are inlined: it has no status of its own`, 'Read the status of a task of the spec, or the aggregate {{tasks.status}}.');
  if (target.section !== 'tasks') return fail('invalid-reference', `'${task}' is a finally task; Tekton gives finally tasks the status of DAG tasks only`, 'Name a task under tasks.');
  if (target.kind === 'condition' || target.kind === 'exitHandler') return fail('invalid-reference', `'${task}' is a ${target.kind === 'condition' ? 'condition' : 'exit handler'} group and has no status of its own`, 'Name one of its tasks.');
  return { kind: 'status', task: target };
}

function enclosingLoop(from: NodeModel, name: string | undefined): LoopNode | undefined {
  // A loop's own source is evaluated outside it, so a loop node starts at its parent.
  for (let group = from.parent; group; group = group.parent) {
    if (group.kind === 'loop' && (name === undefined || group.name === name)) return group;
  }
  return undefined;
}

/** Results of a PipelineLoop run (kfp-tekton's Loop.last_idx and Loop.last_elem). */
export const LOOP_OUTPUTS = ['last-idx', 'last-elem'] as const;
export type LoopOutput = (typeof LOOP_OUTPUTS)[number];

function loopOutput(loop: LoopNode, output: string): Resolution | ResolveError {
  const known = LOOP_OUTPUTS.find((o) => o === output);
  if (known) return { kind: 'loopOutput', loop, output: known };
  return fail('unknown-output', `loop '${loop.name}' has no output '${output}'`, didYouMean(output, LOOP_OUTPUTS) || `A loop's outputs are ${LOOP_OUTPUTS.join(' and ')}.`);
}

/**
 * kfp-tekton's AnySequencer(..., statusPath=S) is a component with one output named S, the file
 * `any-task --statusPath` writes the sequencer's status to (Succeeded, Skipped, Failed); without
 * statusPath it has no output.
 */
function sequencerStatus(sequencer: AnySequencerNode, output: string): Resolution | ResolveError {
  const statusPath = isObject(sequencer.spec.anySequencer) ? sequencer.spec.anySequencer.statusPath : undefined;
  if (typeof statusPath !== 'string') return fail('unknown-output', `any-sequencer '${sequencer.name}' has no outputs`, `Set statusPath (e.g. statusPath: ${output}) to give it a status output named ${output}.`);
  if (output === statusPath) return { kind: 'sequencerStatus', sequencer, output };
  return fail('unknown-output', `any-sequencer '${sequencer.name}' has no output '${output}'`, `Its only output is its status, named by statusPath: {{tasks.${sequencer.name}.outputs.${statusPath}}}.`);
}

/**
 * The node a reference names, as seen from `from`: the tasks a graph component is inlined into are
 * visible only to each other (their references are written by the inlining, see graphComponents.ts).
 */
function visibleNode(from: NodeModel, name: string): NodeModel | undefined {
  const target = from.scope.nodes.get(name);
  if (target?.kind !== 'task' || !target.expandedFrom) return target;
  return from.kind === 'task' && from.expandedFrom?.call === target.expandedFrom.call ? target : undefined;
}

/** Names a user may reference: not those of inlined tasks. */
function* specNames(from: NodeModel): Generator<string> {
  for (const [name, node] of from.scope.nodes) if (node.kind !== 'task' || !node.expandedFrom) yield name;
}

/**
 * Output `name` of a task that runs a graph component: what the graph's outputValues give it — an
 * output of one of the inlined tasks (followed through nested graphs), or a value (a constant, or
 * an input passed through: the task's argument, resolved where the task is).
 */
function graphOutput(model: SpecModel, call: TaskNode, name: string): Resolution | ResolveError {
  const expansion = call.expansion!;
  const graph = expansion.graph.component;
  const source = expansion.outputs.get(name);
  if (!source) {
    if (graph.outputs.has(name)) return fail('unknown-output', `graph component '${graph.name}' declares output '${name}' but gives it no value (outputValues)`, 'Read another output, or add it to the graph\'s outputValues.');
    const names = [...graph.outputs.keys()];
    return fail('unknown-output', `task '${call.name}' has no output '${name}'`, didYouMean(name, names) || (names.length ? '' : `Component '${graph.name}' declares no outputs.`));
  }
  if (source.kind === 'task') return resolveReference(model, source.task, { kind: 'output', task: source.task.name, output: source.output });
  if (source.value === undefined) return fail('missing-argument', `output '${name}' of graph component '${graph.name}' is its input '${source.missing}', which task '${call.name}' does not pass`, `Pass ${source.missing} to '${call.name}'.`);
  if (typeof source.value !== 'string' || !source.value.includes('{{')) return { kind: 'literal', text: constantText(source.value) };
  const { parts, errors } = parseTemplate(source.value);
  if (errors.length === 0 && parts.every((p) => p.kind === 'text')) return { kind: 'literal', text: parts.map((p) => (p.kind === 'text' ? p.text : '')).join('') };
  const only = parts.length === 1 ? parts[0] : undefined;
  if (errors.length === 0 && only?.kind === 'ref') return resolveReference(model, call, only.ref);
  return fail('unsupported-feature', `output '${name}' of graph component '${graph.name}' passes through an input that task '${call.name}' gives as text mixed with references`, 'Pass that input a single reference or a constant.');
}

/** A constant as KFP passes it: strings as they are, other values as JSON. */
function constantText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const fail = (code: DiagnosticCode, message: string, hint: string): ResolveError => ({ kind: 'error', code, message, hint });

/** The node whose result a resolved output reference reads, if it reads one. */
export function producerOf(r: Resolution): NodeModel | undefined {
  if (r.kind === 'output') return r.task;
  if (r.kind === 'loopOutput') return r.loop;
  if (r.kind === 'sequencerStatus') return r.sequencer;
  return undefined;
}

export const isResolveError = (r: Resolution | ResolveError): r is ResolveError => r.kind === 'error';
