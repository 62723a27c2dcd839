/**
 * The IR: an immutable model of the Tekton concepts kft emits, independent of API version and
 * output layout (which are the emitter's choices). Lowering builds it; emit serialises it.
 */
export type StringMap = Readonly<Record<string, string>>;

export interface EnvVarIR {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: unknown;
}

export interface StepIR {
  readonly name: string;
  readonly image: string;
  readonly command?: readonly string[];
  readonly args?: readonly string[];
  readonly script?: string;
  readonly env?: readonly EnvVarIR[];
  readonly computeResources?: { readonly requests?: StringMap; readonly limits?: StringMap };
  readonly imagePullPolicy?: string;
  readonly volumeMounts?: readonly unknown[];
  readonly securityContext?: unknown;
  readonly workingDir?: string;
  readonly onError?: 'continue' | 'stopAndFail';
}

export interface ParamSpecIR {
  readonly name: string;
  readonly type?: 'string' | 'array' | 'object';
  readonly default?: string;
  readonly description?: string;
}

export interface ParamIR {
  readonly name: string;
  readonly value: string;
}

export interface ResultIR {
  readonly name: string;
  readonly type: 'string';
  readonly description?: string;
}

export interface TaskSpecIR {
  readonly params: readonly ParamSpecIR[];
  readonly results: readonly ResultIR[];
  readonly steps: readonly StepIR[];
  readonly sidecars?: readonly unknown[];
  readonly volumes?: readonly unknown[];
  readonly workspaces?: readonly { readonly name: string; readonly readOnly?: boolean; readonly mountPath?: string }[];
  readonly stepTemplate?: unknown;
  readonly metadata: { readonly labels: StringMap; readonly annotations: StringMap };
}

export interface WhenIR {
  readonly input?: string;
  readonly operator?: 'in' | 'notin';
  readonly values?: readonly string[];
  readonly cel?: string;
}

/** A custom task (Tekton Run/CustomRun): embedded spec or reference. */
export interface CustomTaskIR {
  readonly apiVersion: string;
  readonly kind: string;
  /** Embedded spec (taskSpec.spec), or undefined with `refName` set. */
  readonly spec?: unknown;
  readonly refName?: string;
  /** With `refName`: the spec of the resource emitted beside the run (kfp-tekton's --taskRef). */
  readonly refSpec?: unknown;
  readonly metadata?: { readonly labels?: StringMap; readonly annotations?: StringMap };
}

/** A PipelineLoop (or any custom task whose spec holds a pipelineSpec). */
export interface NestedPipelineTaskIR {
  readonly apiVersion: string;
  readonly kind: string;
  /** Resource name when emitted as a separate resource. */
  readonly resourceName: string;
  /** Fields of the custom spec other than the pipeline (iterateParam, parallelism, ...). */
  readonly specFields: Readonly<Record<string, unknown>>;
  readonly pipeline: PipelineIR;
  /**
   * What the custom task passes to each PipelineRun it creates (PipelineLoop spec fields, copied
   * into every iteration's run): per-task run settings of the pipeline's tasks, the bindings
   * of the workspaces the pipeline declares, and the run-wide pod template.
   */
  readonly taskRunSpecs?: readonly TaskRunSpecIR[];
  readonly workspaces?: readonly Readonly<Record<string, unknown>>[];
  /** The run-wide pod template (config), which Tekton applies only to the enclosing run's own tasks. */
  readonly podTemplate?: Readonly<Record<string, unknown>>;
  readonly metadata?: { readonly labels?: StringMap; readonly annotations?: StringMap };
  /**
   * Emitted as a separate resource whatever the layout: a recursive graph instance, whose
   * pipeline re-invokes the resource by name (a PipelineLoop cannot embed itself).
   */
  readonly reentrant?: boolean;
}

export type TaskBodyIR =
  | { readonly kind: 'embedded'; readonly spec: TaskSpecIR }
  | { readonly kind: 'custom'; readonly task: CustomTaskIR }
  | { readonly kind: 'nested'; readonly task: NestedPipelineTaskIR };

export interface PipelineTaskIR {
  readonly name: string;
  readonly params: readonly ParamIR[];
  readonly body: TaskBodyIR;
  readonly runAfter: readonly string[];
  readonly when: readonly WhenIR[];
  readonly retries?: number;
  readonly timeout?: string;
  readonly workspaces?: readonly { readonly name: string; readonly workspace: string; readonly subPath?: string }[];
  readonly displayName?: string;
  /** Fields deep-merged into the emitted pipeline task, last (a custom group's taskOverrides). */
  readonly overrides?: Readonly<Record<string, unknown>>;
}

export interface PipelineIR {
  readonly params: readonly ParamSpecIR[];
  readonly tasks: readonly PipelineTaskIR[];
  readonly finally: readonly PipelineTaskIR[];
  readonly workspaces?: readonly { readonly name: string }[];
}

export interface TaskRunSpecIR {
  readonly pipelineTaskName: string;
  readonly podTemplate?: Readonly<Record<string, unknown>>;
  readonly serviceAccountName?: string;
  readonly metadata?: { readonly labels?: StringMap; readonly annotations?: StringMap };
}

export interface PipelineRunIR {
  readonly name: string;
  readonly annotations: StringMap;
  readonly labels: StringMap;
  readonly params: readonly ParamIR[];
  readonly pipeline: PipelineIR;
  readonly timeouts?: { readonly pipeline?: string; readonly tasks?: string; readonly finally?: string };
  readonly serviceAccountName?: string;
  readonly podTemplate?: Readonly<Record<string, unknown>>;
  readonly taskRunSpecs: readonly TaskRunSpecIR[];
  readonly workspaces?: readonly Readonly<Record<string, unknown>>[];
}

export interface LoweredPipeline {
  readonly run: PipelineRunIR;
}
