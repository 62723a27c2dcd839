/**
 * PVolumes: every `pvolumes` entry of a task names a volume task (a component with a `volume`
 * implementation) of the same scope, and the task mounting it is a container task. The PVC name
 * carries the PipelineRun name, so it is read from the volume task's `name` result at run time:
 * a volume task inside a loop or custom group that does not hold the mounting task has its
 * results only inside that group's own pipeline, so it cannot be mounted from outside it.
 */
import { allNodes, allScopes, ancestors, isObject, type NodeModel } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function PVolumes({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    let volumeTasks: string[] | undefined;
    for (const node of allNodes(scope)) {
      if (node.kind !== 'task' || !isObject(node.spec.pvolumes)) continue;
      // Found only when some task mounts one: most specs have no pvolumes at all.
      volumeTasks ??= allNodes(scope).filter((n) => n.kind === 'task' && model.components.get(n.spec.component)?.spec.implementation.volume).map((n) => n.name);
      const at = childPointer(node.pointer, 'pvolumes');
      if (!model.components.get(node.spec.component)?.spec.implementation.container) {
        report({ code: 'invalid-pvolume', message: `task '${node.name}' is not a container task and cannot mount volumes`, hint: 'Only container components run a pod to mount a PVC in.', doc: model.doc, pointer: at, atKey: true });
        continue;
      }
      for (const [path, target] of Object.entries(node.spec.pvolumes)) {
        if (typeof target !== 'string') continue;
        if (volumeTasks.includes(target)) {
          const group = enclosingPipelineOutside(scope.nodes.get(target)!, node);
          if (group) report({ code: 'invalid-pvolume', message: `'${target}' mounted at '${path}' runs inside ${group.kind === 'loop' ? 'loop' : 'custom group'} '${group.name}', so its volume's name exists only inside it`, hint: `Move '${node.name}' into '${group.name}', or the volume task out of it.`, doc: model.doc, pointer: childPointer(at, path) });
          continue;
        }
        const exists = scope.nodes.has(target);
        report({
          code: exists ? 'invalid-pvolume' : 'unknown-task',
          message: exists ? `'${target}' mounted at '${path}' is not a volume task` : `task '${node.name}' mounts unknown volume task '${target}' at '${path}'`,
          hint: didYouMean(target, volumeTasks) || (volumeTasks.length ? `Volume tasks here: ${volumeTasks.join(', ')}.` : 'Add a task whose component has a `volume` implementation.'),
          doc: model.doc,
          pointer: childPointer(at, path),
        });
      }
    }
  }
}

/** The loop or custom group holding `volume` but not `mounter`, whose results stay inside it. */
function enclosingPipelineOutside(volume: NodeModel, mounter: NodeModel): NodeModel | undefined {
  const around = new Set(ancestors(mounter));
  return [...ancestors(volume)].find((group) => (group.kind === 'loop' || group.kind === 'customGroup') && !around.has(group));
}
