/**
 * Run variables in a container task's steps. Tekton substitutes pipeline-level variables
 * ($(context.pipelineRun.name|namespace|uid), $(context.pipeline.name),
 * $(context.pipelineTask.retries)) only in the pipeline's own fields, not inside an embedded
 * task's steps, so kfp-tekton passes each one used in a step through a param named after it
 * (`pipelineRun-name`, ...). Argo variables are first mapped to Tekton ones (argoVariables.ts);
 * `{{workflow.parameters.P}}` becomes a param bound to the pipeline param. Task-level variables
 * ($(context.taskRun.name|uid|namespace), $(context.task.name|retry-count)) work in steps as they
 * are and pass through.
 */
import { mapArgoVariables } from '../model/argoVariables.js';
import type { ParamIR, PipelineTaskIR, StepIR } from './ir.js';

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
  const steps = task.body.spec.steps.map((step) => rewriteStep(step, rewrite));
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
