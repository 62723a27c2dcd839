/**
 * spec.config.taskDefaults: pod settings applied to a set of tasks at once, the declarative form of
 * kfp-tekton's pipeline op transformers (functions applied to every op, such as one that adds a
 * pod annotation and label). Maps merge key by key, later entries over earlier ones and the task's
 * own settings over all defaults; tolerations add up. A task's own node selector and tolerations
 * are its fields of that name or those of its podTemplate (never both: rule PodTemplates).
 */
import type { Task, TaskDefaults } from '../generated/pipeline.js';
import type { SpecModel, TaskNode } from '../model/specModel.js';

/**
 * Whether a taskDefaults entry applies to a task. No selector at all: every task. A task inlined
 * from a graph component is selected with the task that runs the graph (by its name or component),
 * at any depth of nested graphs.
 */
export function selects(entry: TaskDefaults, node: TaskNode): boolean {
  if (!entry.tasks && !entry.components) return true;
  for (let n: TaskNode | undefined = node; n; n = n.expandedFrom?.call) {
    if ((entry.tasks ?? []).includes(n.name) || (entry.components ?? []).includes(n.spec.component)) return true;
  }
  return false;
}

/** The task's settings with every matching taskDefaults entry merged under them. */
export function withTaskDefaults(model: SpecModel, node: TaskNode): Task {
  if (!model.config.taskDefaults?.length) return node.spec;
  const entries = model.config.taskDefaults.filter((entry) => selects(entry, node));
  if (entries.length === 0) return node.spec;
  const own = node.spec;
  // A task's node selector and tolerations may be written in its podTemplate instead.
  const ownMap = (field: 'annotations' | 'labels' | 'env' | 'nodeSelector') => (field === 'nodeSelector' ? own.nodeSelector ?? own.podTemplate?.nodeSelector : own[field]);
  const merged = (field: 'annotations' | 'labels' | 'env' | 'nodeSelector') => {
    const maps = [...entries.map((e) => e[field]), ownMap(field)].filter((m): m is Record<string, string> => m !== undefined);
    return maps.length ? { [field]: Object.assign({}, ...maps) as Record<string, string> } : {};
  };
  const tolerations = [...entries.flatMap((e) => e.tolerations ?? []), ...(own.tolerations ?? own.podTemplate?.tolerations ?? [])];
  return {
    ...own,
    ...merged('annotations'),
    ...merged('labels'),
    ...merged('env'),
    ...merged('nodeSelector'),
    ...(tolerations.length ? { tolerations } : {}),
  };
}
