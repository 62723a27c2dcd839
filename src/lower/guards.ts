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
  const started = new Set<string>();
  // Depth first over runAfter with an explicit stack: a chain of tens of thousands of tasks would
  // exhaust the call stack if this recursed.
  const finish = (root: PipelineTaskIR): void => {
    if (started.has(root.name)) return;
    started.add(root.name);
    // A task that runs after nothing keeps its own guards (most tasks; no frame to build).
    if (root.runAfter.length === 0) {
      done.set(root.name, root);
      return;
    }
    const frames = [{ task: root, next: 0, when: [...root.when] }];
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      if (frame.next === frame.task.runAfter.length) {
        frames.pop();
        const { task, when } = frame;
        done.set(task.name, when.length === task.when.length ? task : { ...task, when });
        continue;
      }
      const target = byName.get(frame.task.runAfter[frame.next]!);
      if (target && !started.has(target.name)) {
        started.add(target.name);
        frames.push({ task: target, next: 0, when: [...target.when] });
        continue;
      }
      frame.next++;
      // A target started but not done closes a cycle: the emit self-check reports it; take its own guards.
      if (target) addGuards(frame.when, (done.get(target.name) ?? target).when);
    }
  };
  for (const task of tasks) finish(task);
  return tasks.map((task) => done.get(task.name)!);
}

function addGuards(into: WhenIR[], guards: readonly WhenIR[]): void {
  for (const w of guards) if (!into.some((x) => sameWhen(x, w))) into.push(w);
}

const sameWhen = (a: WhenIR, b: WhenIR): boolean => JSON.stringify(a) === JSON.stringify(b);
