/**
 * What a place in a spec (a path of keys) is in the model: which scope (the pipeline or a graph),
 * which task or group, which inline component, and the field below it. Read from the path's
 * structure, so a task being typed that the model does not have yet still has its scope and the
 * groups around it.
 */
import { allNodes, allScopes, type ComponentModel, type NodeModel, type ScopeModel, type Section, type SpecModel } from '../model/specModel.js';
import { pointerOf, type Pointer } from '../parse/pointer.js';
import type { Segment } from './cursor.js';

export interface Place {
  /** The scope the path lies in (undefined outside tasks, e.g. under spec.components). */
  readonly scope?: ScopeModel;
  /** The path of the innermost task or group the path lies in (as written; it may not be in the model). */
  readonly nodePath?: readonly Segment[];
  /** That node, if the model has it; else the innermost enclosing node that it has. */
  readonly node?: NodeModel;
  /** Whether `node` is the node at `nodePath` itself (not an enclosing one). */
  readonly exact: boolean;
  readonly section: Section;
  /** The path below the node (or below the component, or the whole path). */
  readonly field: readonly Segment[];
  /** An inline component the path lies in (spec.components.NAME...). */
  readonly componentName?: string;
}

const SECTIONS = new Set(['tasks', 'finally', 'onExit']);

export function placeOf(model: SpecModel | undefined, path: readonly Segment[]): Place {
  if (path[0] !== 'spec') return { exact: false, section: 'tasks', field: path };
  if (path[1] === 'components' && typeof path[2] === 'string') return { exact: false, section: 'tasks', field: path.slice(3), componentName: path[2] };
  let i = 1;
  let scope = model?.pipeline;
  if (path[1] === 'graphs') {
    if (typeof path[2] !== 'string') return { exact: false, section: 'tasks', field: path.slice(1) };
    scope = model?.graphs.get(path[2]);
    i = 3;
  }
  let section: Section = 'tasks';
  let nodeEnd = -1;
  const ends: number[] = [];
  while (typeof path[i] === 'string' && SECTIONS.has(path[i] as string) && typeof path[i + 1] === 'string') {
    if (path[i] === 'onExit') section = 'onExit';
    else if (path[i] === 'finally' && ends.length === 0) section = 'finally';
    nodeEnd = i + 2;
    ends.push(nodeEnd);
    i += 2;
  }
  if (nodeEnd < 0) return { scope, exact: false, section, field: path.slice(i) };
  const index = model ? nodesByPointer(model) : undefined;
  let node: NodeModel | undefined;
  let exact = false;
  for (let k = ends.length - 1; k >= 0 && !node; k--) {
    node = index?.get(pointerOf(path.slice(0, ends[k]!)));
    exact = node !== undefined && k === ends.length - 1;
  }
  return { scope: node?.scope ?? scope, nodePath: path.slice(0, nodeEnd), node, exact, section, field: path.slice(nodeEnd) };
}

const indexes = new WeakMap<SpecModel, Map<Pointer, NodeModel>>();

/** Every node of the model by its pointer. */
export function nodesByPointer(model: SpecModel): Map<Pointer, NodeModel> {
  let index = indexes.get(model);
  if (!index) {
    index = new Map();
    for (const scope of allScopes(model)) for (const node of allNodes(scope)) if (!index.has(node.pointer)) index.set(node.pointer, node);
    indexes.set(model, index);
  }
  return index;
}

/** The component a task node runs, if the model knows it. */
export function componentOf(model: SpecModel, node: NodeModel | undefined): ComponentModel | undefined {
  return node?.kind === 'task' && typeof node.spec.component === 'string' ? model.components.get(node.spec.component) : undefined;
}
