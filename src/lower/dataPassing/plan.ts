/**
 * Decides, per task output, how it travels: as a Tekton result (small values, the default) or as a
 * file in the data-passing workspace (kfp-tekton's big-data passing). kfp-tekton's rule: an output
 * goes through the workspace when any consumer reads it as a file (inputPath), because a result is
 * capped by the termination message (4 KB per task) and cannot hold real data; an output listed in a
 * task's `artifactOutputs` goes there too (kfp-tekton's `artifact_outputs` annotation).
 *
 * A graph's task that reads a graph param as a file reads, through every call that binds the
 * param to a task output (directly or through params of calling graphs), that output: KFP's graph
 * params are the caller's PipelineParams, so kfp-tekton's big-data rewriting sees the producer.
 * Not through a recursive graph: its recursive calls re-invoke its PipelineLoop with its declared
 * params only, so it cannot carry the producer's task run name; the file gets the value instead.
 */
import type { CommandLineArgument, ComponentSpec } from '../../generated/component.js';
import { graphsOnCycles } from '../../model/callCycles.js';
import { parseTemplate, type Reference } from '../../model/references.js';
import { isResolveError, resolveReference } from '../../model/resolve.js';
import { allNodes, allScopes, isObject, type GraphCallNode, type NodeModel, type ParamModel, type SpecModel, type TaskNode } from '../../model/specModel.js';

export class DataPassingPlan {
  private readonly viaWorkspace = new Map<TaskNode, Set<string>>();
  /** Names of graphs on a cycle of graph calls (recursive). */
  readonly recursiveGraphs: ReadonlySet<string>;
  private readonly callsOf = new Map<string, GraphCallNode[]>();

  constructor(private readonly model: SpecModel) {
    const callees = new Map<string, string[]>();
    for (const scope of allScopes(model)) {
      for (const node of allNodes(scope)) {
        if (node.kind !== 'graphCall') continue;
        const calls = this.callsOf.get(node.spec.graph) ?? [];
        calls.push(node);
        this.callsOf.set(node.spec.graph, calls);
        if (node.scope.kind !== 'graph') continue;
        const called = callees.get(node.scope.name) ?? [];
        called.push(node.spec.graph);
        callees.set(node.scope.name, called);
      }
    }
    this.recursiveGraphs = graphsOnCycles(model.graphs.keys(), (graph) => callees.get(graph) ?? []);
    for (const scope of allScopes(model)) {
      for (const node of allNodes(scope)) if (node.kind === 'task') this.visit(node);
    }
  }

  /** True when `output` of `task` is written to the data-passing workspace instead of a result. */
  travelsByWorkspace(task: TaskNode, output: string): boolean {
    return this.viaWorkspace.get(task)?.has(output) ?? false;
  }

  private visit(node: TaskNode): void {
    for (const output of node.spec.artifactOutputs ?? []) this.mark(node, output);
    const component = this.model.components.get(node.spec.component);
    if (!component || !isObject(node.spec.arguments)) return;
    const fileInputs = inputsReadAsFiles(component.spec);
    if (fileInputs.size === 0) return;
    for (const [input, value] of Object.entries(node.spec.arguments)) {
      if (!fileInputs.has(input)) continue;
      this.markSource(node, value, new Set());
    }
  }

  /** Marks the output `value` (read as a file by `node`) is, following graph params to their calls. */
  private markSource(node: NodeModel, value: unknown, seen: Set<ParamModel>): void {
    const ref = singleReference(value);
    if (ref?.kind !== 'output' && ref?.kind !== 'param') return;
    const resolved = resolveReference(this.model, node, ref);
    if (isResolveError(resolved)) return;
    if (resolved.kind === 'output') return this.mark(resolved.task, resolved.output.name);
    if (resolved.kind !== 'param' || seen.has(resolved.param)) return;
    const graph = this.model.graphs.get(node.scope.name);
    if (node.scope.kind !== 'graph' || graph?.params.get(resolved.param.name) !== resolved.param || this.recursiveGraphs.has(graph.name)) return;
    seen.add(resolved.param);
    for (const call of this.callsOf.get(graph.name) ?? []) {
      const args = isObject(call.spec.arguments) ? call.spec.arguments : {};
      if (Object.hasOwn(args, resolved.param.name)) this.markSource(call, args[resolved.param.name], seen);
    }
  }

  private mark(task: TaskNode, output: string): void {
    const outputs = this.viaWorkspace.get(task) ?? new Set<string>();
    outputs.add(output);
    this.viaWorkspace.set(task, outputs);
  }
}

/** The reference when `value` is exactly one `{{...}}` reference and nothing else. */
export function singleReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string' || !value.includes('{{')) return undefined;
  const { parts, errors } = parseTemplate(value);
  const [only] = parts;
  return errors.length === 0 && parts.length === 1 && only?.kind === 'ref' ? only.ref : undefined;
}

const fileInputsBySpec = new WeakMap<ComponentSpec, ReadonlySet<string>>();

/** Names of the inputs a component reads through an inputPath placeholder, anywhere in its command line (once per component). */
export function inputsReadAsFiles(spec: ComponentSpec): ReadonlySet<string> {
  let names = fileInputsBySpec.get(spec);
  if (!names) fileInputsBySpec.set(spec, (names = findInputsReadAsFiles(spec)));
  return names;
}

function findInputsReadAsFiles(spec: ComponentSpec): Set<string> {
  const names = new Set<string>();
  const walk = (item: unknown): void => {
    if (Array.isArray(item)) item.forEach(walk);
    else if (isObject(item)) {
      if (typeof item.inputPath === 'string') names.add(item.inputPath);
      Object.values(item).forEach(walk);
    }
  };
  const container = spec.implementation.container;
  walk(container?.command as CommandLineArgument[] | undefined);
  walk(container?.args as CommandLineArgument[] | undefined);
  return names;
}
