/**
 * Which graphs lie on a cycle of calls (a graph that calls itself, directly or through others).
 * Recursion is the one place where a graph call is not expanded inline (it re-runs the enclosing
 * PipelineLoop), so validation, expansion limits and data passing all need this set. Tarjan's
 * algorithm with an explicit stack: linear, and a chain of thousands of graphs cannot exhaust the
 * call stack.
 */
export function graphsOnCycles(graphs: Iterable<string>, callees: (graph: string) => readonly string[]): Set<string> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Set<string>();
  const enter = (graph: string) => {
    index.set(graph, index.size);
    low.set(graph, index.get(graph)!);
    stack.push(graph);
    onStack.add(graph);
    return { graph, targets: callees(graph), next: 0 };
  };
  for (const root of graphs) {
    if (index.has(root)) continue;
    const work = [enter(root)];
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.next < top.targets.length) {
        const target = top.targets[top.next++]!;
        if (!index.has(target)) work.push(enter(target));
        else if (onStack.has(target)) low.set(top.graph, Math.min(low.get(top.graph)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.graph, Math.min(low.get(parent.graph)!, low.get(top.graph)!));
      if (low.get(top.graph) !== index.get(top.graph)) continue;
      const component: string[] = [];
      for (let g = stack.pop()!; ; g = stack.pop()!) {
        onStack.delete(g);
        component.push(g);
        if (g === top.graph) break;
      }
      if (component.length > 1 || top.targets.includes(top.graph)) for (const g of component) result.add(g);
    }
  }
  return result;
}
