/**
 * The subset of Tekton's tekton.dev/v1 API that kft writes, field names as in Tekton's OpenAPI
 * definitions. Objects are built as literals of these types, so TypeScript's excess-property
 * check makes writing an unknown field (such as a v1beta1 `resources` on a v1 step) a compile error.
 */
export type StringMap = Record<string, string>;

export interface ObjectMeta {
  name: string;
  annotations?: StringMap;
  labels?: StringMap;
}

export interface EnvVar { name: string; value?: string; valueFrom?: unknown }

export interface ResourceRequirements { requests?: StringMap; limits?: StringMap }

export interface Step {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  script?: string;
  env?: EnvVar[];
  computeResources?: ResourceRequirements;
  imagePullPolicy?: string;
  volumeMounts?: unknown[];
  securityContext?: unknown;
  workingDir?: string;
  onError?: 'continue' | 'stopAndFail';
}

export interface ParamSpec { name: string; type?: 'string' | 'array' | 'object'; default?: string; description?: string }
export interface Param { name: string; value: string }
export interface TaskResult { name: string; type?: 'string' | 'array' | 'object'; description?: string }
export interface WorkspaceDeclaration { name: string; readOnly?: boolean; mountPath?: string }
export interface WorkspacePipelineTaskBinding { name: string; workspace: string; subPath?: string }
export interface WhenExpression { input?: string; operator?: 'in' | 'notin'; values?: string[]; cel?: string }

export interface PipelineTaskMetadata { labels?: StringMap; annotations?: StringMap }

/** EmbeddedTask: a TaskSpec, or a custom task's apiVersion/kind/spec. */
export interface EmbeddedTask {
  metadata?: PipelineTaskMetadata;
  params?: ParamSpec[];
  results?: TaskResult[];
  steps?: Step[];
  sidecars?: unknown[];
  volumes?: unknown[];
  workspaces?: WorkspaceDeclaration[];
  stepTemplate?: unknown;
  apiVersion?: string;
  kind?: string;
  spec?: unknown;
}

export interface TaskRef { name?: string; apiVersion?: string; kind?: string }

export interface PipelineTask {
  name: string;
  displayName?: string;
  params?: Param[];
  taskSpec?: EmbeddedTask;
  taskRef?: TaskRef;
  runAfter?: string[];
  when?: WhenExpression[];
  retries?: number;
  timeout?: string;
  workspaces?: WorkspacePipelineTaskBinding[];
}

export interface PipelineSpec {
  params?: ParamSpec[];
  tasks: PipelineTask[];
  finally?: PipelineTask[];
  workspaces?: { name: string }[];
}

export interface PipelineTaskRunSpec {
  pipelineTaskName: string;
  serviceAccountName?: string;
  podTemplate?: Record<string, unknown>;
  metadata?: PipelineTaskMetadata;
}

export interface PipelineRunSpec {
  params?: Param[];
  pipelineSpec?: PipelineSpec;
  pipelineRef?: { name: string };
  timeouts?: { pipeline?: string; tasks?: string; finally?: string };
  taskRunTemplate?: { serviceAccountName?: string; podTemplate?: Record<string, unknown> };
  taskRunSpecs?: PipelineTaskRunSpec[];
  workspaces?: Record<string, unknown>[];
}

export interface PipelineRun {
  apiVersion: 'tekton.dev/v1';
  kind: 'PipelineRun';
  metadata: ObjectMeta;
  spec: PipelineRunSpec;
}

export interface Pipeline {
  apiVersion: 'tekton.dev/v1';
  kind: 'Pipeline';
  metadata: ObjectMeta;
  spec: PipelineSpec;
}
