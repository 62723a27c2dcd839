/**
 * spec.config → the PipelineRun's run-wide settings, as kfp-tekton applies its TektonPipelineConf
 * and PipelineConf: the default pod template of every task (lower/podTemplate.ts), the service account, workspaces bound by the run
 * and declared by the pipeline, and timeouts.
 */
import type { PipelineConfig } from '../generated/pipeline.js';
import { durationSeconds, durationText, secondsText } from './durations.js';
import type { PipelineRunIR } from './ir.js';
import { runPodTemplate } from './podTemplate.js';

/** kfp-tekton's DEFAULT_FINALLY_SECONDS: time left for finally tasks after the pipeline timeout. */
export const DEFAULT_FINALLY_SECONDS = 300;

export function runSettings(config: PipelineConfig): Pick<PipelineRunIR, 'podTemplate' | 'serviceAccountName' | 'workspaces' | 'timeouts'> {
  const podTemplate = runPodTemplate(config);
  const workspaces = Object.entries(config.workspaces ?? {}).map(([name, w]) => ({ name, ...structuredClone(w) }));
  const timeouts = runTimeouts(config);
  return {
    ...(podTemplate ? { podTemplate } : {}),
    ...(config.serviceAccount ? { serviceAccountName: config.serviceAccount } : {}),
    ...(workspaces.length ? { workspaces } : {}),
    ...(timeouts ? { timeouts } : {}),
  };
}

/** The workspaces the pipeline declares: one per workspace the run binds. */
export function pipelineWorkspaces(config: PipelineConfig): { name: string }[] {
  return Object.keys(config.workspaces ?? {}).map((name) => ({ name }));
}

/**
 * Unset: nothing is written and Tekton's global default applies (what kfp-tekton 1.9 emits).
 * 0: the run never times out. Otherwise tasks get `timeout` and the whole run `timeout +
 * finallyTimeout`, as kfp-tekton writes it (so finally tasks still run after a timeout).
 */
function runTimeouts(config: PipelineConfig): PipelineRunIR['timeouts'] {
  if (config.timeout === undefined) return undefined;
  const tasks = durationSeconds(config.timeout);
  if (tasks === 0) return { pipeline: '0s' };
  const fin = config.finallyTimeout !== undefined ? durationSeconds(config.finallyTimeout) : DEFAULT_FINALLY_SECONDS;
  return { pipeline: secondsText(tasks + fin), tasks: durationText(config.timeout) };
}
