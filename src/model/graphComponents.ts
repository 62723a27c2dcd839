/**
 * KFP graph components (`implementation.graph`): tasks of other components wired together. KFP
 * inlines them: a task that runs one becomes the graph's tasks, each an ordinary task of the
 * pipeline whose arguments are constants, the caller's arguments (`graphInput`) or outputs of its
 * sibling tasks (`taskOutput`), and the task's outputs are outputs of those tasks (`outputValues`).
 * kft does the same in the model, so that validation, data passing and lowering see the inlined
 * tasks as the tasks they are (kfp 1.8 `_components._resolve_graph_task`; kfp-tekton compiles the
 * ContainerOps it makes).
 *
 * This file reads each graph component once (analyseGraphComponents: its tasks, their components,
 * whether it can be inlined, and the problems that say why not, in the component's own file), and
 * inlines it once per task that runs it (expandGraphCall). An inlined task is named
 * `<task>/<graph task id>` ('.' and braces in the id become '-'): a name no spec task can have, and
 * one that `{{tasks.NAME.outputs.O}}` between the inlined tasks can spell.
 */
import type { ComponentSpec, InputSpec } from '../generated/component.js';
import type { Task } from '../generated/pipeline.js';
import { childPointer, type Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { didYouMean } from '../util/suggest.js';
import { implicitOutputs } from './implicitOutputs.js';
import { kfpBaseType, valueFitsType } from './kfpTypes.js';
import type { ComponentModel, TaskNode } from './specModel.js';

export type GraphArgumentModel =
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'graphInput'; readonly input: string }
  | { readonly kind: 'taskOutput'; readonly task: string; readonly output: string };

export interface GraphTaskModel {
  readonly id: string;
  /** The id as a part of the inlined task's name: referenceable, unique in the graph. */
  readonly localName: string;
  /** Key of the task's component in SpecModel.components (its URL, or `<graph>#<id>` for an inline spec). */
  readonly componentKey: string;
  readonly arguments: ReadonlyMap<string, GraphArgumentModel>;
}

export interface GraphComponentModel {
  readonly component: ComponentModel;
  /** In document order. */
  readonly tasks: readonly GraphTaskModel[];
  readonly outputs: ReadonlyMap<string, GraphArgumentModel>;
  /** What is wrong with the graph itself, in its own document. */
  readonly problems: readonly GraphProblem[];
  /** False when the graph, or a graph component one of its tasks runs, cannot be inlined. */
  readonly expandable: boolean;
}

export interface GraphProblem {
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly hint: string;
  readonly doc: SourceDocument;
  readonly pointer: Pointer;
  readonly atKey?: boolean;
}

/** A task whose component is a graph, inlined: its tasks, and where each of its outputs comes from. */
export interface GraphExpansion {
  readonly graph: GraphComponentModel;
  readonly children: readonly TaskNode[];
  readonly outputs: ReadonlyMap<string, ExpansionOutput>;
}

export type ExpansionOutput =
  | { readonly kind: 'task'; readonly task: TaskNode; readonly output: string }
  /** A graph input passed through, or a constant: the value, as the call's arguments give it. */
  | { readonly kind: 'value'; readonly value: unknown; readonly missing?: string };

/** Where an inlined task comes from. */
export interface ExpandedFrom {
  readonly call: TaskNode;
  readonly graph: GraphComponentModel;
  readonly taskId: string;
}

/** Past this many inlined tasks in one spec, inlining stops (graph-expansion-limit), as for spec graphs. */
export const MAX_INLINED_TASKS = 200_000;

/**
 * Reads every graph component of `components`. Components written inline in a componentRef
 * (`componentRef.spec`) are added to `components` under `<graph key>#<task id>`.
 */
export function analyseGraphComponents(components: Map<string, ComponentModel>): Map<string, GraphComponentModel> {
  const graphs = new Map<string, GraphComponentModel>();
  const active = new Set<string>();
  const analyse = (key: string): GraphComponentModel | undefined => {
    const known = graphs.get(key);
    if (known) return known;
    const component = components.get(key);
    if (!component || !isRecord(component.spec.implementation.graph)) return undefined;
    active.add(key);
    const graph = readGraph(key, component, components, analyse, active);
    active.delete(key);
    graphs.set(key, graph);
    return graph;
  };
  for (const key of [...components.keys()]) analyse(key);
  return graphs;
}

function readGraph(
  key: string,
  component: ComponentModel,
  components: Map<string, ComponentModel>,
  analyse: (key: string) => GraphComponentModel | undefined,
  active: ReadonlySet<string>,
): GraphComponentModel {
  const reader = new GraphReader(key, component, components);
  const tasks = reader.readTasks();
  for (const task of tasks) reader.checkTask(task, analyse, active);
  reader.checkCycles(tasks);
  const outputs = reader.readOutputs();
  const expandable = !reader.blocked && reader.problems.length === 0;
  return { component, tasks, outputs, problems: reader.problems, expandable };
}

/**
 * Reads one graph component: its tasks and outputs, and what is wrong with them (`problems`, in
 * the component's document). `blocked` is set when something that has its own diagnostic elsewhere
 * (the schema check, an unreadable component file) keeps the graph from being inlined.
 */
class GraphReader {
  readonly problems: GraphProblem[] = [];
  blocked = false;
  private readonly base: Pointer;
  private readonly label: string;
  private readonly byId = new Map<string, GraphTaskModel>();
  private readonly graph: Record<string, unknown>;

  constructor(
    private readonly key: string,
    private readonly component: ComponentModel,
    private readonly components: Map<string, ComponentModel>,
  ) {
    this.base = childPointer(childPointer(component.pointer, 'implementation'), 'graph');
    this.label = `graph component '${component.name}'`;
    this.graph = component.spec.implementation.graph as unknown as Record<string, unknown>;
  }

  problem(code: DiagnosticCode, message: string, hint: string, pointer: Pointer, atKey = false): void {
    this.problems.push({ code, message, hint, doc: this.component.doc, pointer, ...(atKey ? { atKey } : {}) });
  }

  private taskPointer(id: string): Pointer {
    return childPointer(childPointer(this.base, 'tasks'), id);
  }

  readTasks(): GraphTaskModel[] {
    const tasks: GraphTaskModel[] = [];
    const localNames = new Set<string>();
    for (const [id, raw] of Object.entries(isRecord(this.graph.tasks) ? this.graph.tasks : {})) {
      if (!isRecord(raw)) {
        this.blocked = true;
        continue;
      }
      this.refuseDroppedFields(id, raw);
      const componentKey = componentKeyOf(this.key, id, raw.componentRef, this.taskPointer(id), this.component, this.components, (...a) => this.problem(...a));
      if (componentKey === undefined) this.blocked = true;
      const args = new Map<string, GraphArgumentModel>();
      for (const [input, value] of Object.entries(isRecord(raw.arguments) ? raw.arguments : {})) {
        const argument = graphArgument(value);
        if (argument) args.set(input, argument);
        else this.blocked = true;
      }
      const task = { id, localName: uniqueLocalName(id, localNames), componentKey: componentKey ?? '', arguments: args };
      tasks.push(task);
      this.byId.set(id, task);
    }
    return tasks;
  }

  /** isEnabled and executionOptions: kfp 1.8 drops them when it inlines a graph; kft does not drop them silently. */
  private refuseDroppedFields(id: string, raw: Record<string, unknown>): void {
    for (const field of ['isEnabled', 'executionOptions'] as const) {
      if (raw[field] === undefined) continue;
      const hint = field === 'isEnabled' ? 'kft refuses it rather than ignore it: run the graph\'s tasks under an if group of the spec instead.' : 'kft refuses it rather than ignore it: remove it, or set retries and caching on tasks of the spec.';
      this.problem('unsupported-feature', `task '${id}' of ${this.label} sets '${field}', which kfp 1.8 drops when it inlines a graph`, hint, childPointer(this.taskPointer(id), field), true);
    }
  }

  /** A task's arguments against its component's inputs, and a graph component it runs. */
  checkTask(task: GraphTaskModel, analyse: (key: string) => GraphComponentModel | undefined, active: ReadonlySet<string>): void {
    const at = this.taskPointer(task.id);
    const target = this.components.get(task.componentKey);
    const argsAt = childPointer(at, 'arguments');
    for (const [input, argument] of task.arguments) {
      const declared = target?.inputs.get(input);
      if (target && !declared) this.problem('unknown-input', `component '${target.name}' (task '${task.id}' of ${this.label}) has no input '${input}'`, didYouMean(input, target.inputs.keys()), childPointer(argsAt, input), true);
      this.checkArgument(argument, childPointer(argsAt, input), declared);
    }
    for (const input of target?.inputs.values() ?? []) {
      if (task.arguments.has(input.name) || input.optional === true || input.default !== undefined) continue;
      this.problem('missing-argument', `task '${task.id}' of ${this.label} passes no argument for required input '${input.name}' of component '${target!.name}'`, `Add arguments: {${input.name}: ...} to the task.`, at, true);
    }
    if (!target || !isRecord(target.spec.implementation.graph)) return;
    if (active.has(task.componentKey)) this.problem('dependency-cycle', `${this.label} runs itself through its task '${task.id}': inlining it would never end`, 'A graph component cannot use itself; repeat work with a loop or a recursive spec graph instead.', childPointer(at, 'componentRef'));
    else if (!analyse(task.componentKey)?.expandable) this.blocked = true;
  }

  /** What an argument (or output value) names exists, and its KFP type fits `input`'s. */
  private checkArgument(argument: GraphArgumentModel, pointer: Pointer, input: InputSpec | undefined): void {
    if (argument.kind === 'graphInput') {
      const declared = this.component.inputs.get(argument.input);
      if (!declared) return this.problem('unknown-input', `${this.label} has no input '${argument.input}'`, didYouMean(argument.input, this.component.inputs.keys()) || 'Declare it under the component\'s inputs.', childPointer(childPointer(pointer, 'graphInput'), 'inputName'));
      return this.checkTypes(declared.type, input, pointer, `input '${argument.input}' of ${this.label}`);
    }
    if (argument.kind === 'taskOutput') {
      const at = childPointer(pointer, 'taskOutput');
      const producer = this.byId.get(argument.task);
      if (!producer) return this.problem('unknown-task', `${this.label} has no task '${argument.task}'`, didYouMean(argument.task, this.byId.keys()) || 'Name a task of the graph.', childPointer(at, 'taskId'));
      const produced = this.components.get(producer.componentKey);
      if (!produced) return;
      const output = produced.outputs.get(argument.output);
      if (output) return this.checkTypes(output.type, input, pointer, `output '${argument.output}' of task '${argument.task}'`);
      const names = [...produced.outputs.keys()];
      return this.problem('unknown-output', `task '${argument.task}' of ${this.label} has no output '${argument.output}'`, didYouMean(argument.output, names) || `Its component '${produced.name}' declares ${names.length ? `the outputs ${names.join(', ')}` : 'no outputs'}.`, childPointer(at, 'outputName'));
    }
    const type = input ? kfpBaseType(input.type) : undefined;
    if (type && !valueFitsType(argument.value, type)) this.problem('type-mismatch', `input '${input!.name}' is ${type}, but ${this.label} passes ${JSON.stringify(argument.value)}`, `Pass a value of type ${type}.`, pointer);
  }

  /** Two KFP base types that differ (an Integer may go where a Float is expected, as in KFP). */
  private checkTypes(from: unknown, input: InputSpec | undefined, pointer: Pointer, what: string): void {
    const a = kfpBaseType(from);
    const b = input ? kfpBaseType(input.type) : undefined;
    if (a && b && a !== b && !(a === 'Integer' && b === 'Float')) this.problem('type-mismatch', `${what} is ${a}, but input '${input!.name}' is ${b}`, 'Make the types agree.', pointer);
  }

  checkCycles(tasks: readonly GraphTaskModel[]): void {
    const cycle = taskCycle(tasks);
    if (cycle) this.problem('dependency-cycle', `the tasks of ${this.label} depend on each other: ${[...cycle, cycle[0]].join(' → ')}`, 'Remove one of these taskOutput arguments.', this.taskPointer(cycle[0]!), true);
  }

  readOutputs(): Map<string, GraphArgumentModel> {
    const outputs = new Map<string, GraphArgumentModel>();
    for (const [name, value] of Object.entries(isRecord(this.graph.outputValues) ? this.graph.outputValues : {})) {
      const at = childPointer(childPointer(this.base, 'outputValues'), name);
      const argument = graphArgument(value);
      if (!argument) {
        this.blocked = true;
        continue;
      }
      if (!this.component.outputs.has(name)) this.problem('unknown-output', `${this.label} sets output '${name}', which it does not declare`, didYouMean(name, this.component.outputs.keys()) || 'Declare it under the component\'s outputs.', at, true);
      this.checkArgument(argument, at, undefined);
      outputs.set(name, argument);
    }
    return outputs;
  }
}

/** A graph task's id as part of a node name: no '.' or braces (references split on them), unique in the graph. */
function uniqueLocalName(id: string, taken: Set<string>): string {
  const base = id.replace(/[.{}]/g, '-').trim() || 'task';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

/** The key of a graph task's component: its URL, or its inline spec added under `<graph>#<id>`. */
function componentKeyOf(
  graphKey: string,
  id: string,
  ref: unknown,
  at: Pointer,
  graph: ComponentModel,
  components: Map<string, ComponentModel>,
  problem: (code: DiagnosticCode, message: string, hint: string, pointer: Pointer, atKey?: boolean) => void,
): string | undefined {
  if (!isRecord(ref)) return undefined;
  if (typeof ref.url === 'string') return components.has(ref.url) ? ref.url : undefined; // parse has said why not
  const refAt = childPointer(at, 'componentRef');
  if (isRecord(ref.spec)) {
    const key = `${graphKey}#${id}`;
    const spec = ref.spec as unknown as ComponentSpec;
    if (!isRecord(spec.implementation)) {
      problem('missing-field', `the component written inline for task '${id}' of graph component '${graph.name}' has no implementation`, 'Add implementation: {container: {...}} (or another kind) to componentRef.spec.', childPointer(refAt, 'spec'), true);
      return undefined;
    }
    if (!components.has(key)) {
      components.set(key, { name: typeof spec.name === 'string' ? spec.name : key, spec, doc: graph.doc, pointer: childPointer(refAt, 'spec'), inputs: namedMap(spec.inputs), outputs: namedMap([...(Array.isArray(spec.outputs) ? spec.outputs : []), ...implicitOutputs(spec)]), inlineRef: true });
    }
    return key;
  }
  const known = typeof ref.name === 'string' ? ` '${ref.name}'` : '';
  problem('unknown-component', `task '${id}' of graph component '${graph.name}' names its component${known} only by name or digest, which KFP looks up in its component store`, 'Give the componentRef a url (mapped to a local file under spec.componentUrls) or the component itself (spec).', refAt);
  return undefined;
}

function graphArgument(value: unknown): GraphArgumentModel | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'constant', value };
  if (!isRecord(value)) return undefined;
  if (isRecord(value.graphInput) && typeof value.graphInput.inputName === 'string') return { kind: 'graphInput', input: value.graphInput.inputName };
  if (isRecord(value.taskOutput) && typeof value.taskOutput.taskId === 'string' && typeof value.taskOutput.outputName === 'string') {
    return { kind: 'taskOutput', task: value.taskOutput.taskId, output: value.taskOutput.outputName };
  }
  return undefined;
}

/** A cycle of taskOutput dependencies among the graph's tasks (ids), if any. */
function taskCycle(tasks: readonly GraphTaskModel[]): string[] | undefined {
  const deps = new Map(tasks.map((t) => [t.id, [...t.arguments.values()].flatMap((a) => (a.kind === 'taskOutput' ? [a.task] : []))]));
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const s = state.get(id);
    if (s === 'done' || !deps.has(id)) return undefined;
    if (s === 'active') return path.slice(path.indexOf(id));
    state.set(id, 'active');
    path.push(id);
    for (const dep of deps.get(id)!) {
      const found = visit(dep);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const task of tasks) {
    const found = visit(task.id);
    if (found) return found;
  }
  return undefined;
}

/** What inlining needs of the model being built. */
export interface ExpansionContext {
  readonly graphs: ReadonlyMap<string, GraphComponentModel>;
  /** Problems of particular calls (in the spec), reported by the GraphComponents rule. */
  readonly callProblems: GraphProblem[];
  readonly doc: SourceDocument;
  inlined: number;
}

/**
 * Inlines `graph` for `call` (a task that runs it): one task node per graph task, named
 * `<call>/<task>`, with the call's place (parent, scope, section, after). `register` records each
 * node under its name in the call's scope; graph tasks that run graph components are inlined in
 * turn. Returns undefined (and records a graph-expansion-limit problem) past MAX_INLINED_TASKS.
 */
export function expandGraphCall(call: TaskNode, graph: GraphComponentModel, ctx: ExpansionContext, register: (node: TaskNode) => void): GraphExpansion | undefined {
  if (ctx.inlined + graph.tasks.length > MAX_INLINED_TASKS) {
    ctx.callProblems.push({ code: 'graph-expansion-limit', message: `inlining graph component '${graph.component.name}' for task '${call.name}' would pass ${MAX_INLINED_TASKS.toLocaleString('en-US')} inlined tasks`, hint: 'Run large graph components fewer times, or split the pipeline.', doc: ctx.doc, pointer: call.pointer, atKey: true });
    return undefined;
  }
  ctx.inlined += graph.tasks.length;
  const values = new CallValues(call, graph);
  const children: TaskNode[] = [];
  const byId = new Map<string, TaskNode>();
  for (const task of graph.tasks) {
    const args: Record<string, unknown> = {};
    for (const [input, argument] of task.arguments) {
      const v = values.of(argument);
      if (v) args[input] = v.value;
    }
    const node: TaskNode & { expansion?: GraphExpansion } = {
      name: values.nameOf(task.id), pointer: call.pointer, parent: call.parent, scope: call.scope, section: call.section, after: call.after, kind: 'task',
      spec: { component: task.componentKey, arguments: args } as Task,
      expandedFrom: { call, graph, taskId: task.id },
    };
    register(node);
    const inner = ctx.graphs.get(task.componentKey);
    if (inner) node.expansion = expandGraphCall(node, inner, ctx, register);
    children.push(node);
    byId.set(task.id, node);
  }
  const outputs = new Map<string, ExpansionOutput>();
  for (const [name, argument] of graph.outputs) {
    if (argument.kind === 'taskOutput') outputs.set(name, { kind: 'task', task: byId.get(argument.task)!, output: argument.output });
    else outputs.set(name, values.of(argument) ?? { kind: 'value', value: undefined, missing: argument.kind === 'graphInput' ? argument.input : undefined });
  }
  for (const input of values.missing) {
    ctx.callProblems.push({ code: 'missing-argument', message: `task '${call.name}' passes no argument for input '${input}' of graph component '${graph.component.name}', which has no default, and the graph reads it`, hint: `Add arguments: {${input}: ...}.`, doc: ctx.doc, pointer: call.pointer, atKey: true });
  }
  return { graph, children, outputs };
}

/** The spec values of a graph's arguments for one call, and the graph inputs the call leaves without one. */
class CallValues {
  readonly missing = new Set<string>();
  private readonly args: Record<string, unknown>;
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    call: TaskNode,
    private readonly graph: GraphComponentModel,
  ) {
    this.args = isRecord(call.spec.arguments) ? call.spec.arguments : {};
    this.names = new Map(graph.tasks.map((t) => [t.id, `${call.name}/${t.localName}`]));
  }

  /** The inlined node's name of a graph task. */
  nameOf(taskId: string): string {
    return this.names.get(taskId)!;
  }

  of(argument: GraphArgumentModel): { kind: 'value'; value: unknown } | undefined {
    switch (argument.kind) {
      case 'constant':
        return { kind: 'value', value: literal(argument.value) };
      case 'taskOutput':
        return { kind: 'value', value: `{{tasks.${this.nameOf(argument.task)}.outputs.${argument.output}}}` };
      case 'graphInput': {
        if (Object.hasOwn(this.args, argument.input)) return { kind: 'value', value: this.args[argument.input] };
        const input = this.graph.component.inputs.get(argument.input);
        // KFP binds a graph input to its default (when not None), and fails on one without.
        if (input?.default !== undefined && input.default !== null) return { kind: 'value', value: literal(input.default) };
        // A required input without argument is the call's missing-argument already (RequiredArguments).
        if (input?.optional === true || input?.default === null) this.missing.add(argument.input);
        return undefined;
      }
    }
  }
}

/** A constant of a graph component as a spec value: `{{` is literal there, so it is escaped. */
function literal(value: unknown): unknown {
  return typeof value === 'string' && value.includes('{{') ? value.split('{{').join('{{"{{"}}') : value;
}

function namedMap<T extends { name: string }>(list: unknown): Map<string, T> {
  const out = new Map<string, T>();
  if (Array.isArray(list)) for (const item of list) if (isRecord(item) && typeof item.name === 'string' && !out.has(item.name)) out.set(item.name, item as unknown as T);
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

