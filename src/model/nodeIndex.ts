/**
 * The nodes of a whole spec (the pipeline and every graph) by kind, collected in one walk and kept
 * per model. Most rules look at one kind of node (graph calls, loops, breaks...) or matter only
 * when the spec has such nodes at all. On a cold run every walk over thousands of nodes runs in
 * V8's interpreter, so a rule about loops should cost nothing on a spec without loops.
 */
import { allNodes, allScopes, type NodeKind, type NodeModel, type SpecModel } from './specModel.js';

export type NodeOfKind<K extends NodeKind> = Extract<NodeModel, { readonly kind: K }>;

interface NodeIndex {
  readonly byKind: { readonly [K in NodeKind]: NodeOfKind<K>[] };
  /** Nodes in a finally section (spec.finally, an exit handler's onExit), groups included. */
  finallyCount: number;
}

const indexes = new WeakMap<SpecModel, NodeIndex>();

function indexOf(model: SpecModel): NodeIndex {
  let index = indexes.get(model);
  if (index) return index;
  index = { byKind: { task: [], graphCall: [], break: [], anySequencer: [], condition: [], loop: [], exitHandler: [], customGroup: [] }, finallyCount: 0 };
  const byKind = index.byKind as unknown as Record<NodeKind, NodeModel[]>;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      byKind[node.kind].push(node);
      if (node.section !== 'tasks') index.finallyCount++;
    }
  }
  indexes.set(model, index);
  return index;
}

/** Every node of `kind`: the pipeline's first, then each graph's, in document order (as allNodes). */
export function nodesOfKind<K extends NodeKind>(model: SpecModel, kind: K): readonly NodeOfKind<K>[] {
  return indexOf(model).byKind[kind];
}

/** Whether any node runs in a finally section (spec.finally, or an exit handler's onExit). */
export function hasFinallyNodes(model: SpecModel): boolean {
  return indexOf(model).finallyCount > 0;
}
