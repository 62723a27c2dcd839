/**
 * The spec as the later phases see it: components resolved (inline or from files), every task and
 * group a node with its parent, scope and source position. Built tolerantly, so that rules can
 * still run on the well-formed parts of a spec that has schema errors.
 */
import type { ComponentSpec, InputSpec, OutputSpec } from '../generated/component.js';
import type {
  AnySequencerTask, BreakTask, ConditionGroup, CustomGroup, ExitHandlerGroup, GraphCall, LoopGroup, PipelineConfig, Task,
} from '../generated/pipeline.js';
import type { ParsedSpec } from '../parse/index.js';
import { analyseGraphComponents, expandGraphCall, type ExpandedFrom, type ExpansionContext, type GraphComponentModel, type GraphExpansion, type GraphProblem } from './graphComponents.js';
import { implicitOutputs } from './implicitOutputs.js';
import { kfpBaseType } from './kfpTypes.js';
import { childPointer, type Pointer } from '../parse/pointer.js';
import type { SourceDocument } from '../parse/sourceDocument.js';

export type KfpParamType = 'String' | 'Integer' | 'Float' | 'Boolean' | 'JsonObject' | 'JsonArray';

export interface ParamModel {
  readonly name: string;
  /**
   * The checked KFP base type, or undefined for an untyped parameter and for type names KFP
   * treats as opaque (typing.List[int], a class name, a type with properties).
   */
  readonly type: KfpParamType | undefined;
  /** The type as written (recorded in the pipeline_spec annotation), undefined when untyped. */
  readonly declaredType: unknown;
  readonly default?: unknown;
  readonly hasDefault: boolean;
  readonly optional: boolean;
  readonly description?: string;
  readonly pointer: Pointer;
}

export interface ComponentModel {
  readonly name: string;
  readonly spec: ComponentSpec;
  /** The document that holds the component (the spec, or its component file). */
  readonly doc: SourceDocument;
  /** Where the component starts in `doc`. */
  readonly pointer: Pointer;
  readonly inputs: ReadonlyMap<string, InputSpec>;
  readonly outputs: ReadonlyMap<string, OutputSpec>;
  /** Set when loaded from a file. */
  readonly file?: string;
  /** Set for a component written inline in a graph component's componentRef (`spec`). */
  readonly inlineRef?: boolean;
}

export type Section = 'tasks' | 'finally' | 'onExit';

interface NodeBase {
  readonly name: string;
  readonly pointer: Pointer;
  readonly parent?: GroupNode;
  readonly scope: ScopeModel;
  readonly section: Section;
  readonly after: readonly string[];
}

export interface TaskNode extends NodeBase {
  readonly kind: 'task';
  readonly spec: Task;
  /** For a task whose component is a graph: its inlined tasks (model/graphComponents.ts). */
  readonly expansion?: GraphExpansion;
  /** For an inlined task: the task whose graph component it is part of. */
  readonly expandedFrom?: ExpandedFrom;
}
export interface GraphCallNode extends NodeBase { readonly kind: 'graphCall'; readonly spec: GraphCall }
export interface BreakNode extends NodeBase { readonly kind: 'break'; readonly spec: BreakTask }
/** A standalone any-sequencer: no task waits on it (a task's own one is its `afterAny`). */
export interface AnySequencerNode extends NodeBase { readonly kind: 'anySequencer'; readonly spec: AnySequencerTask }
export interface ConditionNode extends NodeBase { readonly kind: 'condition'; readonly spec: ConditionGroup; readonly children: NodeModel[] }
export interface LoopNode extends NodeBase { readonly kind: 'loop'; readonly spec: LoopGroup; readonly children: NodeModel[] }
export interface ExitHandlerNode extends NodeBase { readonly kind: 'exitHandler'; readonly spec: ExitHandlerGroup; readonly children: NodeModel[]; readonly onExit: NodeModel[] }
export interface CustomGroupNode extends NodeBase { readonly kind: 'customGroup'; readonly spec: CustomGroup; readonly children: NodeModel[] }

export type GroupNode = ConditionNode | LoopNode | ExitHandlerNode | CustomGroupNode;
export type NodeModel = TaskNode | GraphCallNode | BreakNode | AnySequencerNode | GroupNode;
export type NodeKind = NodeModel['kind'];

/** A pipeline or a graph: a namespace of params and task names. */
export interface ScopeModel {
  readonly kind: 'pipeline' | 'graph';
  readonly name: string;
  readonly pointer: Pointer;
  readonly params: ReadonlyMap<string, ParamModel>;
  readonly tasks: NodeModel[];
  readonly finally: NodeModel[];
  /** Every node of the scope, nested ones included, by name. */
  readonly nodes: Map<string, NodeModel>;
  /** Nodes that share a name with an earlier one (reported by a rule). */
  readonly duplicates: NodeModel[];
}

export interface SpecModel {
  readonly doc: SourceDocument;
  readonly name: string;
  readonly description?: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly components: ReadonlyMap<string, ComponentModel>;
  /** Every name declared under spec.components, also those whose file could not be loaded or is invalid. */
  readonly declaredComponents: ReadonlySet<string>;
  /** The graph components among the components, by the same keys. */
  readonly graphComponents: ReadonlyMap<string, GraphComponentModel>;
  /** Problems of inlining graph components for particular tasks (a missing input, the size limit). */
  readonly graphCallProblems: readonly GraphProblem[];
  readonly graphs: ReadonlyMap<string, ScopeModel>;
  readonly pipeline: ScopeModel;
  readonly config: PipelineConfig;
}

const NODE_KINDS: ReadonlyArray<[string, NodeKind]> = [
  ['component', 'task'], ['graph', 'graphCall'], ['if', 'condition'], ['loop', 'loop'], ['onExit', 'exitHandler'], ['group', 'customGroup'], ['break', 'break'], ['anySequencer', 'anySequencer'],
];

/** The kind of a raw node, from its discriminating key. */
export function nodeKindOf(raw: unknown): NodeKind | undefined {
  if (!isObject(raw)) return undefined;
  for (const [key, kind] of NODE_KINDS) if (key in raw) return kind;
  return undefined;
}

export const NODE_KIND_KEYS = NODE_KINDS.map(([key]) => key);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function buildModel(parsed: ParsedSpec): SpecModel | undefined {
  const doc = parsed.spec;
  if (!doc || !isObject(doc.value)) return undefined;
  const root = doc.value;
  const metadata = isObject(root.metadata) ? root.metadata : {};
  const spec = isObject(root.spec) ? root.spec : {};
  const components = buildComponents(doc, spec.components, parsed.componentFiles, parsed.pythonComponents);
  for (const [url, file] of parsed.urlComponents) {
    const component = componentFrom(url, file.value, file, '');
    if (component) components.set(url, component);
  }
  const graphComponents = analyseGraphComponents(components);
  const expandable = new Map([...graphComponents].filter(([, g]) => g.expandable));
  const inlining: ExpansionContext = { graphs: expandable, callProblems: [], doc, inlined: 0 };
  const graphs = new Map<string, ScopeModel>();
  if (isObject(spec.graphs)) {
    for (const [name, graph] of Object.entries(spec.graphs)) {
      if (!isObject(graph)) continue;
      const pointer = childPointer('/spec/graphs', name);
      graphs.set(name, buildScope('graph', name, pointer, graph.params, graph.tasks, undefined, inlining));
    }
  }
  return {
    doc,
    name: typeof metadata.name === 'string' ? metadata.name : 'pipeline',
    description: typeof metadata.description === 'string' ? metadata.description : undefined,
    annotations: stringMap(metadata.annotations),
    labels: stringMap(metadata.labels),
    components,
    declaredComponents: new Set(isObject(spec.components) ? Object.keys(spec.components) : []),
    graphComponents,
    graphCallProblems: inlining.callProblems,
    graphs,
    pipeline: buildScope('pipeline', typeof metadata.name === 'string' ? metadata.name : 'pipeline', '/spec', spec.params, spec.tasks, spec.finally, inlining),
    config: (isObject(spec.config) ? spec.config : {}) as PipelineConfig,
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The model of a component file checked on its own (parseComponent): a pipeline without tasks
 * whose one component is the file, so the component rules run on it as in a spec.
 */
export function buildComponentModel(parsed: ParsedSpec, name: string): SpecModel | undefined {
  const doc = parsed.componentFiles.get(name);
  if (!doc || !isObject(doc.value)) return undefined;
  const components = buildComponents(doc, { [name]: { file: doc.file } }, parsed.componentFiles, parsed.pythonComponents);
  // A graph component is read (its problems reported); with no task it is inlined nowhere.
  const graphComponents = analyseGraphComponents(components);
  return {
    doc,
    name,
    annotations: {},
    labels: {},
    components,
    declaredComponents: new Set([name]),
    graphComponents,
    graphCallProblems: [],
    graphs: new Map(),
    pipeline: buildScope('pipeline', name, '/spec', undefined, undefined, undefined, { graphs: new Map(), callProblems: [], doc, inlined: 0 }),
    config: {} as PipelineConfig,
  };
}

function buildComponents(doc: SourceDocument, raw: unknown, files: ParsedSpec['componentFiles'], python: ParsedSpec['pythonComponents']): Map<string, ComponentModel> {
  const out = new Map<string, ComponentModel>();
  if (!isObject(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const fromFile = isObject(value) && typeof value.file === 'string';
    // A component made from a Python function replaces its declaration, as a component file would.
    const generated = python.get(name);
    const file = generated ?? files.get(name);
    const specValue = fromFile || generated ? file?.value : value;
    if (!isObject(specValue) || !isObject(specValue.implementation)) continue;
    // A Python function that could not be made into a component has its diagnostics already; its
    // declaration (no inputs or outputs) would only add wrong ones about the tasks that use it.
    if (!generated && 'python' in specValue.implementation) continue;
    const owner = (fromFile || generated) && file ? file : doc;
    const component = componentFrom(name, specValue, owner, fromFile || generated ? '' : childPointer('/spec/components', name), fromFile ? (value as { file: string }).file : undefined);
    if (component) out.set(name, component);
  }
  return out;
}

function componentFrom(name: string, value: unknown, doc: SourceDocument, pointer: string, file?: string): ComponentModel | undefined {
  if (!isObject(value) || !isObject(value.implementation)) return undefined;
  const spec = value as unknown as ComponentSpec;
  return {
    name,
    spec,
    doc,
    pointer,
    inputs: namedMap(spec.inputs),
    outputs: namedMap([...(Array.isArray(spec.outputs) ? spec.outputs : []), ...implicitOutputs(spec)]),
    file,
  };
}

function namedMap<T extends { name: string }>(list: unknown): Map<string, T> {
  const out = new Map<string, T>();
  if (Array.isArray(list)) for (const item of list) if (isObject(item) && typeof item.name === 'string' && !out.has(item.name)) out.set(item.name, item as unknown as T);
  return out;
}

function buildParams(raw: unknown, base: Pointer): Map<string, ParamModel> {
  const out = new Map<string, ParamModel>();
  if (!isObject(raw)) return out;
  for (const [name, value] of Object.entries(raw)) {
    const p = isObject(value) ? value : {};
    out.set(name, {
      name,
      type: kfpBaseType(p.type),
      declaredType: p.type,
      default: p.default,
      hasDefault: 'default' in p,
      optional: p.optional === true,
      description: typeof p.description === 'string' ? p.description : undefined,
      pointer: childPointer(childPointer(base, 'params'), name),
    });
  }
  return out;
}

function buildScope(kind: ScopeModel['kind'], name: string, pointer: Pointer, params: unknown, tasks: unknown, fin: unknown, inlining: ExpansionContext): ScopeModel {
  const scope: ScopeModel = { kind, name, pointer, params: buildParams(params, pointer), tasks: [], finally: [], nodes: new Map(), duplicates: [] };
  const building: Building = { scope, inlining };
  buildNodes(building, tasks, childPointer(pointer, 'tasks'), undefined, 'tasks', scope.tasks);
  buildNodes(building, fin, childPointer(pointer, 'finally'), undefined, 'finally', scope.finally);
  return scope;
}

/** The scope being built, and how graph components are inlined into it. */
interface Building {
  readonly scope: ScopeModel;
  readonly inlining: ExpansionContext;
}

/** Records a node under its name in the scope (a second node of one name is a duplicate). */
function register(scope: ScopeModel, node: NodeModel): void {
  if (scope.nodes.has(node.name)) scope.duplicates.push(node);
  else scope.nodes.set(node.name, node);
}

/** Appends the nodes of `raw` to `out` (no intermediate arrays: a spec may have thousands of tasks). */
function buildNodes(building: Building, raw: unknown, base: Pointer, parent: GroupNode | undefined, section: Section, out: NodeModel[]): void {
  if (!isObject(raw)) return;
  const { scope } = building;
  for (const name of Object.keys(raw)) {
    const node = buildNode(building, name, raw[name], childPointer(base, name), parent, section);
    if (!node) continue;
    register(scope, node);
    out.push(node);
    // A task of a graph component gets the graph's tasks, registered after it (see graphComponents.ts).
    if (node.kind === 'task' && building.inlining.graphs.size > 0) inlineGraph(building, node);
  }
}

function inlineGraph(building: Building, node: TaskNode): void {
  const graph = typeof node.spec.component === 'string' ? building.inlining.graphs.get(node.spec.component) : undefined;
  if (!graph) return;
  const expansion = expandGraphCall(node, graph, building.inlining, (inner) => register(building.scope, inner));
  if (expansion) (node as { expansion?: GraphExpansion }).expansion = expansion;
}

/** Shared by the many nodes without `after`. */
const NO_AFTER: readonly string[] = Object.freeze([]);

function buildNode(building: Building, name: string, raw: unknown, pointer: Pointer, parent: GroupNode | undefined, section: Section): NodeModel | undefined {
  const { scope } = building;
  const kind = nodeKindOf(raw);
  if (!kind || !isObject(raw)) return undefined;
  const after = Array.isArray(raw.after) ? raw.after.filter((a): a is string => typeof a === 'string') : NO_AFTER;
  // Object literals, not spreads of a common base: a spread runs as a slow generic copy on a cold run.
  switch (kind) {
    case 'task':
      return { name, pointer, parent, scope, section, after, kind, spec: raw as unknown as Task };
    case 'graphCall':
      return { name, pointer, parent, scope, section, after, kind, spec: raw as unknown as GraphCall };
    case 'break':
      return { name, pointer, parent, scope, section, after, kind, spec: raw as unknown as BreakTask };
    case 'anySequencer':
      return { name, pointer, parent, scope, section, after, kind, spec: raw as unknown as AnySequencerTask };
    case 'exitHandler': {
      const node: ExitHandlerNode = { name, pointer, parent, scope, section, after, kind, spec: raw as unknown as ExitHandlerGroup, children: [], onExit: [] };
      buildNodes(building, raw.tasks, childPointer(pointer, 'tasks'), node, section, node.children);
      buildNodes(building, raw.onExit, childPointer(pointer, 'onExit'), node, 'onExit', node.onExit);
      return node;
    }
    default: {
      const node = { name, pointer, parent, scope, section, after, kind, spec: raw, children: [] } as unknown as ConditionNode | LoopNode | CustomGroupNode;
      buildNodes(building, raw.tasks, childPointer(pointer, 'tasks'), node, section, node.children);
      return node;
    }
  }
}

/** A task inlined from a graph component (model/graphComponents.ts): not written in the spec, and not the spec's to name. */
export const isInlined = (node: NodeModel): boolean => node.kind === 'task' && node.expandedFrom !== undefined;

/** The components a spec task may name (spec.components), not those read for graph components (by URL, inline). */
export function specComponents(model: SpecModel): ComponentModel[] {
  const out: ComponentModel[] = [];
  for (const [key, component] of model.components) if (model.declaredComponents.has(key)) out.push(component);
  return out;
}

/** Shared by every task (no array per call: walks ask each of thousands of tasks). */
const NO_CHILDREN: readonly NodeModel[] = Object.freeze([]);

/** Children of a group in order (exit handlers: body, then onExit). */
export function childrenOf(node: NodeModel): readonly NodeModel[] {
  switch (node.kind) {
    case 'task':
      return node.expansion ? node.expansion.children : NO_CHILDREN;
    case 'graphCall':
    case 'break':
    case 'anySequencer':
      return NO_CHILDREN;
    case 'exitHandler':
      return [...node.children, ...node.onExit];
    default:
      return node.children;
  }
}

const flattened = new WeakMap<ScopeModel, readonly NodeModel[]>();

/**
 * Every node of a scope, depth first, in document order. Computed once per scope: most rules and
 * lowering walk all nodes, and a scope does not change after buildModel.
 */
export function allNodes(scope: ScopeModel): readonly NodeModel[] {
  let list = flattened.get(scope);
  if (!list) {
    const out: NodeModel[] = [];
    // Indexed, and no call for a node without children: on a cold run this walk over thousands of
    // tasks runs in the interpreter, where a for-of costs an iterator per call.
    const visit = (nodes: readonly NodeModel[]): void => {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        out.push(node);
        const children = childrenOf(node);
        if (children.length > 0) visit(children);
      }
    };
    visit(scope.tasks);
    visit(scope.finally);
    flattened.set(scope, (list = out));
  }
  return list;
}

/** Enclosing groups, innermost first. */
export function* ancestors(node: NodeModel): Generator<GroupNode> {
  for (let p = node.parent; p; p = p.parent) yield p;
}

/** The innermost enclosing group that has a pipeline of its own (a loop or custom group), if any. */
export function nestedPipelineOf(node: NodeModel): GroupNode | undefined {
  for (const group of ancestors(node)) if (group.kind === 'loop' || group.kind === 'customGroup') return group;
  return undefined;
}

/**
 * Whether the node runs as a Tekton finally task: it sits in finally (or an exit handler's onExit)
 * and not inside a loop or custom group there, whose tasks form an ordinary pipeline of their own.
 */
export function isFinallyTask(node: NodeModel): boolean {
  return node.section !== 'tasks' && !nestedPipelineOf(node);
}

export function allScopes(model: SpecModel): ScopeModel[] {
  return [model.pipeline, ...model.graphs.values()];
}
