/**
 * GuardedRecursion: a graph that calls itself — directly, or through other graphs — does so under
 * a condition somewhere along the cycle. Each recursive call starts a new PipelineLoop run;
 * without a condition nothing ends the recursion, and the runs pile up until the cluster (or a
 * timeout) stops them. A call is guarded when it is inside an `if`, or when it reads an output of
 * (or runs after) a guarded node of its graph: Tekton skips a task that reads a result of a
 * skipped task, and kft copies guards along `after` (the advanced guide's Condition DSL).
 */
import { graphsOnCycles } from '../../model/callCycles.js';
import { referencesIn } from '../../model/references.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, ancestors, type GraphCallNode, type NodeModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function GuardedRecursion({ model, report }: RuleContext): void {
  // Calls that always run when their graph runs: not under a condition of their graph.
  const unguarded = new Map<string, GraphCallNode[]>();
  for (const graph of model.graphs.values()) {
    const calls = [...allNodes(graph)].filter((n): n is GraphCallNode => n.kind === 'graphCall' && model.graphs.has(n.spec.graph));
    unguarded.set(graph.name, calls.filter((call) => !isGuarded(call)));
  }
  const reported = new Set<GraphCallNode>();
  // Only graphs on a cycle of unguarded calls can start one: one walk per graph of a long acyclic
  // chain would be quadratic (a chain of 5,000 graphs took ~25 million steps).
  const onSomeCycle = graphsOnCycles(unguarded.keys(), (graph) => (unguarded.get(graph) ?? []).map((call) => call.spec.graph));
  for (const start of model.graphs.keys()) {
    if (!onSomeCycle.has(start)) continue;
    const path = cycleFrom(start, unguarded);
    if (!path || reported.has(path[path.length - 1]!)) continue;
    const closing = path[path.length - 1]!;
    for (const call of path) reported.add(call);
    const chain = [start, ...path.map((call) => call.spec.graph)].join(' → ');
    report({
      code: 'unguarded-recursion',
      message: `graph '${closing.scope.name}' calls '${closing.spec.graph}' recursively with no condition on the way (${chain}): the recursion never ends`,
      hint: `Put '${closing.name}' (or another call of the cycle) under an if that eventually becomes false.`,
      doc: model.doc,
      pointer: closing.pointer,
      atKey: true,
    });
  }
}

/**
 * Unguarded calls leading from graph `start` back to `start`, if any (depth first, in document
 * order). The walk keeps its own stack: a chain of thousands of graphs must not exhaust the call stack.
 */
function cycleFrom(start: string, unguarded: ReadonlyMap<string, readonly GraphCallNode[]>): GraphCallNode[] | undefined {
  const seen = new Set<string>();
  const path: GraphCallNode[] = [];
  const frames = [{ calls: unguarded.get(start) ?? [], next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next === frame.calls.length) {
      frames.pop();
      path.pop();
      continue;
    }
    const call = frame.calls[frame.next++]!;
    if (call.spec.graph === start) return [...path, call];
    if (seen.has(call.spec.graph)) continue;
    seen.add(call.spec.graph);
    path.push(call);
    frames.push({ calls: unguarded.get(call.spec.graph) ?? [], next: 0 });
  }
  return undefined;
}

/**
 * True when `node` runs only if some condition of its graph held (see the header): when a node it
 * depends on, directly or transitively, sits in a condition. A worklist, not recursion, follows the
 * dependencies (a chain of thousands of tasks must not exhaust the call stack).
 */
function isGuarded(node: NodeModel): boolean {
  const seen = new Set<NodeModel>([node]);
  const work = [node];
  for (let current = work.pop(); current; current = work.pop()) {
    if ([...ancestors(current)].some((group) => group.kind === 'condition')) return true;
    for (const name of dependencyNames(current)) {
      const target = node.scope.nodes.get(name);
      if (target === undefined || seen.has(target)) continue;
      seen.add(target);
      work.push(target);
    }
  }
  return false;
}

/** Names a node depends on: the `after` of it and its groups, and the tasks whose outputs they read. */
function dependencyNames(node: NodeModel): string[] {
  const names: string[] = [];
  for (const holder of [node, ...ancestors(node)]) {
    names.push(...holder.after);
    for (const site of referenceSites(holder)) {
      for (const part of referencesIn(site.value)) if (part.ref.kind === 'output') names.push(part.ref.task);
    }
  }
  return names;
}
