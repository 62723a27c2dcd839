/**
 * Lowering of one Tekton pipeline: the pipeline of a scope (the pipeline, or a graph instance), or
 * the body of a loop inside it (a PipelineLoop's pipelineSpec). Assigns Tekton names to the
 * scope's nodes, dispatches each node to the visitor of its kind, and collects the resulting
 * pipeline tasks. Enclosing groups pass a Frame down: the guards and dependencies their tasks
 * inherit.
 *
 * A loop body is a separate Tekton pipeline: it can only see its own params and its own tasks'
 * results. So a body lowering resolves values that live outside it (pipeline params, results of
 * tasks outside the loop, items of enclosing loops) by importing them: it declares a param of the
 * body pipeline and asks its parent for the value to bind it to, which may import it in turn.
 * Dependencies on tasks outside the body are lifted the same way, onto the loop task.
 */
import type { Task } from '../generated/pipeline.js';
import { referencesIn, type Reference } from '../model/references.js';
import { isResolveError, producerOf, resolveReference, type Resolution } from '../model/resolve.js';
import type { SharedBinding } from './bindings.js';
import { singleReference } from './dataPassing/plan.js';
import { ancestors, childrenOf, isObject, type ConditionNode, type CustomGroupNode, type GraphCallNode, type LoopNode, type NodeModel, type ParamModel, type ScopeModel, type TaskNode } from '../model/specModel.js';
import { conditionMode } from './conditionMode.js';
import type { LowerContext } from './context.js';
import { propagateGuards } from './guards.js';
import type { ParamIR, ParamSpecIR, PipelineTaskIR, TaskRunSpecIR, WhenIR } from './ir.js';
import { hasAfterAny, sequencerSpecName } from './anySequencer.js';
import { dnsLabel, NameAllocator, paramName } from './names.js';
import { taskRunSpecOf } from './podSpec.js';
import { runPodTemplate } from './podTemplate.js';
import { visitors } from './visitors/index.js';

export interface Frame {
  /** `when` expressions every task in this frame carries (from enclosing conditions). */
  readonly when: readonly WhenIR[];
  /** Tekton task names every task in this frame runs after (from enclosing groups' `after`). */
  readonly runAfter: readonly string[];
  /** True inside an exit handler's onExit or the pipeline's finally. */
  readonly finally: boolean;
}

/** A group lowered to a custom task whose spec holds a pipeline: a loop (PipelineLoop) or a custom group. */
export type BodyGroup = LoopNode | CustomGroupNode;

export const rootFrame: Frame = { when: [], runAfter: [], finally: false };

/**
 * One call of a graph lowered as its own pipeline (the body of a one-iteration PipelineLoop, as
 * kfp-tekton lowers graph components). Its params are the graph's params, bound by the call.
 */
export interface GraphInstance {
  /** The lowering of the pipeline that holds the call. */
  readonly parent: ScopeLowering;
  readonly call: GraphCallNode;
  /** Name of the PipelineLoop resource; a recursive call inside re-invokes it by this name. */
  readonly resourceName: string;
  /** The value, in the parent pipeline, of a graph param: the call's argument (or the default). */
  argument(param: ParamModel): string;
  /** Names of the graph params the instance reads, as values (argument) or as files (paramOutputFile). */
  readonly read: string[];
  /** Set when a graph call inside the instance re-invokes it (recursion). */
  recursive: boolean;
}

/** What a loop body reads of its own loop: the item (or a field of it) and the iteration index. */
export type LoopItemBinding = (what: 'item' | 'index', path: readonly string[]) => string;

/** The Tekton names of one scope's nodes; shared by the scope's pipeline and its loop bodies. */
class TaskNaming {
  readonly names = new Map<string, string>();
  /** Tekton names of any-sequencer tasks, by the spec name of the task that waits on them. */
  readonly sequencers = new Map<string, string>();
  readonly allocator = new NameAllocator();
}

export class ScopeLowering {
  readonly tasks: PipelineTaskIR[] = [];
  readonly finallyTasks: PipelineTaskIR[] = [];
  readonly params: ParamSpecIR[] = [];
  /** Params of a loop body bound by the loop task to values from outside the body, in creation order. */
  readonly imports: ParamIR[] = [];
  /** Spec names of nodes outside a loop body that tasks of the body run after (lifted to the loop task). */
  readonly outerAfter = new Set<string>();
  /** Representatives of the conditions of this pipeline met so far (see conditionRepresentatives). */
  private readonly conditionMemo = new Map<ConditionNode, Representatives>();
  /** Set by the loop visitor on a loop body: how the body reads its loop's item and index. */
  itemBinding?: LoopItemBinding;
  /**
   * Per-task run settings (pod templates, service accounts) of this pipeline's tasks. Tekton
   * accepts a `taskRunSpecs` entry only for a task of the pipeline the run runs, so a loop body's
   * or graph instance's entries go to its PipelineLoop, which passes them to its runs.
   */
  readonly taskRunSpecs: TaskRunSpecIR[] = [];

  /** Records the pod settings of pipeline task `name` (`spec` with config.taskDefaults applied), if it sets any. */
  addTaskRunSpec(name: string, spec: Task): void {
    const runSpec = taskRunSpecOf(name, spec, runPodTemplate(this.ctx.model.config));
    if (runSpec) this.taskRunSpecs.push(runSpec);
  }
  /** Pipeline workspaces this pipeline's tasks, or tasks of pipelines nested in it, bind. */
  readonly workspacesUsed = new Set<string>();
  private readonly naming: TaskNaming;
  private readonly importKeys = new Map<string, string>();
  /** How param and output references bind in this pipeline, by resolution (see TaskBindings.shared). */
  readonly sharedBindings = new Map<Resolution, SharedBinding>();
  private readonly paramNames = new Set<string>();

  constructor(
    readonly ctx: LowerContext,
    readonly scope: ScopeModel,
    /** Prefix of task names (graph instances), empty for the pipeline. */
    readonly prefix = '',
    /** Set for a loop or custom group body: the lowering of the pipeline that holds its task, and the group. */
    readonly enclosing?: { readonly parent: ScopeLowering; readonly loop: BodyGroup },
    /** Set for the pipeline of a graph call: the call and how its params are bound. */
    readonly instance?: GraphInstance,
  ) {
    if (enclosing) {
      this.naming = enclosing.parent.naming;
      return;
    }
    this.naming = new TaskNaming();
    const nodes = nodesInOrder(scope);
    for (const node of nodes) this.naming.names.set(node.name, this.allocator.allocate(dnsLabel(prefix + node.name)));
    for (const node of nodes) {
      if (node.kind === 'task' && hasAfterAny(node)) this.naming.sequencers.set(node.name, this.allocator.allocate(dnsLabel(prefix + sequencerSpecName(node))));
    }
  }

  /** The Tekton name of the any-sequencer a task with `afterAny` waits on. */
  sequencerName(node: TaskNode): string {
    return this.naming.sequencers.get(node.name) ?? dnsLabel(this.prefix + sequencerSpecName(node));
  }

  get allocator(): NameAllocator {
    return this.naming.allocator;
  }

  /** The lowering of the pipeline that holds this one's task (a loop body's or a graph instance's). */
  get outer(): ScopeLowering | undefined {
    return this.enclosing?.parent ?? this.instance?.parent;
  }

  /**
   * The instance of `graph` this pipeline is part of, if any (innermost first): a call of it from
   * here is recursion, which re-invokes that instance's PipelineLoop. `body` is the instance's
   * own pipeline lowering.
   */
  enclosingInstance(graph: string): { readonly instance: GraphInstance; readonly body: ScopeLowering } | undefined {
    for (let l: ScopeLowering | undefined = this; l; l = l.outer) {
      if (l.instance && l.instance.call.spec.graph === graph) return { instance: l.instance, body: l };
    }
    return undefined;
  }

  /** Name of a nested pipeline resource (PipelineLoop, custom group) for the task `taskName` of this pipeline. */
  resourceName(taskName: string): string {
    // Tasks of different graph instances may share names: prefix with the instance's resource.
    return dnsLabel(`${this.resourceBase}-${taskName}`);
  }

  private get resourceBase(): string {
    return this.instance?.resourceName ?? this.enclosing?.parent.resourceBase ?? this.ctx.model.name;
  }

  /** The lowering of the body of `loop`, a loop node lowered in this pipeline. */
  loopBody(loop: BodyGroup): ScopeLowering {
    return new ScopeLowering(this.ctx, this.scope, this.prefix, { parent: this, loop });
  }

  /** The Tekton name of a node of this scope. */
  taskName(specName: string): string {
    return this.naming.names.get(specName) ?? dnsLabel(this.prefix + specName);
  }

  /**
   * The Tekton tasks of this pipeline that stand for a node when something here runs after it: a
   * condition or exit handler stands for its tasks, a node inside a loop body for the loop task.
   * A node outside this loop body is recorded in `outerAfter`, for the loop task to run after.
   */
  dependencyNames(specName: string): string[] {
    const node = this.scope.nodes.get(specName);
    if (!node) return [];
    for (;;) {
      const found = emptyRepresentatives();
      const missing = this.collectRepresentatives(node, found);
      if (missing) {
        this.conditionRepresentatives(missing);
        continue;
      }
      for (const name of found.outside) this.outerAfter.add(name);
      return found.names;
    }
  }

  /**
   * Appends the representatives of `node` to `into`. Returns instead the first condition whose
   * representatives are not known yet (see conditionRepresentatives), leaving `into` partial.
   */
  private collectRepresentatives(node: NodeModel, into: Representatives): ConditionNode | undefined {
    if (!this.contains(node)) {
      into.outside.push(node.name);
      return undefined;
    }
    const loop = this.outermostLoopBelow(node);
    if (loop) {
      into.names.push(this.taskName(loop.name));
      return undefined;
    }
    switch (node.kind) {
      case 'condition': {
        const known = this.conditionMemo.get(node);
        if (!known) return node;
        appendAll(into, known);
        return undefined;
      }
      case 'exitHandler':
        for (const child of childrenOf(node)) {
          const missing = this.collectRepresentatives(child, into);
          if (missing) return missing;
        }
        return undefined;
      case 'task':
        // A task of a graph component stands for the graph's tasks, inlined.
        if (node.expansion) {
          for (const child of node.expansion.children) this.collectRepresentatives(child, into);
          return undefined;
        }
        into.names.push(this.taskName(node.name));
        return undefined;
      default:
        into.names.push(this.taskName(node.name));
        return undefined;
    }
  }

  /**
   * Running after a condition group means running after its evaluation, as kfp-tekton does
   * (runAfter the condition task): such a task runs whether the comparison held or not. With a
   * direct `when` there is no condition task; the evaluation's inputs stand for it: the tasks whose
   * outputs the comparison reads, the group's own `after`, and so on for enclosing conditions.
   * Conditions may run after conditions in long chains: their answers are remembered, and found
   * with a stack of pending conditions rather than by recursion (a condition is retried once the
   * one it was missing is known).
   */
  private conditionRepresentatives(root: ConditionNode): Representatives {
    const pending = [root];
    const onStack = new Set<ConditionNode>(pending);
    while (pending.length > 0) {
      const top = pending[pending.length - 1]!;
      const computed = this.conditionMemo.has(top) ? undefined : this.conditionEntry(top);
      if (computed && !('names' in computed)) {
        // Validation rejects dependency cycles; one here would be a bug, not a spec to lower.
        if (onStack.has(computed)) throw new Error(`condition '${computed.name}' depends on itself`);
        pending.push(computed);
        onStack.add(computed);
        continue;
      }
      if (computed) this.conditionMemo.set(top, computed);
      pending.pop();
      onStack.delete(top);
    }
    return this.conditionMemo.get(root)!;
  }

  /** The representatives of a condition, or the first condition they need that is not known yet. */
  private conditionEntry(node: ConditionNode): Representatives | ConditionNode {
    if (conditionMode(node, this.ctx.options, this.ctx.model) === 'task') return { names: [this.taskName(node.name)], outside: [] };
    let outer = emptyRepresentatives();
    if (node.parent?.kind === 'condition' && this.contains(node.parent)) {
      const known = this.conditionMemo.get(node.parent);
      if (!known) return node.parent;
      outer = known;
    }
    const producers = emptyRepresentatives();
    for (const part of referencesIn(node.spec.if)) {
      const producer = part.ref.kind === 'output' ? this.producerNode(node, part.ref) : undefined;
      const missing = producer && this.collectRepresentatives(producer, producers);
      if (missing) return missing;
    }
    const own = emptyRepresentatives();
    for (const name of node.after) {
      const target = this.scope.nodes.get(name);
      const missing = target && this.collectRepresentatives(target, own);
      if (missing) return missing;
    }
    return {
      names: [...new Set([...outer.names, ...producers.names, ...own.names])],
      outside: [...outer.outside, ...producers.outside, ...own.outside],
    };
  }

  /** The node whose result an output reference read from `from` names (for a graph component's task, the inlined producer). */
  private producerNode(from: NodeModel, ref: Reference & { kind: 'output' }): NodeModel | undefined {
    const target = this.scope.nodes.get(ref.task);
    if (target?.kind !== 'task' || !target.expansion) return target;
    const resolved = resolveReference(this.ctx.model, from, ref);
    return isResolveError(resolved) ? undefined : producerOf(resolved);
  }

  /** The pipeline's tasks, once all nodes are lowered: guards propagated along runAfter. */
  finishedTasks(): PipelineTaskIR[] {
    return propagateGuards(this.tasks);
  }

  /** True when `node` is lowered in this pipeline or in a loop body nested in it. */
  contains(node: NodeModel): boolean {
    const own = this.enclosing?.loop;
    if (own === undefined) return true;
    for (let group = node.parent; group; group = group.parent) if (group === own) return true;
    return false;
  }

  /** The loop, strictly enclosing `node`, whose task is lowered in this pipeline (if any). */
  private outermostLoopBelow(node: NodeModel): BodyGroup | undefined {
    let found: BodyGroup | undefined;
    for (const group of ancestors(node)) {
      if (group === this.enclosing?.loop) break;
      if (group.kind === 'loop' || group.kind === 'customGroup') found = group;
    }
    return found;
  }

  /** Records that a task here binds pipeline workspace `name`: this pipeline and every enclosing one declare it. */
  useWorkspace(name: string): void {
    this.workspacesUsed.add(name);
    if (this.outer) this.outer.useWorkspace(name);
    else if (name === this.ctx.dataWorkspace) this.ctx.useDataWorkspace();
  }

  add(task: PipelineTaskIR, frame: Frame): void {
    (frame.finally ? this.finallyTasks : this.tasks).push(task);
  }

  lowerNodes(nodes: readonly NodeModel[], frame: Frame): void {
    for (const node of nodes) {
      const visit = visitors[node.kind] as (n: NodeModel, s: ScopeLowering, f: Frame) => void;
      visit(node, this, frame);
    }
  }

  /** The expression, in this pipeline, of a pipeline (or graph) parameter. */
  paramValue(param: ParamModel, group?: CustomGroupNode): string {
    // A custom group's own param is declared by the group's pipeline: read it there as it is.
    if (group && this.enclosing?.loop === group) return `$(params.${paramName(param.name)})`;
    if (this.enclosing) {
      const { parent } = this.enclosing;
      return this.imported(`${group ? `group:${group.name}:` : ''}param:${param.name}`, paramName(param.name), () => parent.paramValue(param, group));
    }
    const instance = this.instance;
    if (instance && this.scope.params.get(param.name) === param) {
      return this.imported(`param:${param.name}`, paramName(param.name), () => instance.argument(param));
    }
    return `$(params.${paramName(param.name)})`;
  }

  /**
   * The task output a graph param carries, when the call of the graph instance that declares it
   * binds it to exactly one output (directly, or through params of enclosing instances): the
   * Tekton name of the producer and the output. kfp-tekton's graph params are the caller's
   * PipelineParams, so tasks reading them list the producer's artifact as an input artifact.
   */
  paramProducer(param: ParamModel): { readonly task: string; readonly output: string } | undefined {
    for (let l: ScopeLowering | undefined = this; l; l = l.outer) {
      const instance = l.instance;
      if (!instance || l.scope.params.get(param.name) !== param) continue;
      const args = isObject(instance.call.spec.arguments) ? instance.call.spec.arguments : {};
      const ref = Object.hasOwn(args, param.name) ? singleReference(args[param.name]) : undefined;
      const resolved = ref ? resolveReference(this.ctx.model, instance.call, ref) : undefined;
      if (!resolved || isResolveError(resolved)) return undefined;
      if (resolved.kind === 'output') return { task: instance.parent.taskName(resolved.task.name), output: resolved.output.name };
      return resolved.kind === 'param' ? instance.parent.paramProducer(resolved.param) : undefined;
    }
    return undefined;
  }

  /**
   * For a graph param whose call binds it (directly, or through params of enclosing instances) to
   * one task output that travels by workspace: the producer's Tekton name, the output, and the
   * expression in this pipeline of the producer's task run name, passed into each instance (and
   * loop body) as `<producer>-taskrun-name`, as kfp-tekton passes it into loops. Undefined through
   * a recursive graph (see DataPassingPlan).
   */
  paramOutputFile(param: ParamModel): { readonly task: string; readonly output: string; readonly taskRunName: string } | undefined {
    let outer: { readonly task: string; readonly output: string; readonly taskRunName: string } | undefined;
    if (this.enclosing) outer = this.enclosing.parent.paramOutputFile(param);
    else {
      const instance = this.instance;
      if (!instance || this.scope.params.get(param.name) !== param || this.ctx.dataPassing.recursiveGraphs.has(this.scope.name)) return undefined;
      if (!instance.read.includes(param.name)) instance.read.push(param.name);
      const args = isObject(instance.call.spec.arguments) ? instance.call.spec.arguments : {};
      const ref = Object.hasOwn(args, param.name) ? singleReference(args[param.name]) : undefined;
      const resolved = ref ? resolveReference(this.ctx.model, instance.call, ref) : undefined;
      if (!resolved || isResolveError(resolved)) return undefined;
      if (resolved.kind === 'output' && resolved.task.kind === 'task' && this.ctx.dataPassing.travelsByWorkspace(resolved.task, resolved.output.name)) {
        const producer = resolved.task;
        outer = { task: instance.parent.taskName(producer.name), output: resolved.output.name, taskRunName: instance.parent.outputValue(producer, 'taskrun-name') };
      } else if (resolved.kind === 'param') outer = instance.parent.paramOutputFile(resolved.param);
    }
    if (!outer) return undefined;
    const { taskRunName } = outer;
    return { ...outer, taskRunName: this.imported(`taskrun-name-of:${outer.task}`, paramName(`${outer.task}-taskrun-name`), () => taskRunName) };
  }

  /** The expression, in this pipeline, of result `result` of the task lowered from `task`. */
  outputValue(task: NodeModel, result: string): string {
    const name = this.taskName(task.name);
    if (!this.enclosing || this.contains(task)) return `$(tasks.${name}.results.${result})`;
    const { parent } = this.enclosing;
    return this.imported(`output:${task.name}:${result}`, paramName(`${name}-${result}`), () => parent.outputValue(task, result));
  }

  /**
   * The expression, in this pipeline, of the status of `task` (the aggregate status of the DAG's
   * tasks without one): Tekton's `$(tasks.T.status)` for a finally task of the run; a loop body in
   * finally, which Tekton never substitutes, imports it from the pipeline that holds it.
   */
  statusValue(task: NodeModel | undefined): string {
    if (!this.enclosing) return task ? `$(tasks.${this.taskName(task.name)}.status)` : '$(tasks.status)';
    const { parent } = this.enclosing;
    return task
      ? this.imported(`status:${task.name}`, paramName(`${this.taskName(task.name)}-status`), () => parent.statusValue(task))
      : this.imported('status:', 'status', () => parent.statusValue(undefined));
  }

  /** The expression, in this pipeline, of the item (or a field of it) or index of an enclosing loop. */
  loopValue(loop: LoopNode, what: 'item' | 'index', path: readonly string[]): string {
    if (!this.enclosing) throw new Error(`loop '${loop.name}' is not lowered in this scope`);
    if (this.enclosing.loop === loop && this.itemBinding) return this.itemBinding(what, path);
    const { parent } = this.enclosing;
    return this.imported(`loop:${loop.name}:${what}:${path.join('.')}`, paramName([loop.name, what, ...path].join('-')), () => parent.loopValue(loop, what, path));
  }

  /** Reserves a param name of this pipeline (the loop's own params), unique among its params. */
  declareParam(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.paramNames.has(name); i++) name = `${wanted}-${i}`;
    this.paramNames.add(name);
    return name;
  }

  /**
   * A param of this loop body (or graph instance) bound to a value from outside: declared once per
   * key. An outer value that is itself a param keeps its name, and a task result is named
   * `<task>-<result>`, so one value has one name at every depth (kfp-tekton names a graph's params
   * after the values they are bound to, and recursive calls pass them by these names).
   */
  private imported(key: string, wanted: string, outer: () => string): string {
    let name = this.importKeys.get(key);
    if (name === undefined) {
      const value = outer();
      const passthrough = /^\$\(params\.([^)]+)\)$/.exec(value);
      const result = /^\$\(tasks\.([^.)]+)\.results\.([^.)]+)\)$/.exec(value);
      name = this.declareParam(passthrough ? passthrough[1]! : result ? paramName(`${result[1]}-${result[2]}`) : wanted);
      this.importKeys.set(key, name);
      this.imports.push({ name, value });
    }
    return `$(params.${name})`;
  }

  /**
   * Tekton names of a node's own `after`, merged with the frame's; `also` names more nodes it runs
   * after (the producers of arguments its implementation does not read, see unusedArguments).
   */
  runAfterOf(node: NodeModel, frame: Frame, also: readonly string[] = NO_NAMES): string[] {
    const sequenced = node.kind === 'task' && hasAfterAny(node);
    if (node.after.length === 0 && also.length === 0 && !sequenced && frame.runAfter.length === 0) return NO_NAMES as string[];
    const own = (also.length ? [...node.after, ...also] : node.after).flatMap((a) => this.dependencyNames(a));
    const sequencer = sequenced ? [this.sequencerName(node as TaskNode)] : [];
    return [...new Set([...frame.runAfter, ...own, ...sequencer])];
  }
}

/**
 * The scope's nodes, each before its children (tasks, then finally): the order names are given in.
 * An explicit stack, not a recursive generator: this runs over every node of the spec.
 */
/** Shared by the tasks that run after nothing (the IR is immutable). */
const NO_NAMES: readonly string[] = Object.freeze([]);

function nodesInOrder(scope: ScopeModel): NodeModel[] {
  const out: NodeModel[] = [];
  const pending: NodeModel[] = [];
  for (const roots of [scope.finally, scope.tasks]) for (let i = roots.length - 1; i >= 0; i--) pending.push(roots[i]!);
  while (pending.length > 0) {
    const node = pending.pop()!;
    out.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
  return out;
}

/**
 * The Tekton tasks standing for a node (`names`), and the nodes met outside this loop body on the
 * way (`outside`, in the order met), which the loop task runs after.
 */
interface Representatives {
  readonly names: string[];
  readonly outside: string[];
}

const emptyRepresentatives = (): Representatives => ({ names: [], outside: [] });

/** Appends one by one: a spread into push() of a long chain's names would exceed the argument limit. */
function appendAll(into: Representatives, more: Representatives): void {
  for (const name of more.names) into.names.push(name);
  for (const name of more.outside) into.outside.push(name);
}
