/**
 * Visitor for a loop (KFP ParallelFor): one pipeline task running kfp-tekton's PipelineLoop custom
 * task (custom.tekton.dev/v1alpha1), whose pipelineSpec is the loop body lowered as a pipeline of
 * its own. The controller runs the body once per item and passes the item as the param named by
 * `iterateParam` (a JSON list, or a string split at `iterateParamStringSeparator`) or
 * `iterateNumeric` (from/to/step); dict items arrive as `<iterateParam>-subvar-<key>` params, the
 * iteration number as the param named by `iterationNumberParam`. Values the body needs from
 * outside (pipeline params, outer results, outer items) are params of the loop task.
 */
import type { LoopNode } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { TaskBindings } from '../bindings.js';
import type { ParamSpecIR, PipelineTaskIR } from '../ir.js';
import { loopSource, type LoopSourceIR } from '../loopSource.js';
import { paramName } from '../names.js';
import { nestedRunSettings, nestedWorkspaces } from '../nestedRun.js';
import { rootFrame, type Frame, type ScopeLowering } from '../scope.js';

export const PIPELINE_LOOP_API = 'custom.tekton.dev/v1alpha1';
export const PIPELINE_LOOP_KIND = 'PipelineLoop';

export function lowerLoop(node: LoopNode, lowering: ScopeLowering, frame: Frame): void {
  const name = lowering.taskName(node.name);
  const body = lowering.loopBody(node);
  const source = loopSource(node, new TaskBindings(lowering, node), body);
  const own = new LoopParams(node, body, source);
  body.itemBinding = (what, path) => own.value(what, path);
  body.lowerNodes(node.children, rootFrame);
  const outerAfter = [...body.outerAfter].flatMap((dep) => lowering.dependencyNames(dep));
  const task: PipelineTaskIR = {
    name,
    params: sortByName([...source.params, ...body.imports]),
    body: {
      kind: 'nested',
      task: {
        apiVersion: PIPELINE_LOOP_API,
        kind: PIPELINE_LOOP_KIND,
        resourceName: lowering.resourceName(name),
        specFields: { ...source.specFields, ...own.specFields(), ...controllerFields(node) },
        pipeline: { params: sortByName([...own.declared(), ...body.imports.map((p) => ({ name: p.name, type: 'string' as const }))]), tasks: body.finishedTasks(), finally: body.finallyTasks, ...nestedWorkspaces(body) },
        ...nestedRunSettings(body),
        ...(lowering.ctx.options.kfpMetadata ? { metadata: { labels: { 'pipelines.kubeflow.org/cache_enabled': 'true' } } } : {}),
      },
    },
    runAfter: [...new Set([...lowering.runAfterOf(node, frame), ...outerAfter])],
    when: [...frame.when],
  };
  lowering.add(task, frame);
}

/**
 * The params the PipelineLoop controller gives each iteration, declared in the body as it reads
 * them: the item (or its fields), the iteration number.
 */
class LoopParams {
  private readonly params = new Map<string, ParamSpecIR>();
  private indexParam?: string;

  constructor(
    private readonly node: LoopNode,
    private readonly body: ScopeLowering,
    private readonly source: LoopSourceIR,
  ) {}

  value(what: 'item' | 'index', path: readonly string[]): string {
    if (what === 'index') {
      this.indexParam ??= this.declare(this.body.declareParam(paramName(`${this.node.name}-index`)));
      return `$(params.${this.indexParam})`;
    }
    if (path.length > 1) {
      this.body.ctx.report('unsupported-feature', `{{item.${path.join('.')}}}: the PipelineLoop controller passes only the top-level fields of a dict item`, 'Read a top-level field ({{item.FIELD}}), or make the nested value a field of its own.', childPointer(this.node.pointer, 'tasks'));
    }
    // The controller names a dict item's fields <iterateParam>-subvar-<key> (pipelineloop's
    // getParameters); their names are fixed, not chosen by us.
    const name = path.length ? `${this.source.itemParam}-subvar-${path[0]}` : this.source.itemParam;
    return `$(params.${this.declare(name)})`;
  }

  private declare(name: string): string {
    if (!this.params.has(name)) this.params.set(name, { name, type: 'string' });
    return name;
  }

  /** Params the body declares. The item param is declared even when unread, as kfp-tekton does, unless only fields of it are read. */
  declared(): ParamSpecIR[] {
    const fieldsOnly = !this.params.has(this.source.itemParam) && [...this.params.keys()].some((n) => n.startsWith(`${this.source.itemParam}-subvar-`));
    if (!fieldsOnly) this.declare(this.source.itemParam);
    return [...this.params.values()];
  }

  specFields(): Record<string, unknown> {
    return this.indexParam ? { iterationNumberParam: this.indexParam } : {};
  }
}

/**
 * Loop settings passed to the PipelineLoop controller as they are. (iterateParamPassStyle and
 * itemPassStyle are not: the controller has no such fields; rule LoopPassStyles reports them.)
 */
function controllerFields(node: LoopNode): Record<string, unknown> {
  return node.spec.parallelism !== undefined ? { parallelism: node.spec.parallelism } : {};
}

const sortByName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
