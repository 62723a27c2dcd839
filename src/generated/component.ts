/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types).
 */

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
 * A constant, an input of the graph (graphInput) or an output of a task of the graph (taskOutput).
 */
export type GraphArgument = (string | number | boolean | GraphInputArgument | TaskOutputArgument) | undefined;

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
    labels?: StringMap1;
  };
  /**
   * Declared inputs; tasks pass them as arguments. Present but empty (null) means none, as in KFP.
   */
  inputs?: InputSpec[] | null;
  /**
   * Declared outputs; become Tekton results. Present but empty (null) means none, as in KFP.
   */
  outputs?: OutputSpec[] | null;
  implementation: Implementation;
}
/**
 * Annotations of the component (KFP metadata).
 */
export interface StringMap {
  [k: string]: string | undefined;
}
/**
 * Labels of the component (KFP metadata).
 */
export interface StringMap1 {
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
  /**
   * KFP type of the input: String, Integer, Float, Boolean, JsonObject, JsonArray, or an artifact type name such as Directory or Model.
   */
  type?: string | {};
  /**
   * What the input is.
   */
  description?: string;
  default?: Default;
  /**
   * The input may be left without argument.
   */
  optional?: boolean;
  annotations?: StringMap2;
}
/**
 * Value used when a task passes no argument; makes the input optional.
 */
export interface Default {
  [k: string]: unknown | undefined;
}
/**
 * Annotations of the input (KFP metadata).
 */
export interface StringMap2 {
  [k: string]: string | undefined;
}
/**
 * One output of a component.
 */
export interface OutputSpec {
  /**
   * Output name, referenced by outputPath placeholders and by {{tasks.T.outputs.NAME}}.
   */
  name: string;
  /**
   * KFP type of the output.
   */
  type?: string | {};
  /**
   * What the output is.
   */
  description?: string;
  annotations?: StringMap3;
}
/**
 * Annotations of the output (KFP metadata).
 */
export interface StringMap3 {
  [k: string]: string | undefined;
}
/**
 * How the component runs: a container, a graph, a Tekton custom task, a Kubernetes resource operation or a volume.
 */
export interface Implementation {
  container?: ContainerImplementation;
  graph?: GraphImplementation;
  customTask?: CustomTaskImplementation;
  resource?: ResourceImplementation;
  volume?: VolumeImplementation;
  python?: PythonImplementation;
  volumeSnapshot?: VolumeSnapshotImplementation;
}
/**
 * Runs a container image (the usual KFP component).
 */
export interface ContainerImplementation {
  /**
   * Container image. May be empty ('') when every task that runs the component sets its own `image`.
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
  env?: StringMap4;
  fileOutputs?: StringMap5;
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
  /**
   * Arguments joined into one string.
   */
  concat: CommandLineArgument[];
}
/**
 * Chooses `then` or `else` by `cond`, resolved at compile time.
 */
export interface IfPlaceholder {
  /**
   * Arguments chosen by a condition (usually isPresent).
   */
  if: {
    /**
     * isPresent of an input, an inputValue, or a constant boolean (or "true"/"false").
     */
    cond: boolean | string | IsPresentPlaceholder | InputValuePlaceholder;
    /**
     * Arguments used when the condition holds.
     */
    then: CommandLineArgument[] | CommandLineArgument;
    /**
     * Arguments used when it does not.
     */
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
 * Environment variables of the container.
 */
export interface StringMap4 {
  [k: string]: string | undefined;
}
/**
 * Output name to a fixed file path the container writes; kft copies it into the Tekton result.
 */
export interface StringMap5 {
  [k: string]: string | undefined;
}
/**
 * A graph component: tasks of other components wired together, inlined into the pipeline of each task that runs it.
 */
export interface GraphImplementation {
  /**
   * Tasks of the graph by id. Each names its component (componentRef) and passes arguments: constants, the graph's inputs (graphInput) or outputs of other tasks of the graph (taskOutput).
   */
  tasks: {
    [k: string]: GraphTask | undefined;
  };
  /**
   * The graph's outputs by name: an output of one of its tasks (taskOutput), one of its inputs (graphInput) or a constant.
   */
  outputValues?: {
    [k: string]: GraphArgument | undefined;
  };
}
/**
 * One task of a graph component.
 */
export interface GraphTask {
  componentRef: ComponentReference;
  /**
   * Input name of the task's component → a constant, a graph input (graphInput) or an output of another task of the graph (taskOutput).
   */
  arguments?: {
    [k: string]: GraphArgument | undefined;
  };
  /**
   * KFP's condition on the task. kfp 1.8 drops it when it inlines a graph, so kft refuses it rather than ignore it (unsupported-feature): write the condition as an if group in the spec.
   */
  isEnabled?: {};
  /**
   * KFP's retry and caching strategy of the task. kfp 1.8 drops them when it inlines a graph, so kft refuses them rather than ignore them (unsupported-feature).
   */
  executionOptions?: {};
}
/**
 * The component the task runs: by url (mapped to a local file under the spec's componentUrls: kft never downloads) or inline (spec).
 */
export interface ComponentReference {
  /**
   * The component's name (informational: kft finds components by url or spec).
   */
  name?: string;
  /**
   * sha256 of the component file, as KFP records it; a mapped file with another digest is a component-digest-mismatch warning.
   */
  digest?: string;
  /**
   * A tag in KFP's component store (informational, as for KFP when url is given).
   */
  tag?: string;
  /**
   * Where KFP downloads the component from. kft never downloads: the spec's componentUrls maps the URL to a local file (remote-reference when it does not).
   */
  url?: string;
  /**
   * The component itself, written inline (a KFP component spec, checked as one).
   */
  spec?: {};
}
/**
 * The value the task that runs the graph passes for one of the graph's inputs (or its default).
 */
export interface GraphInputArgument {
  /**
   * The graph's input.
   */
  graphInput: {
    /**
     * Name of an input of the graph component.
     */
    inputName: string;
    /**
     * KFP type of the value (informational).
     */
    type?: string | {};
  };
}
/**
 * An output of another task of the graph.
 */
export interface TaskOutputArgument {
  /**
   * The task and its output.
   */
  taskOutput: {
    /**
     * Id of a task of the graph.
     */
    taskId: string;
    /**
     * Name of an output of that task's component.
     */
    outputName: string;
    /**
     * KFP type of the value (informational).
     */
    type?: string | {};
  };
}
/**
 * Runs a Tekton custom task (a CRD handled by its own controller) instead of a pod.
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
 * Creates, applies, patches or deletes a Kubernetes object through kubectl-wrapper (KFP ResourceOp).
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
  outputs?: StringMap6;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * Output name to a kubectl JSON path of the resulting object; each becomes a result.
 */
export interface StringMap6 {
  [k: string]: string | undefined;
}
/**
 * Creates a PersistentVolumeClaim per run (KFP VolumeOp).
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
  annotations?: StringMap7;
  /**
   * What the PVC is filled from (PVC spec.dataSource): a VolumeSnapshot by name (a string: KFP's data_source=snapshot name; typically {{inputs.NAME}} bound to a volumeSnapshot task's `name` output), or a TypedLocalObjectReference {kind, name, apiGroup} (a VolumeSnapshot, another PersistentVolumeClaim).
   */
  dataSource?: string | {};
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
 * Annotations of the PVC.
 */
export interface StringMap7 {
  [k: string]: string | undefined;
}
/**
 * A component made from a Python function, as kfp 1.8's create_component_from_func makes it: name, description, inputs and outputs from the function's name, docstring and signature; the function's source, kfp's serializers and argparse wrapper as the program.
 */
export interface PythonImplementation {
  /**
   * The Python module that defines the function, relative to the file that declares the component. The module may hold other code; only the function's source goes into the component.
   */
  file?: string;
  /**
   * The module's text inline, instead of a file.
   */
  source?: string;
  /**
   * Name of a function defined at the top level of the module.
   */
  function: string;
  /**
   * Image the program runs in; it needs python3.
   */
  baseImage?: string;
  /**
   * pip packages installed before the function runs (kfp's packages_to_install): `pip install` into the image, or into the user's site when that fails.
   */
  packages?: string[];
  /**
   * pip indexes to install the packages from: the first is passed as --index-url, the others as --extra-index-url (kfp 1.8 has no such option; the rest of the command is kfp's).
   */
  packageIndexUrls?: string[];
}
/**
 * Takes a VolumeSnapshot of a PersistentVolumeClaim per run (KFP VolumeSnapshotOp).
 */
export interface VolumeSnapshotImplementation {
  /**
   * Snapshot name; the PipelineRun name is prefixed (`<run>-<resourceName>`), so every run gets its own snapshot. Default: the task name.
   */
  resourceName?: string;
  /**
   * Name of the PersistentVolumeClaim to snapshot; usually {{inputs.NAME}}, bound to a volume task's `name` output (KFP: volume=op.pvolume) or to a claim name.
   */
  pvc: string;
  /**
   * VolumeSnapshotClass of the snapshot (spec.volumeSnapshotClassName). Absent: the cluster's default class for the PVC's CSI driver.
   */
  snapshotClass?: string;
  annotations?: StringMap8;
  /**
   * VolumeSnapshot API version: snapshot.storage.k8s.io/v1 (Kubernetes 1.20+), or v1beta1 for older snapshot controllers. (KFP 1.8 writes v1alpha1, which clusters no longer serve.)
   */
  apiVersion?: 'snapshot.storage.k8s.io/v1' | 'snapshot.storage.k8s.io/v1beta1';
  /**
   * Make the task's pod own the VolumeSnapshot.
   */
  setOwnerReference?: boolean;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * Annotations of the VolumeSnapshot.
 */
export interface StringMap8 {
  [k: string]: string | undefined;
}
