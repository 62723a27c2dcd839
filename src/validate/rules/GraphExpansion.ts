/**
 * GraphExpansion: the graph calls of a pipeline, expanded as lowering expands them, nest at most
 * `maxDepth` graph instances deep and yield at most `maxInstances` node instances in all.
 *
 * Lowering copies a called graph's tasks into a PipelineLoop of its own at every call (kfp-tekton
 * inlines graph components the same way), except a call of a graph that encloses it (recursion),
 * which re-invokes the enclosing instance's PipelineLoop by reference. So a chain of thousands of
 * graphs nests thousands of pipelines (and the lowering's recursion would exhaust the call
 * stack), and a graph that calls the next one twice at each level doubles the output per level —
 * YAML's "billion laughs" in graphs. This rule measures the expansion before lowering runs,
 * without performing it: an explicit stack (no recursion proportional to the input) and one
 * memoised count per graph and context, so a million-instance expansion is measured in
 * microseconds. The context is the set of recursive graphs enclosing an instance: it decides
 * which calls inside it are recursive references (a graph on no cycle expands the same everywhere).
 */
import { graphsOnCycles } from '../../model/callCycles.js';
import { allNodes, type GraphCallNode, type ScopeModel, type SpecModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export interface GraphExpansionLimits {
  /** Graph instances nested inside each other (a call from the pipeline's tasks is level 1). */
  readonly maxDepth: number;
  /** Node instances (tasks, groups, calls) of the pipeline and of every expanded graph instance. */
  readonly maxInstances: number;
}

/** Far below the nesting at which lowering would exhaust Node's stack (~3,000), far above real pipelines. */
export const defaultGraphExpansionLimits: GraphExpansionLimits = { maxDepth: 64, maxInstances: 200_000 };

export function GraphExpansion({ model, report }: RuleContext, limits: GraphExpansionLimits = defaultGraphExpansionLimits): void {
  if (model.graphs.size === 0) return;
  const problem = new ExpansionMeasure(model, limits).measure();
  if (!problem) return;
  report({ code: 'graph-expansion-limit', message: problem.message, hint: problem.hint, doc: model.doc, pointer: problem.call.pointer, atKey: true });
}

/** One expansion of a graph in one context: its size and how deep it nests. */
interface Expansion {
  /** Node instances of the graph instance and of everything it expands. */
  readonly instances: number;
  /** Graph-instance levels, counting this one. */
  readonly height: number;
  /** The call leading to the deepest level below, and its expansion (to name the call past the depth limit). */
  readonly deepest?: { readonly call: GraphCallNode; readonly expansion: Expansion };
}

/** A scope being measured: its expanded calls so far. */
interface Frame {
  readonly graph?: string;
  readonly key: string;
  readonly calls: readonly GraphCallNode[];
  next: number;
  instances: number;
  height: number;
  deepest?: Expansion['deepest'];
}

interface Problem {
  readonly call: GraphCallNode;
  readonly message: string;
  readonly hint: string;
}

class ExpansionMeasure {
  private readonly memo = new Map<string, Expansion>();
  private readonly callsOf = new Map<ScopeModel, GraphCallNode[]>();
  private readonly recursive: ReadonlySet<string>;

  constructor(
    private readonly model: SpecModel,
    private readonly limits: GraphExpansionLimits,
  ) {
    this.recursive = graphsOnCycles(model.graphs.keys(), (graph) => this.calls(model.graphs.get(graph)!).map((call) => call.spec.graph));
  }

  measure(): Problem | undefined {
    const frames: Frame[] = [this.frame(this.model.pipeline, undefined, '')];
    for (;;) {
      const frame = frames[frames.length - 1]!;
      if (frame.next === frame.calls.length) {
        frames.pop();
        const parent = frames[frames.length - 1];
        if (!parent) return undefined;
        const expansion: Expansion = { instances: frame.instances, height: frame.height, deepest: frame.deepest };
        this.memo.set(frame.key, expansion);
        const problem = this.add(parent, parent.calls[parent.next++]!, expansion, frames.length);
        if (problem) return problem;
        continue;
      }
      const call = frame.calls[frame.next]!;
      const stack = frames.map((f) => f.graph);
      if (stack.includes(call.spec.graph)) {
        frame.next++; // A recursive reference: the enclosing instance runs again, nothing is copied.
        continue;
      }
      const key = this.keyOf(call.spec.graph, stack);
      const known = this.memo.get(key);
      if (known) {
        const problem = this.add(frame, call, known, frames.length);
        if (problem) return problem;
        frame.next++;
        continue;
      }
      if (frames.length > this.limits.maxDepth) return this.tooDeep(call, frames.length);
      // Every measured context is a distinct instance of the expansion: more contexts than the limit is too many instances.
      if (this.memo.size >= this.limits.maxInstances) return this.tooMany(call, `calls graph '${call.spec.graph}' in yet another context of recursive graphs`);
      frames.push(this.frame(this.model.graphs.get(call.spec.graph)!, call.spec.graph, key));
    }
  }

  /** Adds the expansion of `call` (whose instance is at graph level `level`) to its frame; a problem when a limit is passed. */
  private add(frame: Frame, call: GraphCallNode, expansion: Expansion, level: number): Problem | undefined {
    if (level + expansion.height - 1 > this.limits.maxDepth) return this.deepCall(call, expansion, level);
    frame.instances += expansion.instances;
    if (frame.instances > this.limits.maxInstances) return this.tooMany(call, `adds graph '${call.spec.graph}' with ${count(expansion.instances)}`);
    if (expansion.height + 1 > frame.height) {
      frame.height = expansion.height + 1;
      frame.deepest = { call, expansion };
    }
    return undefined;
  }

  /** `call`, at graph level `level`, leads deeper than the limit: names the call that passes it. */
  private deepCall(call: GraphCallNode, expansion: Expansion, level: number): Problem {
    while (level <= this.limits.maxDepth && expansion.deepest) {
      ({ call, expansion } = expansion.deepest);
      level++;
    }
    return this.tooDeep(call, level);
  }

  private tooDeep(call: GraphCallNode, level: number): Problem {
    return {
      call,
      message: `graph calls nest more than ${this.limits.maxDepth} levels deep: '${call.name}' calls graph '${call.spec.graph}' at level ${level}`,
      hint: 'Every graph call is lowered as a nested pipeline; flatten the chain of graphs (call fewer graphs from inside graphs), or repeat a step with a loop or a recursive graph.',
    };
  }

  private tooMany(call: GraphCallNode, what: string): Problem {
    return {
      call,
      message: `graph calls expand to more than ${count(this.limits.maxInstances)} task instances: '${call.name}' ${what}`,
      hint: 'Every graph call is lowered as a full copy of the graph; call large graphs fewer times (graphs that call other graphs several times multiply), or iterate over one call with a loop.',
    };
  }

  private frame(scope: ScopeModel, graph: string | undefined, key: string): Frame {
    return { graph, key, calls: this.calls(scope), next: 0, instances: allNodes(scope).length, height: 1 };
  }

  /** The memo key of an instance of `graph` under the graphs of `stack`: the enclosing recursive graphs matter only to a recursive graph. */
  private keyOf(graph: string, stack: readonly (string | undefined)[]): string {
    if (!this.recursive.has(graph)) return JSON.stringify([graph]);
    const enclosing = [...new Set(stack.filter((g): g is string => g !== undefined && this.recursive.has(g)))].sort();
    return JSON.stringify([graph, ...enclosing]);
  }

  /** Calls of known graphs in `scope` (unknown ones are KnownGraphs' report), in document order. */
  private calls(scope: ScopeModel): GraphCallNode[] {
    let list = this.callsOf.get(scope);
    if (!list) {
      list = allNodes(scope).filter((n): n is GraphCallNode => n.kind === 'graphCall' && this.model.graphs.has(n.spec.graph));
      this.callsOf.set(scope, list);
    }
    return list;
  }
}

const count = (n: number): string => n.toLocaleString('en-US');
