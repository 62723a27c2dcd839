/* eslint-disable */
/**
 * GENERATED FILE: DO NOT EDIT.
 * Generated from schemas/ by scripts/gen-types.mjs (npm run gen:types).
 */

/**
 * {file: path} to a KFP component.yaml (relative to this spec), or a component written inline.
 */
export type ComponentSource = (ComponentFileRef | ComponentSpec) | undefined;
/**
 * A task (component), a graph call, or a group: if (condition), loop, onExit (exit handler), group (custom task group), or break (ends the enclosing loop).
 */
export type Node =
  (Task | GraphCall | ConditionGroup | LoopGroup | BreakTask | ExitHandlerGroup | CustomGroup) | undefined;
/**
 * A constant (string, number, boolean, or a JSON object/array), possibly with {{...}} references inside strings.
 */
export type ArgumentValue = (string | number | boolean | {} | unknown[] | null) | undefined;
/**
 * Names of tasks or groups this one runs after (Tekton runAfter).
 */
export type After = string[];
/**
 * KFP comparison: numbers compare as numbers when both sides parse as numbers, otherwise as strings. Shorthand: "{{tasks.flip.outputs.output}} == heads".
 */
export type Comparison = string | ComparisonObject;

/**
 * A KFP-style pipeline that kft compiles into Tekton manifests.
 */
export interface PipelineDocument {
  /**
   * Version of the kft spec language.
   */
  apiVersion: 'kft.dev/v1alpha1';
  /**
   * Always Pipeline.
   */
  kind: 'Pipeline';
  metadata: Metadata;
  spec: PipelineSpec;
}
/**
 * Names the pipeline; becomes the PipelineRun's metadata.
 */
export interface Metadata {
  /**
   * Pipeline name; the PipelineRun name is its DNS-1123 form.
   */
  name: string;
  /**
   * What the pipeline does.
   */
  description?: string;
  annotations?: StringMap;
  labels?: StringMap1;
}
/**
 * Annotations added to the PipelineRun.
 */
export interface StringMap {
  [k: string]: string | undefined;
}
/**
 * Labels added to the PipelineRun.
 */
export interface StringMap1 {
  [k: string]: string | undefined;
}
/**
 * Parameters, components, sub-graphs, tasks and pipeline-level configuration.
 */
export interface PipelineSpec {
  /**
   * Pipeline parameters by name; become PipelineRun params.
   */
  params?: {
    [k: string]: Param | undefined;
  };
  /**
   * Components by name: a KFP component inline, or {file: path} to a component.yaml.
   */
  components?: {
    [k: string]: ComponentSource | undefined;
  };
  /**
   * Reusable sub-graphs by name (KFP graph components); may call themselves under a condition.
   */
  graphs?: {
    [k: string]: Graph | undefined;
  };
  tasks: Nodes;
  finally?: Nodes1;
  config?: PipelineConfig;
}
/**
 * A pipeline parameter.
 */
export interface Param {
  /**
   * KFP type of the value.
   */
  type?: 'String' | 'Integer' | 'Float' | 'Boolean' | 'JsonObject' | 'JsonArray';
  default?: Default;
  /**
   * What the parameter is for.
   */
  description?: string;
  /**
   * The run may leave it unset (it then has no default).
   */
  optional?: boolean;
}
/**
 * Default value; a JsonObject/JsonArray default may be written as YAML.
 */
export interface Default {
  [k: string]: unknown | undefined;
}
/**
 * A component loaded from a component.yaml file.
 */
export interface ComponentFileRef {
  /**
   * Path relative to the spec file.
   */
  file: string;
}
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
    annotations?: StringMap2;
    labels?: StringMap2;
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
export interface StringMap2 {
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
   * A KFP type name (String, Integer, Float, Boolean, JsonObject, JsonArray, or any artifact type name such as Directory or Model), or a type with properties.
   */
  type?: string | {};
  /**
   * What the input is.
   */
  description?: string;
  default?: Default1;
  /**
   * The input may be left without argument.
   */
  optional?: boolean;
  annotations?: StringMap2;
}
/**
 * Value used when a task passes no argument; makes the input optional.
 */
export interface Default1 {
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
  /**
   * A KFP type name (String, Integer, Float, Boolean, JsonObject, JsonArray, or any artifact type name such as Directory or Model), or a type with properties.
   */
  type?: string | {};
  /**
   * What the output is.
   */
  description?: string;
  annotations?: StringMap2;
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
  command?: (
    | string
    | number
    | boolean
    | InputValuePlaceholder
    | InputPathPlaceholder
    | OutputPathPlaceholder
    | ConcatPlaceholder
    | IfPlaceholder
    | IsPresentPlaceholder
  )[];
  /**
   * Arguments, with placeholders.
   */
  args?: (
    | string
    | number
    | boolean
    | InputValuePlaceholder
    | InputPathPlaceholder
    | OutputPathPlaceholder
    | ConcatPlaceholder
    | IfPlaceholder
    | IsPresentPlaceholder
  )[];
  env?: StringMap3;
  fileOutputs?: StringMap4;
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
  concat: (
    | string
    | number
    | boolean
    | InputValuePlaceholder
    | InputPathPlaceholder
    | OutputPathPlaceholder
    | ConcatPlaceholder
    | IfPlaceholder
    | IsPresentPlaceholder
  )[];
}
/**
 * Chooses `then` or `else` by `cond`, resolved at compile time.
 */
export interface IfPlaceholder {
  if: {
    cond: boolean | string | IsPresentPlaceholder | InputValuePlaceholder;
    then:
      | (
          | string
          | number
          | boolean
          | InputValuePlaceholder
          | InputPathPlaceholder
          | OutputPathPlaceholder
          | ConcatPlaceholder
          | IfPlaceholder
          | IsPresentPlaceholder
        )[]
      | (
          | string
          | number
          | boolean
          | InputValuePlaceholder
          | InputPathPlaceholder
          | OutputPathPlaceholder
          | ConcatPlaceholder
          | IfPlaceholder
          | IsPresentPlaceholder
        );
    else?:
      | (
          | string
          | number
          | boolean
          | InputValuePlaceholder
          | InputPathPlaceholder
          | OutputPathPlaceholder
          | ConcatPlaceholder
          | IfPlaceholder
          | IsPresentPlaceholder
        )[]
      | (
          | string
          | number
          | boolean
          | InputValuePlaceholder
          | InputPathPlaceholder
          | OutputPathPlaceholder
          | ConcatPlaceholder
          | IfPlaceholder
          | IsPresentPlaceholder
        );
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
export interface StringMap3 {
  [k: string]: string | undefined;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap4 {
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
    /**
     * A string, or a KFP placeholder resolved at compile time.
     */
    [k: string]:
      | string
      | number
      | boolean
      | InputValuePlaceholder
      | InputPathPlaceholder
      | OutputPathPlaceholder
      | ConcatPlaceholder
      | IfPlaceholder
      | IsPresentPlaceholder;
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
  outputs?: StringMap5;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * A map of string keys to string values.
 */
export interface StringMap5 {
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
  annotations?: StringMap6;
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
export interface StringMap6 {
  [k: string]: string | undefined;
}
/**
 * A reusable sub-graph with its own parameters and tasks.
 */
export interface Graph {
  /**
   * What the graph does.
   */
  description?: string;
  /**
   * Graph parameters; callers pass them as arguments.
   */
  params?: {
    [k: string]: Param | undefined;
  };
  tasks: Nodes;
}
/**
 * Tasks and groups by name. The key is the Tekton task name (sanitised to DNS-1123).
 */
export interface Nodes {
  [k: string]: Node | undefined;
}
/**
 * Runs a component.
 */
export interface Task {
  /**
   * Name of a component in spec.components.
   */
  component: string;
  arguments?: Arguments;
  after?: After;
  afterAny?: AfterAny;
  /**
   * Name shown in the KFP UI.
   */
  displayName?: string;
  /**
   * Replaces the image of the component's container for this task; may hold references, e.g. "busy:{{params.tag}}" (KFP: op.container.image = ...).
   */
  image?: string;
  /**
   * Times Tekton retries the task when it fails.
   */
  retries?: number;
  /**
   * Task timeout.
   */
  timeout?: number | string;
  /**
   * Allow the KFP cache to reuse an earlier result of this task.
   */
  caching?: boolean;
  annotations?: StringMap7;
  labels?: StringMap8;
  env?: StringMap9;
  resources?: Resources;
  /**
   * Pull policy of the main container.
   */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /**
   * Kubernetes volumes of the pod.
   */
  volumes?: {}[];
  /**
   * Mounts of the main container.
   */
  volumeMounts?: {}[];
  /**
   * Containers running beside the main step (Tekton sidecars).
   */
  sidecars?: {}[];
  /**
   * Containers run before main (as Tekton steps before it).
   */
  initContainers?: {}[];
  nodeSelector?: StringMap10;
  /**
   * Kubernetes affinity of the pod.
   */
  affinity?: {};
  /**
   * Kubernetes tolerations of the pod.
   */
  tolerations?: {}[];
  /**
   * Security context of the main container.
   */
  securityContext?: {};
  /**
   * Service account the task's pod runs as.
   */
  serviceAccount?: string;
  /**
   * Pipeline workspaces this task mounts, by name.
   */
  workspaces?: {
    [k: string]:
      | {
          readOnly?: boolean;
        }
      | undefined;
  };
  /**
   * Estimated bytes per output, used to split results over several steps (kfp-tekton's tekton-result-sizes).
   */
  resultSizes?: {
    [k: string]: number | undefined;
  };
  /**
   * Force artifact tracking for this task.
   */
  artifactTracking?: boolean;
  /**
   * Mount path to the name of a volume task (a task whose component has a `volume` implementation) in the same scope: its PVC is mounted in the main container (KFP add_pvolumes). The task runs after the volume task.
   */
  pvolumes?: {
    [k: string]: string | undefined;
  };
}
/**
 * Input name to value: a constant, or a string with {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}} references.
 */
export interface Arguments {
  [k: string]: ArgumentValue | undefined;
}
/**
 * Start when ANY of these tasks (or conditions) succeeds, through kfp-tekton's any-sequencer.
 */
export interface AfterAny {
  /**
   * Name of the any-sequencer task.
   */
  name?: string;
  /**
   * Tasks any of which may trigger this one.
   */
  tasks?: string[];
  /**
   * Conditions on one task's output.
   */
  conditions?: Comparison[];
  /**
   * Where the sequencer writes its status.
   */
  statusPath?: string;
  /**
   * What happens when nothing matches.
   */
  skippingPolicy?: 'skipOnNoMatch' | 'errorOnNoMatch';
  /**
   * Whether the sequencer fails on error.
   */
  errorPolicy?: 'failOnError' | 'continueOnError';
}
/**
 * Structured comparison.
 */
export interface ComparisonObject {
  /**
   * A reference or literal.
   */
  left: string | number | boolean;
  /**
   * Comparison operator.
   */
  operator: '==' | '!=' | '<' | '<=' | '>' | '>=';
  /**
   * A reference or literal.
   */
  right: string | number | boolean;
}
/**
 * Annotations of the task's pod.
 */
export interface StringMap7 {
  [k: string]: string | undefined;
}
/**
 * Labels of the task's pod.
 */
export interface StringMap8 {
  [k: string]: string | undefined;
}
/**
 * Environment variables added to the main container; values may hold references.
 */
export interface StringMap9 {
  [k: string]: string | undefined;
}
/**
 * CPU, memory and accelerator requests and limits of the main container.
 */
export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList;
}
/**
 * cpu, memory, or an extended resource such as nvidia.com/gpu.
 */
export interface ResourceList {
  [k: string]: (string | number) | undefined;
}
/**
 * Node labels the pod must match.
 */
export interface StringMap10 {
  [k: string]: string | undefined;
}
/**
 * Runs a graph from spec.graphs with arguments.
 */
export interface GraphCall {
  /**
   * Name of a graph in spec.graphs.
   */
  graph: string;
  arguments?: Arguments;
  after?: After;
  /**
   * Name shown in the KFP UI.
   */
  displayName?: string;
}
/**
 * Runs its tasks only when the comparison holds (KFP dsl.Condition).
 */
export interface ConditionGroup {
  if: Comparison;
  tasks: Nodes;
  after?: After;
}
/**
 * Runs its tasks once per item (KFP ParallelFor), lowered to a PipelineLoop custom task whose pipelineSpec is the body. Inside the body {{item}}, {{item.FIELD}} and {{index}} name the current item and iteration number; {{loops.NAME.item}} an enclosing loop's item.
 */
export interface LoopGroup {
  loop: LoopSource;
  /**
   * Iterations run at once (PipelineLoop parallelism). Unset: one at a time, as the PipelineLoop controller defaults.
   */
  parallelism?: number;
  /**
   * How the PipelineLoop controller passes the whole list to iterations (PipelineLoop iterateParamPassStyle).
   */
  iterateParamPassStyle?: 'inline' | 'file';
  /**
   * How the PipelineLoop controller passes the current item to an iteration (PipelineLoop itemPassStyle).
   */
  itemPassStyle?: 'inline' | 'file';
  tasks: Nodes;
  after?: After;
}
/**
 * What the loop iterates over: exactly one of items, from, range, split.
 */
export interface LoopSource {
  /**
   * A static list of scalars, or of objects whose fields the body reads as {{item.FIELD}}. Strings may hold references ({{params.P}}, {{tasks.T.outputs.O}}).
   */
  items?: unknown[];
  /**
   * A reference to a pipeline param or task output whose value is a JSON list.
   */
  from?: string;
  /**
   * The integers from start to end inclusive, by step (PipelineLoop iterateNumeric). Each bound is a number or a reference.
   */
  range?: {
    /**
     * First value.
     */
    start?: number | string;
    /**
     * Last value (inclusive).
     */
    end: number | string;
    /**
     * Increment between values.
     */
    step?: number | string;
  };
  /**
   * The parts of a string split at a separator (PipelineLoop iterateParamStringSeparator).
   */
  split?: {
    /**
     * The string to split: a literal or a reference.
     */
    value: string;
    /**
     * The separator: a literal or a reference.
     */
    separator: string;
  };
}
/**
 * Ends the enclosing loop early: no further iterations start (kfp-tekton's break task, a PipelineLoop BreakTask custom task). Put it under an `if` inside a loop body.
 */
export interface BreakTask {
  /**
   * Always true.
   */
  break: true;
  after?: After;
}
/**
 * Runs its tasks, then always the onExit tasks (Tekton finally).
 */
export interface ExitHandlerGroup {
  onExit: Nodes;
  tasks: Nodes;
}
/**
 * A group of tasks lowered to ONE custom task (kfp-tekton's AddOnGroup) whose taskSpec carries apiVersion, kind and spec.pipelineSpec: the group's tasks become the tasks of that pipeline, run by the group's controller. Values the inner tasks read from outside (pipeline params, outer results) are passed through params, as for loops.
 */
export interface CustomGroup {
  /**
   * The custom task the group becomes.
   */
  group: {
    /**
     * API version of the group's custom task.
     */
    apiVersion: string;
    /**
     * Kind of the group's custom task.
     */
    kind: string;
    params?: Arguments1;
    /**
     * Params the group's controller provides to inner tasks (AddOnGroup.create_internal_param): declared in the group's pipelineSpec, with an optional default, but not passed in spec.params. Inner tasks read them as {{params.NAME}}.
     */
    internalParams?: {
      [k: string]: (string | number | boolean | null) | undefined;
    };
    annotations?: StringMap11;
    labels?: StringMap12;
    /**
     * Fields deep-merged into the generated pipeline task, last (AddOnGroup.post_task_spec): objects merge key by key, other values replace; `params` merges by name, and a null value removes the param (AddOnGroup.post_params).
     */
    taskOverrides?: {};
    /**
     * Fields merged into the custom task's spec beside pipelineSpec (controller settings).
     */
    specOverrides?: {};
  };
  tasks: Nodes;
  after?: After;
}
/**
 * Input name to value: a constant, or a string with {{params.P}}, {{tasks.T.outputs.O}}, {{item}}, {{item.F}}, {{index}}, {{loops.L.item}} references.
 */
export interface Arguments1 {
  [k: string]: ArgumentValue | undefined;
}
/**
 * Annotations of the custom task (taskSpec.metadata).
 */
export interface StringMap11 {
  [k: string]: string | undefined;
}
/**
 * Labels of the custom task (taskSpec.metadata).
 */
export interface StringMap12 {
  [k: string]: string | undefined;
}
/**
 * Tasks and groups by name. The key is the Tekton task name (sanitised to DNS-1123).
 */
export interface Nodes1 {
  [k: string]: Node | undefined;
}
/**
 * Pipeline-level settings (kfp-tekton's TektonPipelineConf and PipelineConf).
 */
export interface PipelineConfig {
  /**
   * Timeout of the tasks of the run (kfp-tekton's pipeline_conf.set_timeout): the run gets timeouts.tasks = this and timeouts.pipeline = this + 300s for finally tasks. 0 means no timeout. Unset: no timeouts are written, as kfp-tekton does, so the cluster's default applies.
   */
  timeout?: number | string;
  /**
   * Service account of the run.
   */
  serviceAccount?: string;
  /**
   * Pod security context of every task.
   */
  securityContext?: {};
  /**
   * Mount the service account token in task pods.
   */
  automountServiceAccountToken?: boolean;
  env?: StringMap13;
  nodeSelector?: StringMap14;
  /**
   * Secrets used to pull images.
   */
  imagePullSecrets?: string[];
  /**
   * Pipeline workspaces by name.
   */
  workspaces?: {
    [k: string]: {} | undefined;
  };
  /**
   * Emit pipelines.kubeflow.org/component_spec annotations.
   */
  componentSpecAnnotations?: boolean;
  /**
   * Image of generated condition tasks.
   */
  conditionImage?: string;
  /**
   * Image of generated helper steps.
   */
  bashImage?: string;
  /**
   * Pod metadata applied to a set of tasks (kfp-tekton pipeline transformers).
   */
  taskDefaults?: {}[];
  /**
   * Artifact tracking settings.
   */
  artifacts?: {};
}
/**
 * Environment variables added to every task.
 */
export interface StringMap13 {
  [k: string]: string | undefined;
}
/**
 * Default node selector of every task.
 */
export interface StringMap14 {
  [k: string]: string | undefined;
}
