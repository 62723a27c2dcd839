/**
 * Visitor for a graph call (KFP graph component). kfp-tekton lowers a graph as a PipelineLoop
 * with just one iteration (`iterateParam: just_one_iteration`, items ["1"]) whose pipelineSpec
 * is the graph's tasks: the graph becomes a pipeline of its own, run once. Its params are the
 * graph's params, named after the values the call binds them to (a pipeline param keeps its name,
 * a task result is `<task>-<result>`), as KFP's graph params are the caller's PipelineParams.
 *
 * A call of a graph from inside an instance of the same graph (directly, or through loops and
 * other graphs) is recursion: the call's task re-invokes the enclosing instance's PipelineLoop by
 * `taskRef`, passing the instance's params by their names, and that instance is emitted as a
 * separate resource in every layout (kfp-tekton never inlines recursion targets). Validation
 * (GuardedRecursion) ensures a condition can end the recursion.
 */
import { isObject, type GraphCallNode, type ParamModel } from '../../model/specModel.js';
import { constantText, TaskBindings } from '../bindings.js';
import type { ParamIR, PipelineTaskIR } from '../ir.js';
import { rootFrame, ScopeLowering, type Frame, type GraphInstance } from '../scope.js';
import { PIPELINE_LOOP_API, PIPELINE_LOOP_KIND } from './loop.js';
import { nestedRunSettings, nestedWorkspaces } from '../nestedRun.js';
import { unusedArguments } from '../unusedArguments.js';

/** kfp-tekton's names for the one-iteration loop of a graph. */
export const GRAPH_ITERATE_PARAM = 'just_one_iteration';
export const GRAPH_ITEMS = '["1"]';

export function lowerGraphCall(node: GraphCallNode, lowering: ScopeLowering, frame: Frame): void {
  const graph = lowering.ctx.model.graphs.get(node.spec.graph);
  // Validation (KnownGraphs) has reported an unknown graph.
  if (!graph) return;
  const bindings = new TaskBindings(lowering, node);
  const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
  const read: string[] = [];
  const argument = (param: ParamModel): string => {
    if (!read.includes(param.name)) read.push(param.name);
    if (param.name in args) return bindings.expression(args[param.name]);
    return param.hasDefault ? constantText(param.default) : '';
  };
  const target = lowering.enclosingInstance(graph.name);
  if (target) {
    target.instance.recursive = true;
    // Every param of the target is passed, by the name the target's pipeline declares it with.
    const params: ParamIR[] = [...graph.params.values()].map((param) => ({ name: declaredName(target.body.paramValue(param)), value: argument(param) }));
    lowering.add({
      ...callTask(node, lowering, frame, params, NO_NAMES),
      body: { kind: 'custom', task: { apiVersion: PIPELINE_LOOP_API, kind: PIPELINE_LOOP_KIND, refName: target.instance.resourceName } },
    }, frame);
    return;
  }
  const name = lowering.taskName(node.name);
  const instance: GraphInstance = { parent: lowering, call: node, resourceName: lowering.resourceName(name), argument, read, recursive: false };
  const body = new ScopeLowering(lowering.ctx, graph, '', undefined, instance);
  body.declareParam(GRAPH_ITERATE_PARAM);
  body.lowerNodes(graph.tasks, rootFrame);
  body.lowerNodes(graph.finally, { ...rootFrame, finally: true });
  lowering.add({
    ...callTask(node, lowering, frame, body.imports, unusedArguments(node, (param) => read.includes(param), bindings, lowering)),
    body: {
      kind: 'nested',
      task: {
        apiVersion: PIPELINE_LOOP_API,
        kind: PIPELINE_LOOP_KIND,
        resourceName: instance.resourceName,
        specFields: { iterateParam: GRAPH_ITERATE_PARAM },
        pipeline: {
          params: sortByName([{ name: GRAPH_ITERATE_PARAM, type: 'string' as const }, ...body.imports.map((p) => ({ name: p.name, type: 'string' as const }))]),
          tasks: body.finishedTasks(),
          finally: body.finallyTasks,
          ...nestedWorkspaces(body),
        },
        ...nestedRunSettings(body),
        ...(lowering.ctx.options.kfpMetadata ? { metadata: { labels: { 'pipelines.kubeflow.org/cache_enabled': 'true' } } } : {}),
        ...(instance.recursive ? { reentrant: true } : {}),
      },
    },
  }, frame);
}

/**
 * The task of a call, without its body: the loop's params, the call's dependencies and guards
 * (`also`: producers of arguments the graph does not read, see unusedArguments).
 */
function callTask(node: GraphCallNode, lowering: ScopeLowering, frame: Frame, params: readonly ParamIR[], also: readonly string[]): Omit<PipelineTaskIR, 'body'> {
  return {
    name: lowering.taskName(node.name),
    params: sortByName([{ name: GRAPH_ITERATE_PARAM, value: GRAPH_ITEMS }, ...params]),
    runAfter: lowering.runAfterOf(node, frame, also),
    when: [...frame.when],
    ...(node.spec.displayName ? { displayName: node.spec.displayName } : {}),
  };
}

/** `NAME` of `$(params.NAME)`: a graph instance reads each of its params so. */
function declaredName(expression: string): string {
  return /^\$\(params\.([^)]+)\)$/.exec(expression)?.[1] ?? expression;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

const sortByName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
