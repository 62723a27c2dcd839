/**
 * Re-checks emitted pipelines against the constraints Tekton's admission webhook enforces, before
 * anything is written: DNS-1123 task names of at most 63 characters, unique task, step and param
 * names, param and result names of Tekton's patterns, runAfter and result references that resolve, no
 * cycles, no runAfter in finally. A failure here is a kft bug; it is reported, never written.
 *
 * A pipeline inside a custom task (a PipelineLoop's, a custom group's) gets no Tekton defaults:
 * the webhook never sees it, and kfp-tekton's PipelineLoop controller validates it as written
 * (it defaults only its own `parallelism`). So there every param spec must have a `type`, and a
 * PipelineLoop spec may hold only the fields kfp-tekton's PipelineLoop type has (its webhook
 * decodes a PipelineLoop resource strictly; its controller ignores other fields of an embedded one).
 *
 * It runs on every build, once per task, so it is shaped for a cold run: the references a text
 * holds are found once per distinct text (tasks of one component repeat the same step and param
 * texts), and names are looked up in the few entries a task has rather than collected in sets.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type * as v1 from './tekton/v1.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESULT_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** `$(tasks.T.results.R…`: captures T and R. */
const RESULT_REF = /\$\(tasks\.([^.)]+)\.results\.([^.)\[]+)/g;
/** `$(inputs.params.P)`, `$(params.P)`, `$(params.P[*])`: captures P. */
const INPUT_PARAM_REF = /\$\((?:inputs\.)?params\.([^)\[]+?)(?:\[\*\])?\)/g;
/** `$(params.P…`: captures P. */
const PIPELINE_PARAM_REF = /\$\(params\.([^)\[]+)/g;

const NONE: readonly string[] = Object.freeze([]);

const PIPELINE_LOOP_API = 'custom.tekton.dev/v1alpha1';
const PIPELINE_LOOP_KIND = 'PipelineLoop';
/** The JSON fields of kfp-tekton's PipelineLoopSpec (tekton-catalog/pipeline-loops, pipelineloop_types.go). */
const PIPELINE_LOOP_FIELDS: ReadonlySet<string> = new Set([
  'pipelineRef', 'pipelineSpec', 'iterateParam', 'iterateParamStringSeparator', 'iterationNumberParam', 'iterateNumeric',
  'timeout', 'parallelism', 'retries', 'podTemplate', 'serviceAccountName', 'workspaces', 'taskRunSpecs',
]);

/**
 * The groups a global pattern captures in a text, all matches flattened, found once per distinct
 * text. Texts without `$(` (constants, names) hold none and are not stored.
 */
class ReferenceMemo {
  private readonly byText = new Map<string, readonly string[]>();
  constructor(private readonly pattern: RegExp, private readonly groups: number) {}

  of(text: string): readonly string[] {
    if (!text.includes('$(')) return NONE;
    let found = this.byText.get(text);
    if (found === undefined) {
      found = captures(this.pattern, this.groups, text);
      this.byText.set(text, found);
    }
    return found;
  }
}

function captures(pattern: RegExp, groups: number, text: string): readonly string[] {
  const found: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) for (let g = 1; g <= groups; g++) found.push(m[g]!);
  return found.length ? found : NONE;
}

/**
 * Names already found to match a pattern: a task's param, step and result names repeat across the
 * tasks of one component, and a set lookup costs a fraction of a RegExp call on a cold run.
 */
class ValidNames {
  private readonly valid = new Set<string>();
  constructor(private readonly pattern: RegExp) {}

  test(name: string): boolean {
    if (this.valid.has(name)) return true;
    if (!this.pattern.test(name)) return false;
    this.valid.add(name);
    return true;
  }
}

/** The memos of one check (a run's pipeline with the pipelines nested in it). */
interface Memos {
  readonly results: ReferenceMemo;
  readonly pipelineParams: ReferenceMemo;
  readonly inputParams: ReferenceMemo;
  readonly paramNames: ValidNames;
  readonly stepNames: ValidNames;
  readonly resultNames: ValidNames;
}

const newMemos = (): Memos => ({
  results: new ReferenceMemo(RESULT_REF, 2),
  pipelineParams: new ReferenceMemo(PIPELINE_PARAM_REF, 1),
  inputParams: new ReferenceMemo(INPUT_PARAM_REF, 1),
  paramNames: new ValidNames(PARAM_NAME),
  stepNames: new ValidNames(DNS_LABEL),
  resultNames: new ValidNames(RESULT_NAME),
});

export function checkPipelineSpec(spec: v1.PipelineSpec, where: string): Diagnostic[] {
  return diagnostics(pipelineProblems(spec, where, newMemos(), false), where);
}

/**
 * A problem here is kft's own, unless it lies in a custom resource the spec embeds as written (a
 * customTask component's `spec`, e.g. a hand-written PipelineLoop), which kft copies unchanged.
 */
const CHECK_HINT = 'If it lies in a custom resource your spec embeds (a customTask component\'s spec), correct it there (Tekton applies no defaults inside a custom task); otherwise this is a kft bug: please report it with the spec.';

function diagnostics(problems: readonly string[], where: string): Diagnostic[] {
  return problems.map((message) => ({ code: 'tekton-constraint', severity: 'error', message: message.startsWith(where) ? message : `${where}: ${message}`, hint: CHECK_HINT }));
}

/** Task name → the tasks it runs after or reads from (tasks only: finally tasks are not in the DAG). */
type Dag = Map<string, string[]>;

/** What one pipeline's tasks are checked against. */
interface PipelineNames {
  readonly byName: ReadonlyMap<string, v1.PipelineTask>;
  readonly params: ReadonlySet<string>;
  readonly finallyNames: ReadonlySet<string>;
}

// Indexed loops throughout: on a cold run a for-of loop (an iterator object and a next() call per
// element) costs several times as much in the interpreter, once per task.
/** `nested`: the pipeline of a custom task, which nothing defaults. */
function pipelineProblems(spec: v1.PipelineSpec, where: string, memos: Memos, nested: boolean): string[] {
  const problems: string[] = [];
  const all = spec.finally?.length ? [...spec.tasks, ...spec.finally] : spec.tasks;
  const byName = new Map<string, v1.PipelineTask>();
  for (let i = 0; i < all.length; i++) {
    const name = all[i]!.name;
    if (!DNS_LABEL.test(name) || name.length > 63) problems.push(`task name '${name}' is not a DNS-1123 label of at most 63 characters`);
    if (byName.has(name)) problems.push(`task name '${name}' is used twice`);
    byName.set(name, all[i]!);
  }
  const params = new Set<string>();
  for (const p of spec.params ?? []) {
    if (params.has(p.name)) problems.push(`pipeline param '${p.name}' is declared twice`);
    params.add(p.name);
    if (!PARAM_NAME.test(p.name)) problems.push(`pipeline param name '${p.name}' does not match Tekton's pattern`);
    if (nested && p.type === undefined) problems.push(`pipeline param '${p.name}' has no type, which nothing fills in inside a custom task`);
  }
  const finallyNames = new Set<string>();
  for (const t of spec.finally ?? []) finallyNames.add(t.name);
  const names: PipelineNames = { byName, params, finallyNames };
  const dag: Dag = new Map();
  for (let i = 0; i < all.length; i++) {
    const task = all[i]!;
    const isFinally = finallyNames.has(task.name);
    if (isFinally && task.runAfter?.length) problems.push(`finally task '${task.name}' has runAfter, which Tekton forbids`);
    if (task.runAfter) runAfterProblems(spec, task, isFinally, names, dag, problems);
    if (task.params) paramProblems(task, isFinally, names, memos, dag, problems);
    if (task.when) whenProblems(task, isFinally, names, memos, dag, problems);
    if (task.taskSpec?.steps) taskSpecProblems(task.name, task.taskSpec, memos, problems, nested);
    const custom = task.taskSpec?.spec as NestedRunSpec | undefined;
    if (custom?.pipelineSpec) problems.push(...nestedRunDiagnostics(custom, `${where} → ${task.name}`, memos, task.taskSpec!).map((d) => d.message));
  }
  const cycle = findCycle(spec.tasks, dag);
  if (cycle) problems.push(`dependency cycle: ${cycle.join(' → ')}`);
  return problems;
}

function addEdge(dag: Dag, task: string, dep: string): void {
  const deps = dag.get(task);
  if (deps) deps.push(dep);
  else dag.set(task, [dep]);
}

function runAfterProblems(spec: v1.PipelineSpec, task: v1.PipelineTask, isFinally: boolean, names: PipelineNames, dag: Dag, problems: string[]): void {
  const runAfter = task.runAfter!;
  for (let i = 0; i < runAfter.length; i++) {
    const dep = runAfter[i]!;
    if (!names.byName.has(dep) || names.finallyNames.has(dep)) problems.push(`task '${task.name}' runs after unknown task '${dep}'`);
    // (A finally task's edges are dropped, unless a task of the DAG has its name: a kft bug reported above.)
    else if (!isFinally || spec.tasks.some((t) => t.name === task.name)) addEdge(dag, task.name, dep);
  }
}

function paramProblems(task: v1.PipelineTask, isFinally: boolean, names: PipelineNames, memos: Memos, dag: Dag, problems: string[]): void {
  const params = task.params!;
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (!memos.paramNames.test(p.name)) problems.push(`param name '${p.name}' of task '${task.name}' does not match Tekton's pattern`);
    if (nameBefore(params, i, p.name)) problems.push(`task '${task.name}' passes param '${p.name}' twice`);
    const read = memos.pipelineParams.of(p.value);
    for (let j = 0; j < read.length; j++) if (!names.params.has(read[j]!)) problems.push(`task '${task.name}' reads undeclared pipeline param '${read[j]}'`);
    const refs = memos.results.of(p.value);
    for (let j = 0; j < refs.length; j += 2) {
      const producer = refs[j]!;
      const result = refs[j + 1]!;
      const target = names.byName.get(producer);
      if (!target || names.finallyNames.has(producer)) problems.push(`task '${task.name}' reads a result of unknown task '${producer}'`);
      else {
        if (!isFinally) addEdge(dag, task.name, producer);
        if (target.taskSpec?.steps && !hasName(target.taskSpec.results, result)) problems.push(`task '${task.name}' reads result '${result}' that task '${producer}' does not declare`);
      }
    }
  }
}

function whenProblems(task: v1.PipelineTask, isFinally: boolean, names: PipelineNames, memos: Memos, dag: Dag, problems: string[]): void {
  const when = task.when!;
  for (let i = 0; i < when.length; i++) {
    const refs = memos.results.of(when[i]!.input ?? when[i]!.cel ?? '');
    for (let j = 0; j < refs.length; j += 2) {
      const producer = refs[j]!;
      if (!names.byName.has(producer)) problems.push(`a when expression of task '${task.name}' reads unknown task '${producer}'`);
      else if (!isFinally) addEdge(dag, task.name, producer);
    }
  }
}

/** A custom task spec holding a pipeline (a PipelineLoop's), with the run settings it passes on. */
export interface NestedRunSpec {
  pipelineSpec?: v1.PipelineSpec;
  taskRunSpecs?: v1.PipelineTaskRunSpec[];
}

/** What kind of custom task a spec belongs to. */
export interface CustomTaskType {
  readonly apiVersion?: string;
  readonly kind?: string;
}

/** A nested pipeline (of a custom resource of type `type`) and the task run specs that apply to its runs. */
export function checkNestedRun(spec: NestedRunSpec, where: string, type: CustomTaskType): Diagnostic[] {
  return nestedRunDiagnostics(spec, where, newMemos(), type);
}

function nestedRunDiagnostics(spec: NestedRunSpec, where: string, memos: Memos, type: CustomTaskType): Diagnostic[] {
  if (!spec.pipelineSpec) return [];
  const problems = pipelineProblems(spec.pipelineSpec, where, memos, true);
  if (type.apiVersion === PIPELINE_LOOP_API && type.kind === PIPELINE_LOOP_KIND) {
    for (const field of Object.keys(spec)) if (!PIPELINE_LOOP_FIELDS.has(field)) problems.push(`PipelineLoop field '${field}' is not a field of kfp-tekton's PipelineLoop`);
  }
  return [...diagnostics(problems, where), ...checkTaskRunSpecs(spec.taskRunSpecs, spec.pipelineSpec, where)];
}

/**
 * Tekton rejects a run whose `taskRunSpecs` name a task its pipeline does not have (the
 * PipelineRun reconciler's validation of task run specs): each entry must name a task of the
 * pipeline it applies to, not one of a loop or graph nested in it.
 */
export function checkTaskRunSpecs(specs: readonly v1.PipelineTaskRunSpec[] | undefined, pipeline: v1.PipelineSpec, where: string): Diagnostic[] {
  if (!specs?.length) return [];
  const names = new Set([...pipeline.tasks, ...(pipeline.finally ?? [])].map((t) => t.name));
  return specs
    .filter((t) => !names.has(t.pipelineTaskName))
    .map((t) => ({ code: 'tekton-constraint', severity: 'error', message: `${where}: taskRunSpecs name '${t.pipelineTaskName}', which is not a task of this pipeline`, hint: CHECK_HINT }));
}

function taskSpecProblems(taskName: string, spec: v1.EmbeddedTask, memos: Memos, problems: string[], nested: boolean): void {
  if (nested && spec.params) {
    for (let i = 0; i < spec.params.length; i++) if (spec.params[i]!.type === undefined) problems.push(`param '${spec.params[i]!.name}' of task '${taskName}' has no type, which nothing fills in inside a custom task`);
  }
  if (spec.params) for (let i = 1; i < spec.params.length; i++) if (nameBefore(spec.params, i, spec.params[i]!.name)) problems.push(`task '${taskName}' declares param '${spec.params[i]!.name}' twice`);
  const steps = spec.steps ?? [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    if (nameBefore(steps, i, s.name)) problems.push(`task '${taskName}' has two steps named '${s.name}'`);
    if (!memos.stepNames.test(s.name)) problems.push(`step name '${s.name}' of task '${taskName}' is not a DNS-1123 label`);
  }
  const results = spec.results ?? [];
  for (let i = 0; i < results.length; i++) if (!memos.resultNames.test(results[i]!.name)) problems.push(`result name '${results[i]!.name}' of task '${taskName}' does not match Tekton's pattern`);
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    undeclaredParams(taskName, spec, s.image, memos.inputParams, problems);
    if (s.command) undeclaredParamsIn(taskName, spec, s.command, memos.inputParams, problems);
    if (s.args) undeclaredParamsIn(taskName, spec, s.args, memos.inputParams, problems);
    if (s.script !== undefined) undeclaredParams(taskName, spec, s.script, memos.inputParams, problems);
    if (s.env) for (let j = 0; j < s.env.length; j++) undeclaredParams(taskName, spec, s.env[j]!.value, memos.inputParams, problems);
  }
}

function undeclaredParamsIn(taskName: string, spec: v1.EmbeddedTask, texts: readonly string[], inputParams: ReferenceMemo, problems: string[]): void {
  for (let i = 0; i < texts.length; i++) if (texts[i]!.includes('$(')) undeclaredParams(taskName, spec, texts[i], inputParams, problems);
}

function undeclaredParams(taskName: string, spec: v1.EmbeddedTask, text: string | undefined, inputParams: ReferenceMemo, problems: string[]): void {
  if (text === undefined) return;
  const names = inputParams.of(text);
  for (let i = 0; i < names.length; i++) if (!hasName(spec.params, names[i]!)) problems.push(`task '${taskName}' uses undeclared param '${names[i]}'`);
}

function nameBefore(entries: readonly { readonly name: string }[], end: number, name: string): boolean {
  for (let i = 0; i < end; i++) if (entries[i]!.name === name) return true;
  return false;
}

/** Whether one of the entries has the name: a task has a handful of steps, params and results. */
function hasName(entries: readonly { readonly name: string }[] | undefined, name: string): boolean {
  if (entries) for (let i = 0; i < entries.length; i++) if (entries[i]!.name === name) return true;
  return false;
}

/**
 * The first cycle of a depth-first walk from the tasks in order, as a path that ends where it starts.
 * Iterative (a stack of positions in the dependency lists): a chain of thousands of tasks is as deep as it is long.
 */
function findCycle(tasks: readonly v1.PipelineTask[], dag: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  if (dag.size === 0) return undefined;
  const state = new Map<string, 1 | 2>(); // 1: on the path, 2: done
  for (let t = 0; t < tasks.length; t++) {
    const root = tasks[t]!.name;
    if (!dag.has(root) || state.has(root)) continue; // a task without dependencies closes no cycle
    const path = [root];
    const next = [0];
    state.set(root, 1);
    while (path.length) {
      const top = path.length - 1;
      const deps = dag.get(path[top]!) ?? NONE;
      if (next[top]! >= deps.length) {
        state.set(path.pop()!, 2);
        next.pop();
        continue;
      }
      const dep = deps[next[top]!]!;
      next[top]!++;
      const seen = state.get(dep);
      if (seen === 1) return [...path.slice(path.indexOf(dep)), dep];
      if (seen === 2) continue;
      state.set(dep, 1);
      path.push(dep);
      next.push(0);
    }
  }
  return undefined;
}
