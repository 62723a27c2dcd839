/**
 * NoCycles: the dependencies of a pipeline (or graph) form no cycle. A node depends on the names in
 * its `after` and in the `after` of its enclosing groups, on its enclosing conditions, on the
 * tasks whose outputs it references (its own too) and the volume tasks it mounts (`pvolumes`); depending on a group means depending on
 * everything inside it. Tekton rejects
 * cyclic pipelines at admission.
 */
import { templateMeaning, type TemplateMeaning } from '../../model/nodeReferences.js';
import { isResolveError, producerOf } from '../../model/resolve.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes, childrenOf, isObject, type NodeModel, type ScopeModel, type SpecModel } from '../../model/specModel.js';
import type { RuleContext } from '../ruleContext.js';

export function NoCycles({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    const cycle = findCycle(model, scope);
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

/** Shared by every node that depends on nothing (most tasks of most pipelines). */
const NO_DEPENDENCIES: ReadonlySet<string> = new Set();

/**
 * Only nodes that depend on something enter the map: a node without dependencies is on no cycle,
 * and the walk treats a name missing from the map like one that depends on nothing. With unique
 * names (duplicates are UniqueNames' error) leaving them out changes nothing but the work: most
 * tasks of most pipelines depend on nothing. Indexed loops: on a cold run a for-of costs an
 * iterator per node.
 */
function findCycle(model: SpecModel, scope: ScopeModel): string[] | undefined {
  const deps = new Map<string, ReadonlySet<string>>();
  const everyNode = scope.duplicates.length > 0;
  const nodes = allNodes(scope);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const set = dependenciesOf(model, scope, node);
    if (set !== undefined && set.size > 0) deps.set(node.name, set);
    else if (everyNode) deps.set(node.name, NO_DEPENDENCIES);
  }
  return deps.size === 0 ? undefined : firstCycle(deps);
}

/**
 * The names `node` depends on, in the order the walk visits them; undefined when none. A task that
 * runs a graph component depends on nothing itself: its inlined tasks carry its arguments and
 * `after`, and reading its output depends on the inlined task that produces it.
 */
function dependenciesOf(model: SpecModel, scope: ScopeModel, node: NodeModel): Set<string> | undefined {
  if (node.kind === 'task' && node.expansion) return undefined;
  let set: Set<string> | undefined;
  for (let holder: NodeModel | undefined = node; holder; holder = holder.parent) {
    const after = holder.after;
    for (let i = 0; i < after.length; i++) expand(scope, after[i]!, (set ??= new Set()));
    // The nodes of a condition run once it has been evaluated (its condition task, or the
    // results its direct `when` reads): they depend on what the condition reads.
    if (holder !== node && holder.kind === 'condition') (set ??= new Set()).add(holder.name);
  }
  // Mounting a volume task's PVC reads its `name` result.
  if (node.kind === 'task' && isObject(node.spec.pvolumes)) {
    for (const target of Object.values(node.spec.pvolumes)) if (typeof target === 'string' && target !== node.name && scope.nodes.has(target)) (set ??= new Set()).add(target);
  }
  const sites = referenceSites(node);
  let readsItself = false;
  for (let i = 0; i < sites.length; i++) {
    const text = sites[i]!.value as string;
    // Only {{tasks.T.outputs.O}} names a task, and it is spelled with 'tasks.': a string without it
    // need not be looked up again (most argument strings read params).
    if (!text.includes('tasks.')) continue;
    const meaning = templateMeaning(model, node, text);
    const tasks = meaning.outputTasks;
    for (let j = 0; j < tasks.length; j++) {
      const target = scope.nodes.get(tasks[j]!);
      if (target?.kind === 'task' && target.expansion) addProducers(meaning, tasks[j]!, (set ??= new Set()));
      else if (tasks[j] === node.name) readsItself = true;
      else (set ??= new Set()).add(tasks[j]!);
    }
  }
  set?.delete(node.name);
  // A task reading its own output waits for itself: a cycle of one (only `after` through the
  // node's own groups names the node without meaning a dependency).
  if (readsItself) (set ??= new Set()).add(node.name);
  return set;
}

/** The inlined tasks that produce the outputs `meaning` reads of `call`, a task running a graph component. */
function addProducers(meaning: TemplateMeaning, call: string, into: Set<string>): void {
  for (const { part, resolution } of meaning.refs) {
    if (part.ref.kind !== 'output' || part.ref.task !== call || isResolveError(resolution)) continue;
    const producer = producerOf(resolution);
    if (producer) into.add(producer.name);
  }
}

/** Depending on a group means depending on everything inside it. */
function expand(scope: ScopeModel, name: string, into: Set<string>): void {
  const target = scope.nodes.get(name);
  if (!target) return;
  into.add(name);
  for (const child of childrenOf(target)) expand(scope, child.name, into);
}

/**
 * The first cycle a depth-first walk meets, in document order. The walk keeps its own stack instead
 * of recursing: a chain of tens of thousands of tasks would otherwise exhaust the call stack. A
 * node without dependencies is on no cycle, so no walk starts there.
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
    if (state.has(root) || deps.get(root)!.size === 0) continue;
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
