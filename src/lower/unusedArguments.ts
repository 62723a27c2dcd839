/**
 * Arguments that a task's implementation never reads: an input its command line (or custom task
 * params, or resource manifest) does not use, a graph param the graph does not read. KFP leaves
 * such an argument out of the op (it is not an input of the container), so kfp-tekton has no param
 * for it and no dependency on the task whose output it names. The spec says more: the reference is
 * there, `kft graph` draws the edge, and docs/spec.md promises that a reference makes the task
 * wait. So the task still runs after those producers (runAfter), and a warning says that the value
 * is not passed (docs/deviations.md).
 */
import { templateMeaning } from '../model/nodeReferences.js';
import { isResolveError, producerOf } from '../model/resolve.js';
import { isObject, type GraphCallNode, type NodeModel, type TaskNode } from '../model/specModel.js';
import { childPointer } from '../parse/pointer.js';
import type { TaskBindings } from './bindings.js';
import type { ScopeLowering } from './scope.js';

/**
 * Warns about each argument with references that `used` says is not read, and returns the spec
 * names of the producers such arguments name that the task does not otherwise wait for.
 */
export function unusedArguments(node: TaskNode | GraphCallNode, used: (name: string) => boolean, bindings: TaskBindings, lowering: ScopeLowering): readonly string[] {
  const args = node.spec.arguments;
  if (!isObject(args)) return NO_NAMES;
  let after: string[] | undefined;
  for (const name of Object.keys(args)) {
    const value = args[name];
    if (typeof value !== 'string' || !value.includes('{{') || used(name)) continue;
    const refs = templateMeaning(lowering.ctx.model, node, value).refs;
    if (refs.length === 0) continue;
    const producers: NodeModel[] = [];
    for (const { resolution } of refs) {
      const producer = isResolveError(resolution) ? undefined : producerOf(resolution);
      if (producer && !producers.includes(producer) && waitable(node, producer)) producers.push(producer);
    }
    const waits = producers.length ? `; the task still runs after ${producers.map((p) => `'${p.name}'`).join(', ')}` : '';
    const [what, fix] = node.kind === 'graphCall'
      ? [`graph '${node.spec.graph}' does not read param '${name}'`, `Read {{params.${name}}} in the graph, or drop the argument`]
      : [`input '${name}' of component '${node.spec.component}' is not used by its implementation`, `Use the input in the component (e.g. {inputValue: ${name}} in its command or args), or drop the argument`];
    lowering.ctx.report('unused-input', `${what}: the value of ${value} is not passed${waits}`, `${fix}${producers.length ? ` (with after: [${producers.map((p) => p.name).join(', ')}] if the order matters)` : ''}.`, childPointer(childPointer(node.pointer, 'arguments'), name));
    for (const producer of producers) {
      if (!bindings.readsFrom(producer) && !(after ??= []).includes(producer.name)) after.push(producer.name);
    }
  }
  return after ?? NO_NAMES;
}

/**
 * Whether the task can wait for `producer` by runAfter: a finally task runs after every DAG task
 * anyway, and Tekton forbids runAfter there (nor may a loop in finally run after a DAG task).
 */
const waitable = (node: NodeModel, producer: NodeModel): boolean => node.section === 'tasks' || producer.section !== 'tasks';

const NO_NAMES: readonly string[] = Object.freeze([]);
