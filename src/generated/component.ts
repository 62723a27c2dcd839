/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types).
 */

/**
 * A KFP type name (String, Integer, Float, Boolean, JsonObject, JsonArray, or any artifact type name such as Directory or Model), or a type with properties.
 */
export type KfpType = string | {};
/**
 * A string, or a KFP placeholder resolved at compile time.
 */
export type CommandLineArgument =
  | string
  | number
  | boolean
  | InputValuePlaceholder
  | InputPathPlaceholder
  | OutputPathPlaceholder
  | ConcatPlaceholder
  | IfPlaceholder
  | IsPresentPlaceholder;

/**
 * A Kubeflow Pipelines component spec (the component.yaml format), loaded unchanged. kft adds three implementation kinds for Tekton: customTask, resource and volume.
 */
export interface ComponentSpec {
  /**
   * Human name of the component; tasks default to its sanitised form.
   */
  name?: string;
  /**
   * What the component does.
   */
  description?: string;
  /**
   * Component metadata (annotations and labels), as KFP writes it.
   */
  metadata?: {
    annotations?: StringMap;
    labels?: StringMap;
  };
  /**
   * Declared inputs; tasks pass them as arguments.
   */
  inputs?: InputSpec[];
  /**
   * Declared outputs; become Tekton results.
   */
  outputs?: OutputSpec[];
  implementation: Implementation;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap {
  [k: string]: string | undefined;
}
/**
 * One input of a component.
 */
export interface InputSpec {
  /**
   * Input name, referenced by inputValue/inputPath placeholders.
   */
  name: string;
  type?: KfpType;
  /**
   * What the input is.
   */
  description?: string;
  default?: Default;
  /**
   * The input may be left without argument.
   */
  optional?: boolean;
  annotations?: StringMap;
}
/**
 * Value used when a task passes no argument; makes the input optional.
 */
export interface Default {
  [k: string]: unknown | undefined;
}
/**
 * One output of a component.
 */
export interface OutputSpec {
  /**
   * Output name, referenced by outputPath placeholders and by {{tasks.T.outputs.NAME}}.
   */
  name: string;
  type?: KfpType;
  /**
   * What the output is.
   */
  description?: string;
  annotations?: StringMap;
}
/**
 * How the component runs: a container (KFP), a graph (KFP graph component), or a kft Tekton extension.
 */
export interface Implementation {
  container?: ContainerImplementation;
  graph?: GraphImplementation;
  customTask?: CustomTaskImplementation;
  resource?: ResourceImplementation;
  volume?: VolumeImplementation;
}
/**
 * A container that runs as the Tekton step `main`.
 */
export interface ContainerImplementation {
  /**
   * Container image.
   */
  image: string;
  /**
   * Entrypoint, with placeholders.
   */
  command?: CommandLineArgument[];
  /**
   * Arguments, with placeholders.
   */
  args?: CommandLineArgument[];
  env?: StringMap1;
  fileOutputs?: StringMap2;
}
/**
 * The value of an input.
 */
export interface InputValuePlaceholder {
  /**
   * Input name.
   */
  inputValue: string;
}
/**
 * The path of a file holding an input's data.
 */
export interface InputPathPlaceholder {
  /**
   * Input name.
   */
  inputPath: string;
}
/**
 * The path where the container writes an output.
 */
export interface OutputPathPlaceholder {
  /**
   * Output name.
   */
  outputPath: string;
}
/**
 * Joins the strings of its items.
 */
export interface ConcatPlaceholder {
  concat: CommandLineArgument[];
}
/**
 * Chooses `then` or `else` by `cond`, resolved at compile time.
 */
export interface IfPlaceholder {
  if: {
    cond: boolean | string | IsPresentPlaceholder | InputValuePlaceholder;
    then: CommandLineArgument[] | CommandLineArgument;
    else?: CommandLineArgument[] | CommandLineArgument;
  };
}
/**
 * True when the task passes an argument for the input.
 */
export interface IsPresentPlaceholder {
  /**
   * Input name.
   */
  isPresent: string;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap1 {
  [k: string]: string | undefined;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap2 {
  [k: string]: string | undefined;
}
/**
 * A KFP graph component: tasks wired together. kft accepts it as it is written in component.yaml files.
 */
export interface GraphImplementation {
  tasks?: {};
  outputValues?: {};
  [k: string]: unknown | undefined;
}
/**
 * A Tekton custom task (kfp-tekton's custom-task ContainerOp): the task runs as a Tekton Run/CustomRun handled by the controller of `apiVersion`/`kind`, not as a pod. `params` become the pipeline task's params (the custom resource's spec.params); declared outputs become its results, which Tekton cannot know at compile time. With neither taskRef nor taskSpec the task references an existing resource by `name`.
 */
export interface CustomTaskImplementation {
  /**
   * API version of the custom task's CRD.
   */
  apiVersion: string;
  /**
   * Kind of the custom task's CRD.
   */
  kind: string;
  /**
   * Name of the custom resource the task references (taskRef.name); with taskRef, the name of the resource kft emits beside the run. Mandatory for every custom task, as in kfp-tekton.
   */
  name: string;
  /**
   * Spec of the custom resource: kft emits a resource {apiVersion, kind, metadata.name: name, spec: taskRef} beside the run and the task references it (kfp-tekton's --taskRef). At most one of taskRef and taskSpec.
   */
  taskRef?: {};
  /**
   * Spec embedded in the pipeline task (taskSpec {apiVersion, kind, spec}); the controller must support embedded specs (kfp-tekton's --taskSpec). At most one of taskRef and taskSpec.
   */
  taskSpec?: {};
  /**
   * Param name to value (a string, or an inputValue/concat/if placeholder resolved with the task's arguments). Unset: one param per input, named as the input, with the input's value (inputs without argument or default are left out).
   */
  params?: {
    [k: string]: CommandLineArgument;
  };
}
/**
 * A Kubernetes resource operation (KFP ResourceOp), run by kfp-tekton's kubectl-wrapper image (quay.io/aipipeline/kubectl-wrapper) as a Tekton task. Strings in the manifest may hold {{inputs.NAME}} (the task's argument for input NAME) and {{workflow.name}} (the PipelineRun name). Outputs `manifest` (the whole object) and `name` (metadata.name) always exist; `outputs` adds more.
 */
export interface ResourceImplementation {
  /**
   * kubectl action applied to the manifest.
   */
  action: 'create' | 'apply' | 'patch' | 'delete' | 'replace' | 'get';
  /**
   * The Kubernetes object to act on.
   */
  manifest: {};
  /**
   * Patch merge strategy (action patch); kubectl-wrapper defaults to strategic.
   */
  mergeStrategy?: 'strategic' | 'merge' | 'json';
  /**
   * Label-selector-like condition on the object that marks success; kubectl-wrapper waits for it.
   */
  successCondition?: string;
  /**
   * Condition on the object that marks failure.
   */
  failureCondition?: string;
  /**
   * Make the task's pod own the object, so Kubernetes deletes it with the run.
   */
  setOwnerReference?: boolean;
  outputs?: StringMap3;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap3 {
  [k: string]: string | undefined;
}
/**
 * Creates a PersistentVolumeClaim (KFP VolumeOp) through kubectl-wrapper; later tasks mount it with `pvolumes`. Outputs `manifest`, `name` (the PVC name) and `size` (its capacity). String fields may hold {{inputs.NAME}}.
 */
export interface VolumeImplementation {
  /**
   * PVC name; the PipelineRun name is prefixed (`<run>-<resourceName>`), so every run gets its own claim. Default: the task name.
   */
  resourceName?: string;
  /**
   * Requested storage.
   */
  size: string;
  /**
   * Storage class of the PVC.
   */
  storageClass?: string;
  /**
   * Access modes (KFP's default: ReadWriteMany).
   */
  modes?: ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
  annotations?: StringMap4;
  /**
   * PVC dataSource (e.g. a VolumeSnapshot to restore).
   */
  dataSource?: {};
  /**
   * Make the task's pod own the PVC.
   */
  setOwnerReference?: boolean;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap4 {
  [k: string]: string | undefined;
}
