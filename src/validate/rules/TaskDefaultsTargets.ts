/**
 * TaskDefaultsTargets: every spec.config.taskDefaults entry selects tasks and components that
 * exist. (A reference in an entry is ReferencePlacement's: an entry applies to tasks of different
 * scopes, where a reference would mean different things.)
 */
import { nodesOfKind } from '../../model/nodeIndex.js';
import { isObject } from '../../model/specModel.js';
import { childPointer } from '../../parse/pointer.js';
import { didYouMean } from '../../util/suggest.js';
import type { RuleContext } from '../ruleContext.js';

export function TaskDefaultsTargets({ model, report }: RuleContext): void {
  const entries = Array.isArray(model.config.taskDefaults) ? model.config.taskDefaults : [];
  if (entries.length === 0) return;
  const tasks = new Set<string>();
  // Inlined graph tasks are selected through the task that runs the graph, not by their own names.
  for (const node of nodesOfKind(model, 'task')) if (!node.expandedFrom) tasks.add(node.name);
  entries.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const base = childPointer('/spec/config/taskDefaults', i);
    strings(entry.tasks).forEach((name, j) => {
      if (name && !tasks.has(name)) report({ code: 'unknown-task', message: `taskDefaults selects unknown task '${name}'`, hint: didYouMean(name, tasks) || 'Name a task of the pipeline or of a graph.', doc: model.doc, pointer: childPointer(childPointer(base, 'tasks'), j) });
    });
    strings(entry.components).forEach((name, j) => {
      if (name && !model.components.has(name)) report({ code: 'unknown-component', message: `taskDefaults selects unknown component '${name}'`, hint: didYouMean(name, model.components.keys()) || 'Name a component of spec.components.', doc: model.doc, pointer: childPointer(childPointer(base, 'components'), j) });
    });
  });
}

const strings = (list: unknown): string[] => (Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? x : '')) : []);
