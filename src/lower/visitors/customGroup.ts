/**
 * Visitor for a custom group (kfp-tekton's AddOnGroup): ONE pipeline task running the group's
 * custom task, whose taskSpec {apiVersion, kind, spec.pipelineSpec} holds the group's tasks as a
 * pipeline of their own. The group's controller runs that pipeline. Like a loop body, the inner
 * pipeline sees only its own params: the group's `params` (passed as the task's params, i.e. the
 * custom run's spec.params), its `internalParams` (declared only; the controller provides them)
 * and values imported from outside (pipeline params, outer results), passed through params.
 */
import { isObject, type CustomGroupNode } from '../../model/specModel.js';
import { constantText, TaskBindings } from '../bindings.js';
import type { ParamIR, ParamSpecIR, PipelineTaskIR } from '../ir.js';
import { paramName } from '../names.js';
import { childPointer } from '../../parse/pointer.js';
import { rootFrame, type Frame, type ScopeLowering } from '../scope.js';

export function lowerCustomGroup(node: CustomGroupNode, lowering: ScopeLowering, frame: Frame): void {
  const group = node.spec.group;
  const name = lowering.taskName(node.name);
  const body = lowering.loopBody(node);
  const bindings = new TaskBindings(lowering, node);
  const own: ParamIR[] = Object.entries(isObject(group.params) ? group.params : {}).map(([k, v]) => ({ name: paramName(k), value: bindings.expression(v) }));
  const internal: ParamSpecIR[] = Object.entries(isObject(group.internalParams) ? group.internalParams : {}).map(([k, v]) => ({
    name: body.declareParam(paramName(k)),
    type: 'string',
    ...(v !== null && v !== undefined ? { default: constantText(v) } : {}),
  }));
  for (const p of own) body.declareParam(p.name);
  body.lowerNodes(node.children, rootFrame);
  reportRunSettings(node, body);
  const outerAfter = [...body.outerAfter].flatMap((dep) => lowering.dependencyNames(dep));
  const passed = [...own, ...body.imports];
  const metadata = groupMetadata(node, lowering);
  const task: PipelineTaskIR = {
    name,
    params: passed,
    body: {
      kind: 'nested',
      task: {
        apiVersion: group.apiVersion,
        kind: group.kind,
        resourceName: lowering.resourceName(name),
        specFields: isObject(group.specOverrides) ? group.specOverrides : {},
        pipeline: { params: [...passed.map((p) => ({ name: p.name, type: 'string' as const })), ...internal], tasks: body.finishedTasks(), finally: body.finallyTasks },
        ...(metadata ? { metadata } : {}),
      },
    },
    runAfter: frame.finally ? [] : [...new Set([...lowering.runAfterOf(node, frame), ...outerAfter])],
    when: [...frame.when],
    ...(isObject(group.taskOverrides) ? { overrides: group.taskOverrides } : {}),
  };
  lowering.add(task, frame);
}

/**
 * A custom group's controller is not kfp-tekton's PipelineLoop: kft cannot know whether it passes
 * task run specs or workspace bindings to the runs it starts, and Tekton rejects them on the
 * enclosing run (they name tasks it does not have). So tasks directly in a group can have neither.
 */
function reportRunSettings(node: CustomGroupNode, body: ScopeLowering): void {
  const where = childPointer(node.pointer, 'group');
  if (body.taskRunSpecs.length) {
    const names = body.taskRunSpecs.map((t) => `'${t.pipelineTaskName}'`).join(', ');
    body.ctx.report('unsupported-feature', `custom group '${node.name}': task ${names} sets pod settings (podTemplate, nodeSelector, tolerations, affinity or serviceAccount) that Tekton takes per task run, which a custom group's controller is not known to pass on`, 'Move the task out of the group, or into a loop inside it (a PipelineLoop passes task run specs to its runs).', where);
  }
  if (body.workspacesUsed.size) {
    const names = [...body.workspacesUsed].map((w) => `'${w}'`).join(', ');
    body.ctx.report('unsupported-feature', `custom group '${node.name}': tasks inside it bind workspace ${names}, which a custom group's controller is not known to bind for its pipeline`, 'Read the value with inputValue (small outputs travel as results), or move the tasks out of the group.', where);
  }
}

function groupMetadata(node: CustomGroupNode, lowering: ScopeLowering) {
  const labels: Record<string, string> = { ...(lowering.ctx.options.kfpMetadata ? { 'pipelines.kubeflow.org/cache_enabled': 'true' } : {}), ...(node.spec.group.labels ?? {}) } as Record<string, string>;
  const annotations = { ...(node.spec.group.annotations ?? {}) } as Record<string, string>;
  if (!Object.keys(labels).length && !Object.keys(annotations).length) return undefined;
  return { ...(Object.keys(labels).length ? { labels } : {}), ...(Object.keys(annotations).length ? { annotations } : {}) };
}
