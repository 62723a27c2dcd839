/**
 * A task whose component is a Tekton custom task (kfp-tekton's custom-task ContainerOp). It runs
 * as a Run/CustomRun handled by the controller of `apiVersion`/`kind`, so there is no pod: the
 * pipeline task carries only params, a taskRef or an embedded taskSpec {apiVersion, kind, spec},
 * and `when`/`runAfter` (no `timeout`: the guide states custom tasks do not support it, rule
 * CustomTaskFields). Param values are pipeline-level expressions ($(params.P),
 * $(tasks.T.results.R)), since nothing re-maps them inside a task spec. Declared outputs are read as `$(tasks.T.results.O)`; Tekton cannot check
 * them at compile time, which is why the component must declare them.
 */
import type { CommandLineArgument, CustomTaskImplementation } from '../../generated/component.js';
import { isObject, type ComponentModel, type TaskNode } from '../../model/specModel.js';
import { constantText, TaskBindings } from '../bindings.js';
import { resolveCommandLine } from '../commandLine.js';
import type { CustomTaskIR, ParamIR, PipelineTaskIR } from '../ir.js';
import { paramName } from '../names.js';
import type { Frame, ScopeLowering } from '../scope.js';
import { unusedArguments } from '../unusedArguments.js';
import { metadataOf } from './task.js';

export function customTask(node: TaskNode, component: ComponentModel, impl: CustomTaskImplementation, lowering: ScopeLowering, frame: Frame): PipelineTaskIR {
  const bindings = new TaskBindings(lowering, node);
  const used: string[] = [];
  const params = customTaskParams(node, component, impl, bindings, used);
  return {
    name: lowering.taskName(node.name),
    params,
    body: { kind: 'custom', task: customTaskBody(node, component, impl, lowering) },
    runAfter: lowering.runAfterOf(node, frame, unusedArguments(node, (input) => used.includes(input), bindings, lowering)),
    when: [...frame.when],
    ...(node.spec.displayName ? { displayName: node.spec.displayName } : {}),
  };
}

/**
 * `params` of the component, each resolved with the task's arguments; without `params`, one
 * param per input that has a value (kfp-tekton passes every `--NAME value` pair of the op).
 */
function customTaskParams(node: TaskNode, component: ComponentModel, impl: CustomTaskImplementation, bindings: TaskBindings, used: string[]): ParamIR[] {
  const args = isObject(node.spec.arguments) ? node.spec.arguments : {};
  const inputValue = (name: string): string | undefined => {
    used.push(name);
    if (Object.hasOwn(args, name)) return bindings.expression(args[name]);
    const input = component.inputs.get(name);
    return input?.default !== undefined ? constantText(input.default) : undefined;
  };
  const resolver = { inputValue, inputPath: () => '', outputPath: () => '' };
  const declared: [string, CommandLineArgument][] = isObject(impl.params)
    ? Object.entries(impl.params)
    : [...component.inputs.keys()].map((name) => [name, { inputValue: name }]);
  const params: ParamIR[] = [];
  for (const [name, value] of declared) {
    const resolved = resolveCommandLine([value], resolver);
    if (resolved.length === 0) continue;
    params.push({ name: paramName(name), value: resolved.join('') });
  }
  return params;
}

function customTaskBody(node: TaskNode, component: ComponentModel, impl: CustomTaskImplementation, lowering: ScopeLowering): CustomTaskIR {
  const base = { apiVersion: impl.apiVersion, kind: impl.kind };
  if (impl.taskSpec !== undefined) return { ...base, spec: impl.taskSpec, metadata: metadataOf(node, component, lowering) };
  if (impl.taskRef !== undefined) return { ...base, refName: impl.name, refSpec: impl.taskRef };
  return { ...base, refName: impl.name };
}
