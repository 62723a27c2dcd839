/**
 * NoCycles: the dependencies of a pipeline (or graph) form no cycle. A node depends on the names in
 * its `after` and in the `after` of its enclosing groups, and on the tasks whose outputs it
 * references; depending on a group means depending on everything inside it. Tekton rejects
 * cyclic pipelines at admission.
 */
import { referencesIn } from '../../model/references.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes, ancestors, childrenOf, type ScopeModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function NoCycles({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    const cycle = findCycle(scope);
    if (!cycle) continue;
    const first = scope.nodes.get(cycle[0]!)!;
    report({
      code: 'dependency-cycle',
      message: `dependency cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      hint: 'Remove one of these dependencies (after, or an output reference).',
      doc: model.doc,
      pointer: first.pointer,
      atKey: true,
    });
  }
}

function findCycle(scope: ScopeModel): string[] | undefined {
  const deps = new Map<string, Set<string>>();
  const expand = (name: string, into: Set<string>) => {
    const target = scope.nodes.get(name);
    if (!target) return;
    into.add(name);
    for (const child of childrenOf(target)) expand(child.name, into);
  };
  for (const node of allNodes(scope)) {
    const set = new Set<string>();
    for (const holder of [node, ...ancestors(node)]) for (const a of holder.after) expand(a, set);
    for (const site of referenceSites(node)) {
      for (const part of referencesIn(site.value)) if (part.ref.kind === 'output') set.add(part.ref.task);
    }
    set.delete(node.name);
    deps.set(node.name, set);
  }
  return firstCycle(deps);
}

/**
 * The first cycle a depth-first walk meets, in document order. The walk keeps its own stack instead
 * of recursing: a chain of tens of thousands of tasks would otherwise exhaust the call stack.
 */
function firstCycle(deps: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const pending: Iterator<string>[] = [];
  const enter = (name: string) => {
    state.set(name, 'active');
    path.push(name);
    pending.push(deps.get(name)!.values());
  };
  for (const root of deps.keys()) {
    if (state.has(root)) continue;
    enter(root);
    while (pending.length > 0) {
      const next = pending[pending.length - 1]!.next();
      if (next.done) {
        pending.pop();
        state.set(path.pop()!, 'done');
        continue;
      }
      const dep = next.value;
      if (!deps.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'active') return path.slice(path.indexOf(dep));
      if (s === undefined) enter(dep);
    }
  }
  return undefined;
}
