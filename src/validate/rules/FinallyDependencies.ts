/**
 * FinallyDependencies: Tekton runs all finally tasks (spec.finally, an exit handler's onExit) in
 * parallel after the DAG, so a finally task has no `after` and reads no output of another finally
 * task, and no DAG task runs after or reads a finally task. (Results of DAG tasks, params and
 * {{tasks.T.status}} are what a finally task may read.)
 */
import { referencesIn } from '../../model/references.js';
import { referenceSites } from '../../model/referenceSites.js';
import { allNodes, allScopes, type NodeModel } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

const isFinally = (node: NodeModel) => node.section !== 'tasks';

export function FinallyDependencies({ model, report }: RuleContext): void {
  for (const scope of allScopes(model)) {
    for (const node of allNodes(scope)) {
      node.after.forEach((name, i) => {
        const target = scope.nodes.get(name);
        const pointer = childPointer(childPointer(node.pointer, 'after'), i);
        if (isFinally(node)) report({ code: 'finally-dependency', message: `finally task '${node.name}' runs after '${name}': Tekton forbids runAfter in finally, where every task starts once the DAG is done`, hint: 'Remove the after; read a DAG task\'s outputs or {{tasks.T.status}} instead.', doc: model.doc, pointer });
        else if (target && isFinally(target)) report({ code: 'finally-dependency', message: `'${node.name}' runs after finally task '${name}'`, hint: 'DAG tasks cannot wait for finally tasks; move one of them.', doc: model.doc, pointer });
      });
      for (const site of referenceSites(node)) {
        for (const part of referencesIn(site.value)) {
          if (part.ref.kind !== 'output') continue;
          const target = scope.nodes.get(part.ref.task);
          if (!target || !isFinally(target)) continue;
          const message = isFinally(node)
            ? `finally task '${node.name}' reads ${part.source} of another finally task; Tekton gives finally tasks the results of DAG tasks only`
            : `'${node.name}' reads ${part.source} of finally task '${target.name}', which runs after the DAG`;
          report({ code: 'finally-dependency', message, hint: 'Move the producing task under tasks.', doc: model.doc, pointer: site.pointer });
        }
      }
    }
  }
}
