/**
 * Run variables in a container task's steps. Tekton substitutes pipeline-level variables
 * ($(context.pipelineRun.name|namespace|uid), $(context.pipeline.name),
 * $(context.pipelineTask.retries)) only in the pipeline's own fields, not inside an embedded
 * task's steps, so kfp-tekton passes each one used in a step through a param named after it
 * (`pipelineRun-name`, ...). Argo variables are first mapped to Tekton ones (argoVariables.ts);
 * `{{workflow.parameters.P}}` becomes a param bound to the pipeline param. Task-level variables
 * ($(context.taskRun.name|uid|namespace), $(context.task.name|retry-count)) work in steps as they
 * are and pass through.
 *
 * Argo's `{{pod.name}}` is the pod's own name, which Kubernetes gives a container through the
 * downward API: an env var that is exactly `{{pod.name}}` reads `metadata.name` (valueFrom
 * fieldRef); anywhere else in the step's command, args or env values it becomes `$(KFT_POD_NAME)`,
 * an env var defined first in the step, which Kubernetes expands there (Tekton substitutes only
 * its own variables and leaves it alone).
 */
import { mapArgoVariables, POD_NAME_VARIABLE } from '../model/argoVariables.js';
import type { EnvVarIR, ParamIR, PipelineTaskIR, StepIR } from './ir.js';

/** Pipeline-level variable → the param kfp-tekton passes it through. */
export const PIPELINE_VARIABLES: Readonly<Record<string, string>> = {
  '$(context.pipeline.name)': 'pipeline-name',
  '$(context.pipelineRun.name)': 'pipelineRun-name',
  '$(context.pipelineRun.namespace)': 'pipelineRun-namespace',
  '$(context.pipelineRun.uid)': 'pipelineRun-uid',
  '$(context.pipelineTask.retries)': 'pipelineTask-retries',
};

export function withRunVariables(task: PipelineTaskIR): PipelineTaskIR {
  if (task.body.kind !== 'embedded' || !task.body.spec.steps.some(mayHaveVariables)) return task;
  const added: ParamIR[] = [];
  const bind = (name: string, value: string): string => {
    if (!task.params.some((p) => p.name === name) && !added.some((p) => p.name === name)) added.push({ name, value });
    return `$(params.${name})`;
  };
  let changed = false;
  const rewrite = (text: string): string => {
    // Argo placeholders (and the {{workflow.parameters.P}} a $(params.P) stands for) start with
    // `{{`, and the pipeline variables with `$(context.`: other texts, such as the $(inputs.params.X)
    // and $(results.R.path) of every lowered step, stay as they are.
    if (!hasVariable(text)) return text;
    let out = mapArgoVariables(text).text.replace(/\$\(params\.([^)\s]+)\)/g, (whole, name: string) => (text.includes(`{{workflow.parameters.${name}}}`) ? bind(name, whole) : whole));
    for (const [variable, name] of Object.entries(PIPELINE_VARIABLES)) if (out.includes(variable)) out = out.split(variable).join(bind(name, variable));
    if (out !== text) changed = true;
    return out;
  };
  const steps = task.body.spec.steps.map((step) => {
    const rewritten = rewriteStep(step, rewrite);
    const lowered = withPodName(rewritten);
    if (lowered !== rewritten) changed = true;
    return lowered;
  });
  if (added.length === 0 && !changed) return task;
  const spec = task.body.spec;
  return {
    ...task,
    params: [...task.params, ...added],
    body: { kind: 'embedded', spec: { ...spec, params: [...spec.params, ...added.map((p) => ({ name: p.name }))], steps } },
  };
}

/**
 * Whether a text of the step may hold a variable (see rewrite): most steps hold none, and are
 * checked without copying them (withRunVariables runs once per container task).
 */
function mayHaveVariables(step: StepIR): boolean {
  if (step.command?.some(hasVariable) || step.args?.some(hasVariable)) return true;
  if (step.script !== undefined && hasVariable(step.script)) return true;
  return step.env?.some((e) => e.value !== undefined && hasVariable(e.value)) ?? false;
}

const hasVariable = (text: string): boolean => text.includes('{{') || text.includes('$(context.');

function rewriteStep(step: StepIR, rewrite: (text: string) => string): StepIR {
  return {
    ...step,
    ...(step.command ? { command: step.command.map(rewrite) } : {}),
    ...(step.args ? { args: step.args.map(rewrite) } : {}),
    ...(step.script !== undefined ? { script: rewrite(step.script) } : {}),
    ...(step.env ? { env: step.env.map((e) => (e.value !== undefined ? { ...e, value: rewrite(e.value) } : e)) } : {}),
  };
}

/** The downward API's field for the pod's name. */
const POD_NAME_FIELD = { fieldRef: { fieldPath: 'metadata.name' } };
export const POD_NAME_ENV = 'KFT_POD_NAME';

/**
 * Lowers `{{pod.name}}` in a step (see the file's header): env vars that are exactly it read the
 * pod's name; other occurrences expand an env var holding it, defined first so that env values
 * after it may use it too (Kubernetes expands only variables defined earlier in the list).
 */
export function withPodName(step: StepIR): StepIR {
  const texts = [...(step.command ?? []), ...(step.args ?? []), ...(step.env ?? []).map((e) => e.value ?? '')];
  if (!texts.some((t) => t.includes(POD_NAME_VARIABLE))) return step;
  const env: EnvVarIR[] = (step.env ?? []).map((e) => (e.value === POD_NAME_VARIABLE ? { name: e.name, valueFrom: POD_NAME_FIELD } : e));
  let variable = POD_NAME_ENV;
  for (let i = 2; env.some((e) => e.name === variable); i++) variable = `${POD_NAME_ENV}_${i}`;
  let used = false;
  const expand = (text: string): string => {
    if (!text.includes(POD_NAME_VARIABLE)) return text;
    used = true;
    return expandingPodName(text, variable);
  };
  const command = step.command?.map(expand);
  const args = step.args?.map(expand);
  const expanded = env.map((e) => (e.value !== undefined ? { ...e, value: expand(e.value) } : e));
  return {
    ...step,
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    env: used ? [{ name: variable, valueFrom: POD_NAME_FIELD }, ...expanded] : expanded,
  };
}

/**
 * `text` with every `{{pod.name}}` replaced by `$(VARIABLE)`, which Kubernetes expands. Kubernetes
 * reads `$$` as an escaped `$`: a run of `$` just before the placeholder is left as Kubernetes read
 * it before (an odd run ended in a plain `$`), and the run plus the new `$` must leave that `$` of
 * `$(` unpaired, so an odd run gets one `$` more.
 */
export function expandingPodName(text: string, variable: string): string {
  return text.split(POD_NAME_VARIABLE).reduce((out, part) => {
    const run = /\$*$/.exec(out)![0].length;
    return `${out}${run % 2 === 1 ? '$' : ''}$(${variable})${part}`;
  });
}
