/**
 * The task graph of a spec as plain data, for the renderers: tasks, graph calls, breaks and
 * standalone any-sequencers are nodes, groups (conditions, loops, exit handlers, custom groups)
 * are clusters holding their children, and edges come from `after`, `afterAny`/`anySequencer`
 * (labelled any: the tasks they watch and the outputs their conditions read), `pvolumes`
 * (labelled with the mount path) and `{{tasks.T.outputs.O}}` references (labelled with O). An edge
 * is a dependency of the build exactly when it is not labelled any (test/graph/taskGraph.test.ts).
 * Graph definitions (spec.graphs) become clusters of their own after the pipeline. A task that runs
 * a KFP graph component is a cluster of the tasks it is inlined as: its `after` enters the cluster
 * (every one of them waits), the references it passes on enter the inlined tasks that read them, and
 * a reference to one of its outputs leaves the inlined task that produces it.
 */
import { templateMeaning } from '../model/nodeReferences.js';
import { referenceSites } from '../model/referenceSites.js';
import { isResolveError, producerOf } from '../model/resolve.js';
import {
  isObject, type AnySequencerNode, type BreakNode, type GraphCallNode, type GroupNode, type NodeModel, type ScopeModel, type SpecModel, type TaskNode,
} from '../model/specModel.js';

export type Marker = 'finally' | 'onExit';

export interface GraphNode {
  readonly type: 'node';
  readonly id: string;
  /** The node's name in its scope (the pipeline, or the graph whose cluster holds it). */
  readonly name: string;
  readonly label: string;
  readonly marker?: Marker;
}

export interface GraphCluster {
  readonly type: 'cluster';
  readonly id: string;
  /** The group's name in its scope, or the graph's name for a graph definition. */
  readonly name: string;
  readonly label: string;
  /** `graphComponent`: a task running a KFP graph component, holding the tasks it is inlined as. */
  readonly kind: GroupNode['kind'] | 'graph' | 'graphComponent';
  readonly children: GraphItem[];
}

export type GraphItem = GraphNode | GraphCluster;

export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  /** The output passed along the edge; absent for plain ordering (`after`). */
  readonly label?: string;
}

export interface TaskGraph {
  readonly name: string;
  readonly items: GraphItem[];
  readonly edges: GraphEdge[];
}

export function taskGraph(model: SpecModel): TaskGraph {
  const ids = new IdAllocator();
  const items: GraphItem[] = [];
  const edges: GraphEdge[] = [];
  addScope(model, model.pipeline, items, edges, ids);
  for (const graph of model.graphs.values()) {
    const children: GraphItem[] = [];
    addScope(model, graph, children, edges, ids);
    items.push({ type: 'cluster', id: ids.next('graph', graph), name: graph.name, label: `graph ${graph.name}`, kind: 'graph', children });
  }
  return { name: model.name, items, edges: dedupe(edges) };
}

function addScope(model: SpecModel, scope: ScopeModel, items: GraphItem[], edges: GraphEdge[], ids: IdAllocator): void {
  const idOf = (name: string) => {
    const node = scope.nodes.get(name);
    return node ? ids.of(node) : undefined;
  };
  const visit = (nodes: readonly NodeModel[], into: GraphItem[], marker?: Marker) => {
    for (const node of nodes) {
      const id = ids.of(node);
      const mark = node.section === 'finally' ? 'finally' : node.section === 'onExit' ? 'onExit' : marker;
      if (node.kind === 'task' && node.expansion) {
        const children: GraphItem[] = [];
        visit(node.expansion.children, children, mark);
        into.push({ type: 'cluster', id, name: node.name, label: `${node.name} (graph component ${componentLabel(model, node.spec.component)})`, kind: 'graphComponent', children });
      } else if (node.kind === 'task' || node.kind === 'graphCall' || node.kind === 'break' || node.kind === 'anySequencer') {
        into.push({ type: 'node', id, name: node.name, label: leafLabel(node), ...(mark ? { marker: mark } : {}) });
      } else {
        const children: GraphItem[] = [];
        if (node.kind === 'exitHandler') {
          visit(node.children, children);
          visit(node.onExit, children, 'onExit');
        } else visit(node.children, children, mark);
        into.push({ type: 'cluster', id, name: node.name, label: groupLabel(node), kind: node.kind, children });
      }
      for (const edge of dependenciesOf(model, node)) {
        const from = idOf(edge.task);
        if (from !== undefined && from !== id) edges.push({ from, to: id, ...(edge.label ? { label: edge.label } : {}) });
      }
    }
  };
  visit(scope.tasks, items);
  visit(scope.finally, items);
}

function* dependenciesOf(model: SpecModel, node: NodeModel): Generator<{ task: string; label?: string }> {
  // An inlined task's `after` is the one of the task that runs its graph, drawn into that cluster.
  const inlined = node.kind === 'task' && node.expandedFrom !== undefined;
  if (!inlined) for (const name of node.after) yield { task: name };
  // What a task running a graph component passes on, the inlined tasks that read it show.
  if (node.kind === 'task' && node.expansion) return;
  const raw = node.spec as unknown as Record<string, unknown>;
  const watched = isObject(raw.afterAny) ? raw.afterAny : isObject(raw.anySequencer) ? raw.anySequencer : undefined;
  if (watched && Array.isArray(watched.tasks)) {
    for (const task of watched.tasks) if (typeof task === 'string') yield { task, label: 'any' };
  }
  // The sequencer polls what its conditions read: like its tasks, those are no dependencies.
  const anyConditions = `${node.pointer}/${node.kind === 'anySequencer' ? 'anySequencer' : 'afterAny'}/`;
  for (const site of referenceSites(node)) {
    const any = site.pointer.startsWith(anyConditions);
    for (const { part, resolution } of templateMeaning(model, node, site.value as string).refs) {
      if (part.ref.kind !== 'output') continue;
      // An output of a task that runs a graph component comes from the inlined task producing it.
      const target = node.scope.nodes.get(part.ref.task);
      const producer = target?.kind === 'task' && target.expansion && !isResolveError(resolution) ? producerOf(resolution) : undefined;
      yield { task: producer?.name ?? part.ref.task, label: any ? 'any' : part.ref.output };
    }
  }
  // A task mounting a volume task's claim reads the claim's name, a result of the volume task.
  const pvolumes = node.kind === 'task' && isObject(node.spec.pvolumes) ? node.spec.pvolumes : undefined;
  if (pvolumes) for (const [path, task] of Object.entries(pvolumes)) if (typeof task === 'string') yield { task, label: path };
}

function leafLabel(node: TaskNode | GraphCallNode | BreakNode | AnySequencerNode): string {
  switch (node.kind) {
    case 'graphCall':
      return `${node.name}\n(graph ${node.spec.graph})`;
    case 'break':
      return `${node.name}\n(break)`;
    case 'anySequencer':
      return `${node.name}\n(any-sequencer)`;
    case 'task':
      return node.name;
  }
}

/** A component as the spec names it, or, read by URL or inline, by its own name (else its key). */
function componentLabel(model: SpecModel, key: string): string {
  const name = model.components.get(key)?.spec.name;
  return model.declaredComponents.has(key) || typeof name !== 'string' ? key : name;
}

/** A short human label for a group: what decides whether, or how often, its tasks run. */
export function groupLabel(node: GroupNode): string {
  switch (node.kind) {
    case 'condition':
      return `if ${comparison(node.spec.if)}`;
    case 'loop':
      return loopLabel(node.spec.loop as unknown, node.spec.parallelism) + ` (${node.name})`;
    case 'exitHandler':
      return `exit handler (${node.name})`;
    case 'customGroup':
      return `group ${isObject(node.spec.group) ? String(node.spec.group.kind) : ''} (${node.name})`;
  }
}

function comparison(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isObject(value)) return `${String(value.left)} ${String(value.operator)} ${String(value.right)}`;
  return '?';
}

function loopLabel(source: unknown, parallelism: number | undefined): string {
  const at = parallelism ? `, ${parallelism} at a time` : '';
  if (!isObject(source)) return `loop${at}`;
  if (Array.isArray(source.items)) return `for each of ${truncate(`[${source.items.map(plain).join(', ')}]`, 48)}${at}`;
  if (typeof source.from === 'string') return `for each item of ${source.from}${at}`;
  if (isObject(source.range)) {
    const r = source.range;
    return `for i in ${String(r.start ?? 0)}..${String(r.end)}${r.step !== undefined ? ` step ${String(r.step)}` : ''}${at}`;
  }
  if (isObject(source.split)) return `for each of ${String(source.split.value)} split by '${String(source.split.separator)}'${at}`;
  return `loop${at}`;
}

/** A value as a label shows it: YAML-like flow style without quotes. */
function plain(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(plain).join(', ')}]`;
  if (isObject(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${plain(v)}`).join(', ')}}`;
  return String(value);
}

const truncate = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function dedupe(edges: readonly GraphEdge[]): GraphEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.label ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Stable ids (n0, n1, ...) in document order, so renderings diff well. */
class IdAllocator {
  private readonly ids = new Map<object, string>();
  private count = 0;
  of(node: NodeModel): string {
    return this.next('n', node);
  }
  next(prefix: string, key: object): string {
    let id = this.ids.get(key);
    if (!id) {
      id = `${prefix}${this.count++}`;
      this.ids.set(key, id);
    }
    return id;
  }
}
