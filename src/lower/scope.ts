/**
 * Lowering of one scope (the pipeline, or a graph instance): assigns Tekton names to the scope's
 * nodes, dispatches each node to the visitor of its kind, and collects the resulting pipeline
 * tasks. Enclosing groups pass a Frame down: the guards and dependencies their tasks inherit.
 */
import { referencesIn } from '../model/references.js';
import { childrenOf, type ConditionNode, type LoopNode, type NodeModel, type ScopeModel } from '../model/specModel.js';
import { conditionMode } from './conditionMode.js';
import { propagateGuards } from './guards.js';
import type { LowerContext } from './context.js';
import type { ParamSpecIR, PipelineTaskIR, WhenIR } from './ir.js';
import { dnsLabel, NameAllocator } from './names.js';
import { visitors } from './visitors/index.js';

export interface Frame {
  /** `when` expressions every task in this frame carries (from enclosing conditions). */
  readonly when: readonly WhenIR[];
  /** Tekton task names every task in this frame runs after (from enclosing groups' `after`). */
  readonly runAfter: readonly string[];
  /** True inside an exit handler's onExit or the pipeline's finally. */
  readonly finally: boolean;
}

export const rootFrame: Frame = { when: [], runAfter: [], finally: false };

export class ScopeLowering {
  readonly tasks: PipelineTaskIR[] = [];
  readonly finallyTasks: PipelineTaskIR[] = [];
  readonly params: ParamSpecIR[] = [];
  private readonly names = new Map<string, string>();
  readonly allocator = new NameAllocator();

  constructor(
    readonly ctx: LowerContext,
    readonly scope: ScopeModel,
    /** Prefix of task names (graph instances), empty for the pipeline. */
    readonly prefix = '',
  ) {
    for (const node of walk([...scope.tasks, ...scope.finally])) {
      this.names.set(node.name, this.allocator.allocate(dnsLabel(prefix + node.name)));
    }
  }

  /** The Tekton name of a node of this scope. */
  taskName(specName: string): string {
    return this.names.get(specName) ?? dnsLabel(this.prefix + specName);
  }

  /** The Tekton tasks that stand for a node when something runs after it (a group: its tasks). */
  dependencyNames(specName: string): string[] {
    const node = this.scope.nodes.get(specName);
    if (!node) return [];
    switch (node.kind) {
      case 'condition':
        return this.conditionDependencyNames(node);
      case 'exitHandler':
        return childrenOf(node).flatMap((child) => this.dependencyNames(child.name));
      default:
        return [this.taskName(node.name)];
    }
  }

  /**
   * Running after a condition group means running after its evaluation, as kfp-tekton does
   * (runAfter the condition task): such a task runs whether the comparison held or not. With a
   * direct `when` there is no condition task; the evaluation's inputs stand for it: the tasks whose
   * outputs the comparison reads, the group's own `after`, and so on for enclosing conditions.
   */
  private conditionDependencyNames(node: ConditionNode): string[] {
    if (conditionMode(node, this.ctx.options) === 'task') return [this.taskName(node.name)];
    const producers = [...referencesIn(node.spec.if)].flatMap((part) => (part.ref.kind === 'output' && this.scope.nodes.has(part.ref.task) ? [this.taskName(part.ref.task)] : []));
    const own = node.after.flatMap((a) => this.dependencyNames(a));
    const outer = node.parent?.kind === 'condition' ? this.conditionDependencyNames(node.parent) : [];
    return [...new Set([...outer, ...producers, ...own])];
  }

  /** The pipeline's tasks, once all nodes are lowered: guards propagated along runAfter. */
  finishedTasks(): PipelineTaskIR[] {
    return propagateGuards(this.tasks);
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

  /**
   * The expression a task inside `loop` uses for its item (or a field of it) or index. The loop
   * visitor lowers a loop body with a ScopeLowering whose `loopBindings` it fills.
   */
  loopValue(loop: LoopNode, what: 'item' | 'index', path: readonly string[]): string {
    const binding = this.loopBindings.get(loop.name);
    if (binding) return binding(what, path);
    throw new Error(`loop '${loop.name}' is not lowered in this scope`);
  }

  readonly loopBindings = new Map<string, (what: 'item' | 'index', path: readonly string[]) => string>();

  /** Tekton names of a node's own `after`, merged with the frame's. */
  runAfterOf(node: NodeModel, frame: Frame): string[] {
    const own = node.after.flatMap((a) => this.dependencyNames(a));
    return [...new Set([...frame.runAfter, ...own])];
  }
}

function* walk(nodes: readonly NodeModel[]): Generator<NodeModel> {
  for (const node of nodes) {
    yield node;
    yield* walk(childrenOf(node));
  }
}
