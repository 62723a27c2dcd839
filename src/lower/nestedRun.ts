/**
 * The run settings of a nested pipeline (a loop body or a graph instance, lowered as a PipelineLoop).
 * The PipelineLoop controller starts one PipelineRun per iteration and copies its spec's
 * `taskRunSpecs` and `workspaces` into that run (pipelinelooprun.go); nothing of the enclosing
 * PipelineRun's own `taskRunSpecs` or workspace bindings reaches it. Tekton rejects a run whose
 * `taskRunSpecs` name a task its pipeline does not have, so a body task's pod settings belong to
 * the PipelineLoop; and a workspace a body task mounts must be declared by the body pipeline and
 * bound by the PipelineLoop, as the run binds it (kfp-tekton's big-data-passing goldens bind the
 * data-passing workspace so in every loop). The run-wide pod template (config: image pull secrets,
 * node selector, env, security context) reaches a loop's runs only through the PipelineLoop's
 * `podTemplate` (the controller sets it as their taskRunTemplate; kfp-tekton leaves it out, so its
 * loop bodies run without the pipeline's defaults). The service account needs no copy: the
 * controller inherits the custom run's.
 */
import type { NestedPipelineTaskIR, PipelineIR } from './ir.js';
import { dataWorkspaceBinding } from './dataPassing/workspace.js';
import { runSettings } from './pipelineConfig.js';
import type { ScopeLowering } from './scope.js';

/** The fields of the PipelineLoop that give its runs the body's task run specs and workspaces. */
export function nestedRunSettings(body: ScopeLowering): Pick<NestedPipelineTaskIR, 'taskRunSpecs' | 'workspaces' | 'podTemplate'> {
  const workspaces = [...body.workspacesUsed].map((name) => runBinding(body, name));
  const { podTemplate } = runSettings(body.ctx.model.config);
  return {
    ...(body.taskRunSpecs.length ? { taskRunSpecs: [...body.taskRunSpecs] } : {}),
    ...(workspaces.length ? { workspaces } : {}),
    ...(podTemplate ? { podTemplate } : {}),
  };
}

/** The workspaces the body pipeline declares: those its tasks bind. */
export function nestedWorkspaces(body: ScopeLowering): Pick<PipelineIR, 'workspaces'> {
  return body.workspacesUsed.size ? { workspaces: [...body.workspacesUsed].map((name) => ({ name })) } : {};
}

/** The binding of a pipeline workspace, as the PipelineRun binds it. */
function runBinding(body: ScopeLowering, name: string): Readonly<Record<string, unknown>> {
  const { model } = body.ctx;
  if (name === body.ctx.dataWorkspace) return dataWorkspaceBinding(model);
  return { name, ...structuredClone(model.config.workspaces?.[name] ?? {}) };
}
