/**
 * GraphComponents: a KFP graph component can be inlined (model/graphComponents.ts), and a task that
 * runs one sets nothing that needs a task of its own. The graph's own problems are reported in its
 * file: a task whose component is named only by name or digest (KFP's component store; kft needs
 * a url mapped under spec.componentUrls, or an inline spec), arguments for inputs the component
 * lacks or missing for required ones, graphInput/taskOutput references that name nothing, constants
 * and references of the wrong KFP type, cycles among its tasks, a graph that runs itself, outputs it
 * does not declare, and `isEnabled`/`executionOptions` (kfp 1.8 drops both when it inlines a graph:
 * refused rather than ignored). Problems of one call are reported at the task: an input the graph
 * reads that the task does not pass and that has no default (KFP fails on it too), and the limit on
 * inlined tasks. A task running a graph component becomes the graph's tasks, so task fields that
 * apply to one task (image, retries, pod settings, displayName, afterAny, ...) have nothing to
 * apply to: only component, arguments and after are allowed.
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { childPointer } from '../../parse/pointer.js';
import type { RuleContext } from '../ruleContext.js';

/** The fields of a task that mean something for a task whose tasks are a graph's. */
const GRAPH_TASK_FIELDS = new Set(['component', 'arguments', 'after']);

export function GraphComponents({ model, report }: RuleContext): void {
  if (model.graphComponents.size === 0) return;
  for (const graph of model.graphComponents.values()) for (const problem of graph.problems) report(problem);
  for (const problem of model.graphCallProblems) report(problem);
  for (const node of nodesOfKind(model, 'task')) {
    const graph = typeof node.spec.component === 'string' ? model.graphComponents.get(node.spec.component) : undefined;
    if (!graph || node.expandedFrom) continue;
    for (const field of Object.keys(node.spec)) {
      if (GRAPH_TASK_FIELDS.has(field)) continue;
      report({
        code: 'graph-component-field',
        message: `task '${node.name}' runs graph component '${graph.component.name}', whose tasks are inlined into the pipeline: '${field}' has no single task to apply to`,
        hint: 'Remove it. A task of a graph component takes component, arguments and after; set such fields in the graph\'s component files, or write the graph\'s tasks in the spec.',
        doc: model.doc,
        pointer: childPointer(node.pointer, field),
        atKey: true,
      });
    }
  }
}
