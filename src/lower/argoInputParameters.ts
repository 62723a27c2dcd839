/**
 * `{{inputs.parameters.X}}` in a container component's command, args or env is mapped to
 * `$(inputs.params.X)` (kfp-tekton's Argo table, model/argoVariables.ts): X names a param of the
 * task, as an Argo template's input parameter is named after the value bound to it (`P` for
 * `{{params.P}}`, `<task>-<output>` for `{{tasks.T.outputs.O}}`). Which params a task has is known
 * only once its arguments are bound, so this check runs here, on the lowered task, rather than
 * as a rule: an X the task does not declare is an error naming the variable and the task's params
 * (it would otherwise reach Tekton as a reference to an undeclared param).
 */
import type { ContainerImplementation } from '../generated/component.js';
import { isObject, type ComponentModel, type TaskNode } from '../model/specModel.js';
import { childPointer, type Pointer } from '../parse/pointer.js';
import { closest } from '../util/suggest.js';
import type { LowerContext } from './context.js';
import type { PipelineTaskIR } from './ir.js';

const INPUT_PARAMETER = /\{\{inputs\.parameters\.([^ \t\n.:,;{}]+)\}\}/g;

export function checkArgoInputParameters(task: PipelineTaskIR, node: TaskNode, component: ComponentModel, container: ContainerImplementation, ctx: LowerContext): void {
  if (task.body.kind !== 'embedded' || !usesInputParameters(container)) return;
  const declared = task.body.spec.params.map((p) => p.name);
  const known = new Set(declared);
  const base = childPointer(childPointer(component.pointer, 'implementation'), 'container');
  const check = (value: unknown, pointer: Pointer): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => check(v, childPointer(pointer, i)));
    if (isObject(value)) return Object.entries(value).forEach(([k, v]) => check(v, childPointer(pointer, k)));
    if (typeof value !== 'string' || !value.includes('{{inputs.parameters.')) return;
    for (const [variable, name] of value.matchAll(INPUT_PARAMETER)) {
      if (known.has(name!)) continue;
      const has = declared.length ? `it has ${declared.map((p) => `'${p}'`).join(', ')}` : 'it has no params';
      ctx.report(
        'unknown-argo-parameter',
        `component '${component.name}' uses Argo variable '${variable}', but task '${node.name}' has no param '${name}' (${has})`,
        hintFor(name!, declared, component),
        pointer,
        component.doc,
      );
    }
  };
  check(container.command, childPointer(base, 'command'));
  check(container.args, childPointer(base, 'args'));
  check(container.env, childPointer(base, 'env'));
}

const usesByContainer = new WeakMap<ContainerImplementation, boolean>();

/**
 * Whether the container's command, args or env mention `{{inputs.parameters.` at all: asked once
 * per component rather than walking its command line (and building pointers) for every task. A
 * JSON text holds the marker whenever one of its strings does (the marker has nothing to escape).
 */
function usesInputParameters(container: ContainerImplementation): boolean {
  let uses = usesByContainer.get(container);
  if (uses === undefined) {
    uses = JSON.stringify([container.command, container.args, container.env]).includes('{{inputs.parameters.');
    usesByContainer.set(container, uses);
  }
  return uses;
}

function hintFor(name: string, declared: readonly string[], component: ComponentModel): string {
  const best = closest(name, declared);
  if (best !== undefined) return `Did you mean '${best}'?`;
  if (component.inputs.has(name)) return `'${name}' is an input of the component: read it with {inputValue: ${name}}.`;
  return 'A task param is named after the value bound to it: P for {{params.P}}, T-O for {{tasks.T.outputs.O}}.';
}
