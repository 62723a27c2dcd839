/**
 * The differences of tekton.dev/v1beta1 from v1 that kft writes: steps call their resources
 * `resources`, the run has `timeouts`, `serviceAccountName` and `podTemplate` at its top, and
 * per-task settings are `taskRunSpecs` with `taskServiceAccountName`/`taskPodTemplate`.
 */
import type * as v1 from './v1.js';

export type Step = Omit<v1.Step, 'computeResources'> & { resources?: v1.ResourceRequirements };
export type EmbeddedTask = Omit<v1.EmbeddedTask, 'steps'> & { steps?: Step[] };
export type PipelineTask = Omit<v1.PipelineTask, 'taskSpec' | 'displayName'> & { taskSpec?: EmbeddedTask };
export type PipelineSpec = Omit<v1.PipelineSpec, 'tasks' | 'finally'> & { tasks: PipelineTask[]; finally?: PipelineTask[] };

export interface PipelineTaskRunSpec {
  pipelineTaskName: string;
  taskServiceAccountName?: string;
  taskPodTemplate?: Record<string, unknown>;
  metadata?: v1.PipelineTaskMetadata;
}

export interface PipelineRunSpec {
  params?: v1.Param[];
  pipelineSpec?: PipelineSpec;
  pipelineRef?: { name: string };
  timeouts?: { pipeline?: string; tasks?: string; finally?: string };
  serviceAccountName?: string;
  podTemplate?: Record<string, unknown>;
  taskRunSpecs?: PipelineTaskRunSpec[];
  workspaces?: Record<string, unknown>[];
}

export interface PipelineRun {
  apiVersion: 'tekton.dev/v1beta1';
  kind: 'PipelineRun';
  metadata: v1.ObjectMeta;
  spec: PipelineRunSpec;
}

export interface Pipeline {
  apiVersion: 'tekton.dev/v1beta1';
  kind: 'Pipeline';
  metadata: v1.ObjectMeta;
  spec: PipelineSpec;
}
