/**
 * Re-checks emitted pipelines against the constraints Tekton's admission webhook enforces, before
 * anything is written: DNS-1123 task names of at most 63 characters, unique task and step names,
 * param and result names of Tekton's patterns, runAfter and result references that resolve, no
 * cycles, no runAfter in finally. A failure here is a kft bug; it is reported, never written.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as v1 from './tekton/v1.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESULT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const RESULT_REF = /\$\(tasks\.([^.)]+)\.results\.([^.)\[]+)/g;
const INPUT_PARAM_REF = /\$\((?:inputs\.)?params\.([^)\[]+?)(\[\*\])?\)/g;
const PIPELINE_PARAM_REF = /\$\(params\.([^)\[]+)/g;

export function checkPipelineSpec(spec: v1.PipelineSpec, where: string): Diagnostic[] {
  const problems: string[] = [];
  const all = [...spec.tasks, ...(spec.finally ?? [])];
  const byName = new Map<string, v1.PipelineTask>();
  for (const task of all) {
    if (!DNS_LABEL.test(task.name) || task.name.length > 63) problems.push(`task name '${task.name}' is not a DNS-1123 label of at most 63 characters`);
    if (byName.has(task.name)) problems.push(`task name '${task.name}' is used twice`);
    byName.set(task.name, task);
  }
  const pipelineParams = new Set((spec.params ?? []).map((p) => p.name));
  for (const p of spec.params ?? []) if (!PARAM_NAME.test(p.name)) problems.push(`pipeline param name '${p.name}' does not match Tekton's pattern`);
  const dag = new Map<string, Set<string>>();
  for (const task of spec.tasks) dag.set(task.name, new Set());
  const finallyNames = new Set((spec.finally ?? []).map((t) => t.name));
  for (const task of all) {
    const isFinally = finallyNames.has(task.name);
    if (isFinally && task.runAfter?.length) problems.push(`finally task '${task.name}' has runAfter, which Tekton forbids`);
    for (const dep of task.runAfter ?? []) {
      if (!byName.has(dep) || finallyNames.has(dep)) problems.push(`task '${task.name}' runs after unknown task '${dep}'`);
      else dag.get(task.name)?.add(dep);
    }
    for (const p of task.params ?? []) {
      if (!PARAM_NAME.test(p.name)) problems.push(`param name '${p.name}' of task '${task.name}' does not match Tekton's pattern`);
      if (!p.value.includes('$(')) continue; // most values are constants or other tasks' names
      if (p.value.includes('$(params.')) {
        for (const [, ref] of p.value.matchAll(PIPELINE_PARAM_REF)) if (!pipelineParams.has(ref!)) problems.push(`task '${task.name}' reads undeclared pipeline param '${ref}'`);
      }
      if (!p.value.includes('$(tasks.')) continue;
      for (const [, producer, result] of p.value.matchAll(RESULT_REF)) {
        const target = byName.get(producer!);
        if (!target || finallyNames.has(producer!)) problems.push(`task '${task.name}' reads a result of unknown task '${producer}'`);
        else {
          if (!isFinally) dag.get(task.name)?.add(producer!);
          const results = target.taskSpec?.steps ? target.taskSpec.results ?? [] : undefined;
          if (results && !results.some((r) => r.name === result)) problems.push(`task '${task.name}' reads result '${result}' that task '${producer}' does not declare`);
        }
      }
    }
    for (const w of task.when ?? []) {
      const text = w.input ?? w.cel ?? '';
      if (!text.includes('$(tasks.')) continue;
      for (const [, producer] of text.matchAll(RESULT_REF)) {
        if (!byName.has(producer!)) problems.push(`a when expression of task '${task.name}' reads unknown task '${producer}'`);
        else if (!isFinally) dag.get(task.name)?.add(producer!);
      }
    }
    if (task.taskSpec?.steps) problems.push(...checkTaskSpec(task.name, task.taskSpec));
    const custom = task.taskSpec?.spec as NestedRunSpec | undefined;
    if (custom?.pipelineSpec) problems.push(...checkNestedRun(custom, `${where} → ${task.name}`).map((d) => d.message));
  }
  const cycle = findCycle(dag);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' → ')}`);
  return problems.map((message) => ({ code: 'tekton-constraint', severity: 'error', message: message.startsWith(where) ? message : `${where}: ${message}`, hint: 'This is a kft bug; please report it with the spec.' }));
}

/** A custom task spec holding a pipeline (a PipelineLoop's), with the run settings it passes on. */
export interface NestedRunSpec {
  pipelineSpec?: v1.PipelineSpec;
  taskRunSpecs?: v1.PipelineTaskRunSpec[];
}

/** A nested pipeline and the task run specs that apply to its runs. */
export function checkNestedRun(spec: NestedRunSpec, where: string): Diagnostic[] {
  return spec.pipelineSpec ? [...checkPipelineSpec(spec.pipelineSpec, where), ...checkTaskRunSpecs(spec.taskRunSpecs, spec.pipelineSpec, where)] : [];
}

/**
 * Tekton rejects a run whose `taskRunSpecs` name a task its pipeline does not have (the
 * PipelineRun reconciler's validation of task run specs): each entry must name a task of the
 * pipeline it applies to, not one of a loop or graph nested in it.
 */
export function checkTaskRunSpecs(specs: readonly v1.PipelineTaskRunSpec[] | undefined, pipeline: v1.PipelineSpec, where: string): Diagnostic[] {
  const names = new Set([...pipeline.tasks, ...(pipeline.finally ?? [])].map((t) => t.name));
  return (specs ?? [])
    .filter((t) => !names.has(t.pipelineTaskName))
    .map((t) => ({ code: 'tekton-constraint', severity: 'error', message: `${where}: taskRunSpecs name '${t.pipelineTaskName}', which is not a task of this pipeline`, hint: 'This is a kft bug; please report it with the spec.' }));
}

function checkTaskSpec(taskName: string, spec: v1.EmbeddedTask): string[] {
  const problems: string[] = [];
  const stepNames = new Set<string>();
  for (const step of spec.steps ?? []) {
    if (stepNames.has(step.name)) problems.push(`task '${taskName}' has two steps named '${step.name}'`);
    if (!DNS_LABEL.test(step.name)) problems.push(`step name '${step.name}' of task '${taskName}' is not a DNS-1123 label`);
    stepNames.add(step.name);
  }
  for (const r of spec.results ?? []) if (!RESULT_NAME.test(r.name)) problems.push(`result name '${r.name}' of task '${taskName}' does not match Tekton's pattern`);
  const declared = new Set((spec.params ?? []).map((p) => p.name));
  const checkText = (text: string | undefined): void => {
    if (!text?.includes('$(')) return;
    for (const [, name] of text.matchAll(INPUT_PARAM_REF)) if (!declared.has(name!)) problems.push(`task '${taskName}' uses undeclared param '${name}'`);
  };
  for (const s of spec.steps ?? []) {
    checkText(s.image);
    s.command?.forEach(checkText);
    s.args?.forEach(checkText);
    checkText(s.script);
    s.env?.forEach((e) => checkText(e.value));
  }
  return problems;
}

/**
 * The first cycle of a depth-first walk in insertion order, as a path that ends where it starts.
 * Iterative (an explicit stack of iterators): a chain of thousands of tasks is as deep as it is long.
 */
function findCycle(dag: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the path, 2: done
  const none = new Set<string>();
  for (const root of dag.keys()) {
    if (state.has(root)) continue;
    const path = [root];
    const pending = [(dag.get(root) ?? none).values()];
    state.set(root, 1);
    while (path.length) {
      const next = pending[pending.length - 1]!.next();
      if (next.done) {
        state.set(path.pop()!, 2);
        pending.pop();
        continue;
      }
      const dep = next.value;
      const seen = state.get(dep);
      if (seen === 1) return [...path.slice(path.indexOf(dep)), dep];
      if (seen === 2) continue;
      state.set(dep, 1);
      path.push(dep);
      pending.push((dag.get(dep) ?? none).values());
    }
  }
  return undefined;
}
