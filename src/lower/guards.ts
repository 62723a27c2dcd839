/**
 * Guard propagation along runAfter. Tekton skips a task whose `when` is false, but (since
 * Tekton 0.24, whenExpressions scoped to the task) still runs the tasks that only runAfter it.
 * KFP's semantics — the advanced guide's "Condition DSL" — is that a task depending on a task
 * inside a condition runs only if that task ran; kfp-tekton keeps it by copying the `when`
 * expressions of every runAfter target onto the dependent task (its fix for issue 845). Result
 * consumers need no copy: Tekton skips a task that reads a result of a skipped task.
 */
import type { PipelineTaskIR, WhenIR } from './ir.js';

export function propagateGuards(tasks: readonly PipelineTaskIR[]): PipelineTaskIR[] {
  const byName = new Map(tasks.map((t) => [t.name, t]));
  const done = new Map<string, PipelineTaskIR>();
  const visiting = new Set<string>();
  const finish = (task: PipelineTaskIR): PipelineTaskIR => {
    const cached = done.get(task.name);
    if (cached) return cached;
    // A cycle is reported by the emit self-check; do not loop here.
    if (visiting.has(task.name)) return task;
    visiting.add(task.name);
    const when = [...task.when];
    for (const dep of task.runAfter) {
      const target = byName.get(dep);
      if (!target) continue;
      for (const w of finish(target).when) if (!when.some((x) => sameWhen(x, w))) when.push(w);
    }
    const result = when.length === task.when.length ? task : { ...task, when };
    done.set(task.name, result);
    return result;
  };
  return tasks.map(finish);
}

const sameWhen = (a: WhenIR, b: WhenIR): boolean => JSON.stringify(a) === JSON.stringify(b);
