/**
 * GuardedRecursion: a graph that calls itself — directly, or through other graphs — does so under
 * a condition somewhere along the cycle. Each recursive call starts a new PipelineLoop run;
 * without a condition nothing ends the recursion, and the runs pile up until the cluster (or a
 * timeout) stops them. A call is guarded when it is inside an `if`, or when it reads an output of
 * (or runs after) a guarded node of its graph: Tekton skips a task that reads a result of a
 * skipped task, and kft copies guards along `after` (the advanced guide's Condition DSL).
 */
import { referencesIn } from '../../model/references.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, ancestors, type GraphCallNode, type NodeModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function GuardedRecursion({ model, report }: RuleContext): void {
  // Calls that always run when their graph runs: not under a condition of their graph.
  const unguarded = new Map<string, GraphCallNode[]>();
  for (const graph of model.graphs.values()) {
    const calls = [...allNodes(graph)].filter((n): n is GraphCallNode => n.kind === 'graphCall' && model.graphs.has(n.spec.graph));
    unguarded.set(graph.name, calls.filter((call) => !isGuarded(call, new Set())));
  }
  const reported = new Set<GraphCallNode>();
  for (const start of model.graphs.keys()) {
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

/** Unguarded calls leading from graph `start` back to `start`, if any (depth first, in document order). */
function cycleFrom(start: string, unguarded: ReadonlyMap<string, readonly GraphCallNode[]>): GraphCallNode[] | undefined {
  const seen = new Set<string>();
  const visit = (graph: string, path: GraphCallNode[]): GraphCallNode[] | undefined => {
    for (const call of unguarded.get(graph) ?? []) {
      if (call.spec.graph === start) return [...path, call];
      if (seen.has(call.spec.graph)) continue;
      seen.add(call.spec.graph);
      const found = visit(call.spec.graph, [...path, call]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(start, []);
}

/** True when `node` runs only if some condition of its graph held (see the header). */
function isGuarded(node: NodeModel, visiting: Set<NodeModel>): boolean {
  if (visiting.has(node)) return false;
  visiting.add(node);
  if ([...ancestors(node)].some((group) => group.kind === 'condition')) return true;
  const dependencies = [node, ...ancestors(node)].flatMap((n) => [
    ...n.after,
    ...[...referenceSites(n)].flatMap((site) => [...referencesIn(site.value)].flatMap((part) => (part.ref.kind === 'output' ? [part.ref.task] : []))),
  ]);
  return dependencies.some((name) => {
    const target = node.scope.nodes.get(name);
    return target !== undefined && isGuarded(target, visiting);
  });
}
