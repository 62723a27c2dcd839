/**
 * FinallyDependencies: Tekton runs all finally tasks (spec.finally, an exit handler's onExit) in
 * parallel after the DAG, so a finally task has no `after` and reads no output of another finally
 * task, and no DAG task runs after or reads a finally task. (Results of DAG tasks, params and
 * {{tasks.T.status}} are what a finally task may read.) `afterAny` runs a task after its
 * any-sequencer, so a finally task has none. Mounting a volume task's PVC (`pvolumes`)
 * reads its `name` result, so the same holds for it. Inside a loop or custom group the tasks form
 * the group's own pipeline, where ordinary DAG rules hold.
 */
import { hasFinallyNodes } from '../../model/nodeIndex.js';
import { resolvedReferences } from '../../model/nodeReferences.js';
import { allNodes, allScopes, ancestors, isObject, nestedPipelineOf, type NodeModel } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

const isFinally = (node: NodeModel) => node.section !== 'tasks';

/**
 * Whether `node` depending on `target` crosses into or within the pipeline's finally section. When
 * a loop or custom group holds both, the dependency lies inside that group's own pipeline (between
 * the two, or the loops nested there that hold them), where ordinary DAG rules hold.
 */
function forbidden(node: NodeModel, target: NodeModel): boolean {
  if (sharePipeline(node, target)) return false;
  return isFinally(target) || (isFinally(node) && !nestedPipelineOf(node));
}

/** Whether a loop or custom group holds both nodes, so that a dependency between them stays in its pipeline. */
function sharePipeline(node: NodeModel, target: NodeModel): boolean {
  const around = new Set(ancestors(node));
  return [...ancestors(target)].some((group) => (group.kind === 'loop' || group.kind === 'customGroup') && around.has(group));
}

export function FinallyDependencies({ model, report }: RuleContext): void {
  // Every forbidden dependency has a finally task at one end.
  if (!hasFinallyNodes(model)) return;
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      node.after.forEach((name, i) => {
        const target = scope.nodes.get(name);
        if (target && !forbidden(node, target) && !(isFinally(node) && !sharePipeline(node, target))) return;
        const pointer = childPointer(childPointer(node.pointer, 'after'), i);
        const home = nestedPipelineOf(node);
        if (isFinally(node) && home && target) {
          // The edge leaves the loop (or group): its outermost finally task would carry it.
          report({ code: 'finally-dependency', message: `'${node.name}' runs after '${name}', outside ${home.kind === 'loop' ? 'loop' : 'custom group'} '${home.name}' in ${node.section}: the finally task running it would run after '${name}', and Tekton forbids runAfter in finally`, hint: 'Remove the after: finally tasks start once the DAG is done.', doc: model.doc, pointer });
        } else if (isFinally(node) && !home) report({ code: 'finally-dependency', message: `finally task '${node.name}' runs after '${name}': Tekton forbids runAfter in finally, where every task starts once the DAG is done`, hint: 'Remove the after; read a DAG task\'s outputs or {{tasks.T.status}} instead.', doc: model.doc, pointer });
        else if (target && isFinally(target)) report({ code: 'finally-dependency', message: `'${node.name}' runs after finally task '${name}'`, hint: 'DAG tasks cannot wait for finally tasks; move one of them.', doc: model.doc, pointer });
      });
      for (const { site, part } of resolvedReferences(model, node)) {
        if (part.ref.kind !== 'output') continue;
        const target = scope.nodes.get(part.ref.task);
        if (!target || !isFinally(target) || !forbidden(node, target)) continue;
        const message = isFinally(node)
          ? `finally task '${node.name}' reads ${part.source} of another finally task; Tekton gives finally tasks the results of DAG tasks only`
          : `'${node.name}' reads ${part.source} of finally task '${target.name}', which runs after the DAG`;
        report({ code: 'finally-dependency', message, hint: 'Move the producing task under tasks.', doc: model.doc, pointer: site.pointer, within: { offset: part.offset, length: part.source.length } });
      }
      if (node.kind === 'task' && isObject(node.spec.afterAny) && isFinally(node) && !nestedPipelineOf(node)) {
        report({ code: 'finally-dependency', message: `finally task '${node.name}' has afterAny: it would run after its any-sequencer, and Tekton forbids runAfter in finally`, hint: 'Use a standalone anySequencer node (nothing runs after it) or move the task under tasks or into a loop in finally.', doc: model.doc, pointer: childPointer(node.pointer, 'afterAny'), atKey: true });
      }
      if (node.kind !== 'task' || !isObject(node.spec.pvolumes)) continue;
      for (const [path, name] of Object.entries(node.spec.pvolumes)) {
        const target = typeof name === 'string' ? scope.nodes.get(name) : undefined;
        if (!target || !isFinally(target) || !forbidden(node, target)) continue;
        const message = isFinally(node)
          ? `finally task '${node.name}' mounts the volume of finally task '${target.name}'; Tekton gives finally tasks the results of DAG tasks only, and the volume's name is one`
          : `'${node.name}' mounts the volume of finally task '${target.name}', which runs after the DAG`;
        report({ code: 'finally-dependency', message, hint: 'Move the volume task under tasks.', doc: model.doc, pointer: childPointer(childPointer(node.pointer, 'pvolumes'), path) });
      }
    }
  }
}
