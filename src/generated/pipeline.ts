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
 * A task (component), a graph call, or a group: if (condition), loop, onExit (exit handler), group (custom task group), break (ends the enclosing loop), or anySequencer (a standalone any-sequencer).
 */
export type Node =
  | (Task | GraphCall | ConditionGroup | LoopGroup | BreakTask | AnySequencerTask | ExitHandlerGroup | CustomGroup)
  | undefined;
/**
 * A constant (string, number, boolean, or a JSON object/array), possibly with {{...}} references inside strings.
 */
export type ArgumentValue = (string | number | boolean | {} | unknown[] | null) | undefined;
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After = string[];
/**
 * KFP comparison: numbers compare as numbers when both sides parse as numbers, otherwise as strings. Shorthand: "{{tasks.flip.outputs.output}} == heads".
 */
export type Comparison = string | ComparisonObject;
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After1 = string[];
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After2 = string[];
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After3 = string[];
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After4 = string[];
/**
 * Names of tasks or groups of the same scope this sequencer runs after (Tekton runAfter); it does not run after the tasks it watches.
 */
export type After5 = string[];
/**
 * Names of tasks or groups of the same scope this one runs after (Tekton runAfter), in addition to the tasks whose outputs it references.
 */
export type After6 = string[];

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
 * Name, description, annotations and labels of the pipeline.
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
 * Parameters, components, graphs, tasks and configuration of the pipeline.
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
   * Local files for the components that graph components (componentRef.url) and {file: URL} entries name by URL; kft never downloads. A URL maps to a path relative to this spec (inside its directory tree unless --allow-outside-root). A key ending in '/' maps every URL under it to the rest of the URL under a directory; an exact URL wins over such a prefix, a longer prefix over a shorter one. A URL without an entry is a remote-reference error naming it.
   */
  componentUrls?: {
    [k: string]: string | undefined;
  };
  /**
   * Reusable sub-graphs by name (kfp-tekton's @graph_component functions); may call themselves under a condition. A KFP graph component file is a component (implementation.graph).
   */
  graphs?: {
    [k: string]: Graph | undefined;
  };
  tasks: Nodes6;
  finally?: Nodes7;
  config?: PipelineConfig;
}
/**
 * A pipeline parameter.
 */
export interface Param {
  /**
   * KFP type of the value, recorded in the KFP pipeline_spec annotation as written. String, Integer, Float, Boolean, JsonObject and JsonArray (and KFP's aliases such as int, str, dict, list) are checked: the default, and the inputs the parameter is passed to whole. Any other type name (KFP records Python annotations such as typing.List[int] or a class name as given) or a type with properties is recorded and not checked. Absent: untyped, as a KFP pipeline parameter without annotation: not checked, and no type is recorded.
   */
  type?: ('String' | 'Integer' | 'Float' | 'Boolean' | 'JsonObject' | 'JsonArray') | string | {};
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
    labels?: StringMap3;
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
export interface StringMap2 {
  [k: string]: string | undefined;
}
/**
 * Labels of the component (KFP metadata).
 */
export interface StringMap3 {
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
  default?: Default1;
  /**
   * The input may be left without argument.
   */
  optional?: boolean;
  annotations?: StringMap4;
}
/**
 * Value used when a task passes no argument; makes the input optional.
 */
export interface Default1 {
  [k: string]: unknown | undefined;
}
/**
 * Annotations of the input (KFP metadata).
 */
export interface StringMap4 {
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
  annotations?: StringMap5;
}
/**
 * Annotations of the output (KFP metadata).
 */
export interface StringMap5 {
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
  env?: StringMap6;
  fileOutputs?: StringMap7;
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
    /**
     * Arguments used when it does not.
     */
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
 * Environment variables of the container.
 */
export interface StringMap6 {
  [k: string]: string | undefined;
}
/**
 * Output name to a fixed file path the container writes; kft copies it into the Tekton result.
 */
export interface StringMap7 {
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
    /**
     * A constant, an input of the graph (graphInput) or an output of a task of the graph (taskOutput).
     */
    [k: string]: (string | number | boolean | GraphInputArgument | TaskOutputArgument) | undefined;
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
    /**
     * A constant, an input of the graph (graphInput) or an output of a task of the graph (taskOutput).
     */
    [k: string]: (string | number | boolean | GraphInputArgument | TaskOutputArgument) | undefined;
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
  outputs?: StringMap8;
  /**
   * kubectl-wrapper image.
   */
  image?: string;
}
/**
 * Output name to a kubectl JSON path of the resulting object; each becomes a result.
 */
export interface StringMap8 {
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
  annotations?: StringMap9;
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
export interface StringMap9 {
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
  annotations?: StringMap10;
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
export interface StringMap10 {
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
 * The tasks and groups of the graph by name.
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
  annotations?: StringMap11;
  labels?: StringMap12;
  env?: StringMap13;
  resources?: Resources;
  /**
   * Pull policy of the main container.
   */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /**
   * Kubernetes volumes of the task's pod (Tekton taskSpec.volumes); mount them with volumeMounts.
   */
  volumes?: Volume[];
  /**
   * Mounts of the main container.
   */
  volumeMounts?: VolumeMount[];
  /**
   * Containers running beside the task's steps for its whole life (Tekton sidecars), e.g. a server the main container talks to.
   */
  sidecars?: Container[];
  /**
   * Containers run one after another before main, as Tekton steps before it (Tekton has no init containers).
   */
  initContainers?: Container[];
  nodeSelector?: StringMap14;
  affinity?: Affinity;
  /**
   * Kubernetes tolerations of the task's pod (PipelineRun taskRunSpecs pod template).
   */
  tolerations?: Toleration[];
  securityContext?: SecurityContext1;
  /**
   * Service account the task's pod runs as (PipelineRun taskRunSpecs); overrides config.serviceAccount.
   */
  serviceAccount?: string;
  podTemplate?: PodTemplate;
  /**
   * Pipeline workspaces (spec.config.workspaces) this task mounts, by name.
   */
  workspaces?: {
    [k: string]: TaskWorkspace | undefined;
  };
  /**
   * Estimated bytes per output. Tekton reads results from a step's termination message (4 KB); with estimates, kft spreads the outputs over several steps of at most 2 KB each (kfp-tekton's tekton-result-sizes).
   */
  resultSizes?: {
    [k: string]: number | undefined;
  };
  /**
   * Always track this task's artifacts, even where the KFP-Tekton backend would skip them (kfp-tekton's tekton.dev/track_step_artifact pod annotation).
   */
  artifactTracking?: boolean;
  /**
   * Outputs stored as artifacts: written to the data-passing workspace instead of a Tekton result (a result still carries a preview of up to 3 KB), as kfp-tekton's artifact_outputs annotation does.
   */
  artifactOutputs?: string[];
  /**
   * Mount path to the name of a volume task (a task whose component has a `volume` implementation) in the same scope: its PVC is mounted in the main container (KFP add_pvolumes). The task runs after the volume task.
   */
  pvolumes?: {
    [k: string]: string | undefined;
  };
}
/**
 * Values for the component's inputs by input name: constants or strings with {{params.P}} / {{tasks.T.outputs.O}} references.
 */
export interface Arguments {
  [k: string]: ArgumentValue | undefined;
}
/**
 * Start when ANY of the listed tasks succeeds (kfp-tekton any-sequencer), instead of after all of them.
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
export interface StringMap11 {
  [k: string]: string | undefined;
}
/**
 * Labels of the task's pod.
 */
export interface StringMap12 {
  [k: string]: string | undefined;
}
/**
 * Environment variables added to the main container; values may hold references.
 */
export interface StringMap13 {
  [k: string]: string | undefined;
}
/**
 * CPU, memory and GPU requests and limits of the main container.
 */
export interface Resources {
  requests?: ResourceList;
  limits?: ResourceList1;
}
/**
 * Resources the scheduler reserves for the container.
 */
export interface ResourceList {
  [k: string]: (string | number) | undefined;
}
/**
 * Most resources the container may use; GPUs (nvidia.com/gpu, amd.com/gpu) go here.
 */
export interface ResourceList1 {
  [k: string]: (string | number) | undefined;
}
/**
 * A Kubernetes Volume of the task's pod (Tekton taskSpec.volumes): a name and one volume source such as secret, configMap, persistentVolumeClaim or emptyDir. String values may hold {{params.P}} references, which Tekton substitutes.
 */
export interface Volume {
  /**
   * Volume name, referenced by volumeMounts.
   */
  name: string;
  [k: string]: unknown | undefined;
}
/**
 * Where a volume of the pod is mounted in a container (Kubernetes VolumeMount).
 */
export interface VolumeMount {
  /**
   * Name of a volume in the task's volumes.
   */
  name: string;
  /**
   * Absolute path in the container.
   */
  mountPath: string;
  /**
   * Mount read-only.
   */
  readOnly?: boolean;
  /**
   * Path inside the volume to mount instead of its root.
   */
  subPath?: string;
  /**
   * Like subPath, with $(VAR) environment references expanded.
   */
  subPathExpr?: string;
  /**
   * How mounts propagate between host and container.
   */
  mountPropagation?: 'None' | 'HostToContainer' | 'Bidirectional';
}
/**
 * A Kubernetes container: name, image, command, args, env, volumeMounts and the other fields listed. String values may hold {{...}} references.
 */
export interface Container {
  /**
   * Container name, unique within the task; not `main`.
   */
  name: string;
  /**
   * Container image.
   */
  image: string;
  /**
   * Entrypoint.
   */
  command?: string[];
  /**
   * Arguments to the entrypoint.
   */
  args?: string[];
  /**
   * Kubernetes EnvVar list ({name, value} or {name, valueFrom}).
   */
  env?: EnvVar[];
  /**
   * Mounts of this container.
   */
  volumeMounts?: VolumeMount[];
  /**
   * A script run instead of command (Tekton steps and sidecars).
   */
  script?: string;
  /**
   * Directory the container starts in.
   */
  workingDir?: string;
  resources?: Resources1;
  /**
   * When to pull the image.
   */
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  securityContext?: SecurityContext;
  /**
   * Ports a sidecar listens on (sidecars only).
   */
  ports?: {}[];
  /**
   * Kubernetes Probe telling Tekton when a sidecar is ready (sidecars only).
   */
  readinessProbe?: {};
  /**
   * Kubernetes Probe of a sidecar (sidecars only).
   */
  startupProbe?: {};
}
/**
 * A Kubernetes EnvVar: a name and a value, or a valueFrom source (secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef).
 */
export interface EnvVar {
  /**
   * Variable name.
   */
  name: string;
  /**
   * Variable value; may hold {{...}} references.
   */
  value?: string;
  /**
   * Kubernetes EnvVarSource.
   */
  valueFrom?: {};
}
/**
 * CPU, memory and accelerator requests and limits of the container.
 */
export interface Resources1 {
  requests?: ResourceList;
  limits?: ResourceList1;
}
/**
 * Kubernetes SecurityContext of the container.
 */
export interface SecurityContext {
  /**
   * UID the processes run as.
   */
  runAsUser?: number;
  /**
   * GID the processes run as.
   */
  runAsGroup?: number;
  /**
   * Refuse to start a container that would run as root.
   */
  runAsNonRoot?: boolean;
  /**
   * Kubernetes SELinuxOptions.
   */
  seLinuxOptions?: {};
  /**
   * Kubernetes SeccompProfile.
   */
  seccompProfile?: {};
  /**
   * Kubernetes AppArmorProfile.
   */
  appArmorProfile?: {};
  /**
   * Kubernetes WindowsSecurityContextOptions.
   */
  windowsOptions?: {};
  /**
   * Run the container privileged.
   */
  privileged?: boolean;
  /**
   * Whether a process may gain more privileges than its parent.
   */
  allowPrivilegeEscalation?: boolean;
  /**
   * Mount the container's root filesystem read-only.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities to add and drop ({add: [...], drop: [...]}).
   */
  capabilities?: {};
  /**
   * Kind of /proc mount.
   */
  procMount?: string;
}
/**
 * Node labels the task's pod must match (PipelineRun taskRunSpecs pod template); replaces config.nodeSelector for this task.
 */
export interface StringMap14 {
  [k: string]: string | undefined;
}
/**
 * Kubernetes affinity of the task's pod (PipelineRun taskRunSpecs pod template).
 */
export interface Affinity {
  /**
   * Kubernetes NodeAffinity.
   */
  nodeAffinity?: {};
  /**
   * Kubernetes PodAffinity.
   */
  podAffinity?: {};
  /**
   * Kubernetes PodAntiAffinity.
   */
  podAntiAffinity?: {};
}
/**
 * A Kubernetes toleration: lets the pod run on nodes with a matching taint.
 */
export interface Toleration {
  /**
   * Taint key; empty with operator Exists matches every taint.
   */
  key?: string;
  /**
   * Equal (default) compares value; Exists ignores it.
   */
  operator?: 'Equal' | 'Exists';
  /**
   * Taint value for operator Equal.
   */
  value?: string;
  /**
   * Taint effect to tolerate; empty tolerates all.
   */
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /**
   * For NoExecute: how long the pod stays bound after the taint appears.
   */
  tolerationSeconds?: number;
}
/**
 * Kubernetes SecurityContext of the main container.
 */
export interface SecurityContext1 {
  /**
   * UID the processes run as.
   */
  runAsUser?: number;
  /**
   * GID the processes run as.
   */
  runAsGroup?: number;
  /**
   * Refuse to start a container that would run as root.
   */
  runAsNonRoot?: boolean;
  /**
   * Kubernetes SELinuxOptions.
   */
  seLinuxOptions?: {};
  /**
   * Kubernetes SeccompProfile.
   */
  seccompProfile?: {};
  /**
   * Kubernetes AppArmorProfile.
   */
  appArmorProfile?: {};
  /**
   * Kubernetes WindowsSecurityContextOptions.
   */
  windowsOptions?: {};
  /**
   * Run the container privileged.
   */
  privileged?: boolean;
  /**
   * Whether a process may gain more privileges than its parent.
   */
  allowPrivilegeEscalation?: boolean;
  /**
   * Mount the container's root filesystem read-only.
   */
  readOnlyRootFilesystem?: boolean;
  /**
   * Capabilities to add and drop ({add: [...], drop: [...]}).
   */
  capabilities?: {};
  /**
   * Kind of /proc mount.
   */
  procMount?: string;
}
/**
 * Tekton's pod template for this task's pod (PipelineRun taskRunSpecs podTemplate): dnsConfig, hostAliases, priorityClassName, schedulerName, runtimeClassName, topologySpreadConstraints and every other PodTemplate field. Tekton lays it over config.podTemplate: a field set here replaces the pipeline's, env and volumes merge by name. nodeSelector, affinity and tolerations may be written here or as the task's own fields, not both.
 */
export interface PodTemplate {
  affinity?: Affinity1;
  /**
   * AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.
   */
  automountServiceAccountToken?: boolean;
  dnsConfig?: PodDNSConfig;
  /**
   * Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy.
   */
  dnsPolicy?: 'ClusterFirstWithHostNet' | 'ClusterFirst' | 'Default' | 'None';
  /**
   * EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true.
   */
  enableServiceLinks?: boolean;
  /**
   * List of environment variables that can be provided to the containers belonging to the pod.
   */
  env?: EnvVar[];
  /**
   * HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified. This is only valid for non-hostNetwork pods.
   */
  hostAliases?: HostAlias[];
  /**
   * HostNetwork specifies whether the pod may use the node network namespace
   */
  hostNetwork?: boolean;
  /**
   * ImagePullSecrets gives the name of the secret used by the pod to pull the image if specified
   */
  imagePullSecrets?: LocalObjectReference[];
  /**
   * NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/
   */
  nodeSelector?: {
    [k: string]: string | undefined;
  };
  /**
   * If specified, indicates the pod's priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default.
   */
  priorityClassName?: string;
  /**
   * RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod. If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the "legacy" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/runtime-class.md This is a beta feature as of Kubernetes v1.14.
   */
  runtimeClassName?: string;
  /**
   * SchedulerName specifies the scheduler to be used to dispatch the Pod
   */
  schedulerName?: string;
  securityContext?: PodSecurityContext;
  /**
   * If specified, the pod's tolerations.
   */
  tolerations?: Toleration[];
  /**
   * TopologySpreadConstraints controls how Pods are spread across your cluster among failure-domains such as regions, zones, nodes, and other user-defined topology domains.
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes See Pod.spec.volumes (API version: v1)
   */
  volumes?: Volume[];
}
/**
 * If specified, the pod's scheduling constraints. See Pod.spec.affinity (API version: v1)
 */
export interface Affinity1 {
  /**
   * Kubernetes NodeAffinity.
   */
  nodeAffinity?: {};
  /**
   * Kubernetes PodAffinity.
   */
  podAffinity?: {};
  /**
   * Kubernetes PodAntiAffinity.
   */
  podAntiAffinity?: {};
}
/**
 * Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.
 */
export interface PodDNSConfig {
  /**
   * IP addresses of DNS servers, added to those of the DNS policy (at most 3 in all).
   */
  nameservers?: string[];
  /**
   * DNS search domains for host-name lookup, added to those of the DNS policy.
   */
  searches?: string[];
  /**
   * Resolver options (name, optional value); they replace the DNS policy's options of the same name.
   */
  options?: {
    /**
     * Option name, as in resolv.conf.
     */
    name: string;
    /**
     * Option value, if the option takes one.
     */
    value?: string;
  }[];
}
/**
 * Kubernetes HostAlias: an entry of the pod's /etc/hosts file.
 */
export interface HostAlias {
  /**
   * IP address of the host entry.
   */
  ip: string;
  /**
   * Host names for the IP address.
   */
  hostnames?: string[];
}
/**
 * Kubernetes LocalObjectReference: the name of an object in the run's namespace (here a secret).
 */
export interface LocalObjectReference {
  /**
   * Name of the object.
   */
  name: string;
}
/**
 * SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field. See Pod.spec.securityContext (API version: v1)
 */
export interface PodSecurityContext {
  /**
   * UID the processes run as.
   */
  runAsUser?: number;
  /**
   * GID the processes run as.
   */
  runAsGroup?: number;
  /**
   * Refuse to start a container that would run as root.
   */
  runAsNonRoot?: boolean;
  /**
   * Kubernetes SELinuxOptions.
   */
  seLinuxOptions?: {};
  /**
   * Kubernetes SeccompProfile.
   */
  seccompProfile?: {};
  /**
   * Kubernetes AppArmorProfile.
   */
  appArmorProfile?: {};
  /**
   * Kubernetes WindowsSecurityContextOptions.
   */
  windowsOptions?: {};
  /**
   * Group that owns mounted volumes.
   */
  fsGroup?: number;
  /**
   * When volume ownership is changed.
   */
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  /**
   * Extra GIDs of the processes.
   */
  supplementalGroups?: number[];
  /**
   * Namespaced sysctls ({name, value}).
   */
  sysctls?: {}[];
}
/**
 * Kubernetes TopologySpreadConstraint: how the pods matching labelSelector spread over the domains of topologyKey.
 */
export interface TopologySpreadConstraint {
  /**
   * Largest allowed difference in matching pods between two domains.
   */
  maxSkew: number;
  /**
   * Node label whose values are the domains.
   */
  topologyKey: string;
  /**
   * DoNotSchedule keeps the pod pending; ScheduleAnyway schedules it, preferring lower skew.
   */
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /**
   * Kubernetes LabelSelector of the pods that count (matchLabels, matchExpressions).
   */
  labelSelector?: {};
  /**
   * Pod label keys whose values, taken from the incoming pod, narrow the pods that count.
   */
  matchLabelKeys?: string[];
  /**
   * Minimum number of eligible domains (with whenUnsatisfiable DoNotSchedule).
   */
  minDomains?: number;
  /**
   * Whether the pod's node affinity and node selector limit the domains: Honor or Ignore.
   */
  nodeAffinityPolicy?: 'Honor' | 'Ignore';
  /**
   * Whether node taints limit the domains: Honor or Ignore.
   */
  nodeTaintsPolicy?: 'Honor' | 'Ignore';
}
/**
 * How a task mounts a pipeline workspace (declared in spec.config.workspaces). The task reads its path as $(workspaces.NAME.path).
 */
export interface TaskWorkspace {
  /**
   * Mount the workspace read-only.
   */
  readOnly?: boolean;
  /**
   * Where to mount it; Tekton's default is /workspace/NAME.
   */
  mountPath?: string;
}
/**
 * Runs a graph from spec.graphs with arguments.
 */
export interface GraphCall {
  /**
   * Name of a graph in spec.graphs.
   */
  graph: string;
  arguments?: Arguments1;
  after?: After1;
  /**
   * Name shown in the KFP UI.
   */
  displayName?: string;
}
/**
 * Values for the graph's params by name.
 */
export interface Arguments1 {
  [k: string]: ArgumentValue | undefined;
}
/**
 * Runs its tasks only when the comparison holds (KFP dsl.Condition).
 */
export interface ConditionGroup {
  /**
   * KFP comparison: numbers compare as numbers when both sides parse as numbers, otherwise as strings. Shorthand: "{{tasks.flip.outputs.output}} == heads".
   */
  if: string | ComparisonObject;
  tasks: Nodes1;
  after?: After2;
}
/**
 * Tasks and groups that run only when the condition holds.
 */
export interface Nodes1 {
  [k: string]: Node | undefined;
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
   * kfp-tekton's Loop extra field iterateParamPassStyle, accepted for migrated specs but not written: the PipelineLoop controller has no such field and passes the list as a param value. inline is left out with a warning; file is an error.
   */
  iterateParamPassStyle?: 'inline' | 'file';
  /**
   * kfp-tekton's Loop extra field itemPassStyle, accepted for migrated specs but not written: the PipelineLoop controller has no such field and passes each item as a param value. inline is left out with a warning; file is an error.
   */
  itemPassStyle?: 'inline' | 'file';
  tasks: Nodes2;
  after?: After3;
}
/**
 * What to iterate over: items, from (a JSON list reference), range or split.
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
 * Tasks and groups run once per item; they may use {{item}}, {{item.F}} and {{index}}.
 */
export interface Nodes2 {
  [k: string]: Node | undefined;
}
/**
 * Ends the enclosing loop early: no further iterations start (kfp-tekton's break task, a PipelineLoop BreakTask custom task). Put it under an `if` inside a loop body.
 */
export interface BreakTask {
  /**
   * Always true.
   */
  break: true;
  after?: After4;
}
/**
 * A standalone kfp-tekton any-sequencer (the DSL's AnySequencer(tasks, name)): a task, named by its key, that succeeds as soon as ANY of the listed tasks succeeds or any condition holds. No task has to wait on it; others may run after it with `after`. To make one task wait on such a sequencer, give that task `afterAny` instead.
 */
export interface AnySequencerTask {
  anySequencer: AfterAny1;
  after?: After5;
}
/**
 * What the sequencer watches: the fields of afterAny except name (the node's key names the sequencer).
 */
export interface AfterAny1 {
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
 * Runs its tasks, then always the onExit tasks (Tekton finally).
 */
export interface ExitHandlerGroup {
  onExit: Nodes3;
  tasks: Nodes4;
}
/**
 * Tasks that always run after the group, whether its tasks succeeded or failed (Tekton finally).
 */
export interface Nodes3 {
  [k: string]: Node | undefined;
}
/**
 * Tasks and groups guarded by the exit handler.
 */
export interface Nodes4 {
  [k: string]: Node | undefined;
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
    params?: Arguments2;
    /**
     * Params the group's controller provides to inner tasks (AddOnGroup.create_internal_param): declared in the group's pipelineSpec, with an optional default, but not passed in spec.params. Inner tasks read them as {{params.NAME}}.
     */
    internalParams?: {
      [k: string]: (string | number | boolean | null) | undefined;
    };
    annotations?: StringMap15;
    labels?: StringMap16;
    /**
     * Fields deep-merged into the generated pipeline task, last (AddOnGroup.post_task_spec): objects merge key by key, other values replace; `params` merges by name, and a null value removes the param (AddOnGroup.post_params).
     */
    taskOverrides?: {};
    /**
     * Fields merged into the custom task's spec beside pipelineSpec (controller settings).
     */
    specOverrides?: {};
  };
  tasks: Nodes5;
  after?: After6;
}
/**
 * The custom task's spec.params: name to value (constant or reference). Inner tasks read them as {{params.NAME}}.
 */
export interface Arguments2 {
  [k: string]: ArgumentValue | undefined;
}
/**
 * Annotations of the custom task (taskSpec.metadata).
 */
export interface StringMap15 {
  [k: string]: string | undefined;
}
/**
 * Labels of the custom task (taskSpec.metadata).
 */
export interface StringMap16 {
  [k: string]: string | undefined;
}
/**
 * Tasks and groups that become the custom task's embedded pipeline.
 */
export interface Nodes5 {
  [k: string]: Node | undefined;
}
/**
 * The tasks and groups of the pipeline by name; they run as a DAG ordered by after and by references between them.
 */
export interface Nodes6 {
  [k: string]: Node | undefined;
}
/**
 * Tasks that always run at the end of the pipeline (Tekton finally).
 */
export interface Nodes7 {
  [k: string]: Node | undefined;
}
/**
 * Run-wide settings: timeout, service account, pod defaults, image pull secrets, workspaces.
 */
export interface PipelineConfig {
  /**
   * Time allowed for the pipeline's tasks (PipelineRun timeouts.tasks); the whole run gets finallyTimeout more. 0: the run never times out (Argo's behaviour). Unset: no timeout is written, so Tekton's global default (default-timeout-minutes, 60 minutes unless changed) applies.
   */
  timeout?: number | string;
  /**
   * Service account every task pod runs as (PipelineRun taskRunTemplate.serviceAccountName).
   */
  serviceAccount?: string;
  securityContext?: PodSecurityContext1;
  /**
   * Whether task pods get the service account token mounted (pod template automountServiceAccountToken).
   */
  automountServiceAccountToken?: boolean;
  env?: StringMap17;
  nodeSelector?: StringMap18;
  /**
   * Names of secrets used to pull images of private registries (pod template imagePullSecrets).
   */
  imagePullSecrets?: string[];
  podTemplate?: PodTemplate1;
  /**
   * Pipeline workspaces by name, bound by the PipelineRun; tasks mount them with their own `workspaces`.
   */
  workspaces?: {
    [k: string]: Workspace | undefined;
  };
  /**
   * Write the pipelines.kubeflow.org/component_spec_digest annotation on every task (kfp-tekton's generate_component_spec_annotations).
   */
  componentSpecAnnotations?: boolean;
  /**
   * Image of generated condition tasks (kfp-tekton's condition_image_name).
   */
  conditionImage?: string;
  /**
   * Image of generated helper steps (kfp-tekton's bash_image_name).
   */
  bashImage?: string;
  /**
   * Pod settings applied to sets of tasks (kfp-tekton pipeline transformers).
   */
  taskDefaults?: TaskDefaults[];
  artifacts?: ArtifactsConfig;
  dataPassing?: DataPassingConfig;
  /**
   * Time added to timeout for the finally tasks (timeouts.pipeline = timeout + finallyTimeout), as kfp-tekton allows 300 seconds.
   */
  finallyTimeout?: number | string;
}
/**
 * Kubernetes PodSecurityContext of every task pod (taskRunTemplate.podTemplate).
 */
export interface PodSecurityContext1 {
  /**
   * UID the processes run as.
   */
  runAsUser?: number;
  /**
   * GID the processes run as.
   */
  runAsGroup?: number;
  /**
   * Refuse to start a container that would run as root.
   */
  runAsNonRoot?: boolean;
  /**
   * Kubernetes SELinuxOptions.
   */
  seLinuxOptions?: {};
  /**
   * Kubernetes SeccompProfile.
   */
  seccompProfile?: {};
  /**
   * Kubernetes AppArmorProfile.
   */
  appArmorProfile?: {};
  /**
   * Kubernetes WindowsSecurityContextOptions.
   */
  windowsOptions?: {};
  /**
   * Group that owns mounted volumes.
   */
  fsGroup?: number;
  /**
   * When volume ownership is changed.
   */
  fsGroupChangePolicy?: 'OnRootMismatch' | 'Always';
  /**
   * Extra GIDs of the processes.
   */
  supplementalGroups?: number[];
  /**
   * Namespaced sysctls ({name, value}).
   */
  sysctls?: {}[];
}
/**
 * Environment variables of every task container (pod template env); a task's own env wins.
 */
export interface StringMap17 {
  [k: string]: string | undefined;
}
/**
 * Node labels every task pod must match (pod template nodeSelector); a task's nodeSelector replaces it.
 */
export interface StringMap18 {
  [k: string]: string | undefined;
}
/**
 * Tekton's pod template of every task pod (PipelineRun taskRunTemplate.podTemplate): dnsConfig, hostAliases, dnsPolicy, priorityClassName, schedulerName, runtimeClassName, hostNetwork, topologySpreadConstraints, volumes and every other PodTemplate field. securityContext, automountServiceAccountToken, env, nodeSelector and imagePullSecrets may be written here or as config fields of their own, not both.
 */
export interface PodTemplate1 {
  affinity?: Affinity1;
  /**
   * AutomountServiceAccountToken indicates whether pods running as this service account should have an API token automatically mounted.
   */
  automountServiceAccountToken?: boolean;
  dnsConfig?: PodDNSConfig;
  /**
   * Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are 'ClusterFirst', 'Default' or 'None'. DNS parameters given in DNSConfig will be merged with the policy selected with DNSPolicy.
   */
  dnsPolicy?: 'ClusterFirstWithHostNet' | 'ClusterFirst' | 'Default' | 'None';
  /**
   * EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true.
   */
  enableServiceLinks?: boolean;
  /**
   * List of environment variables that can be provided to the containers belonging to the pod.
   */
  env?: EnvVar[];
  /**
   * HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified. This is only valid for non-hostNetwork pods.
   */
  hostAliases?: HostAlias[];
  /**
   * HostNetwork specifies whether the pod may use the node network namespace
   */
  hostNetwork?: boolean;
  /**
   * ImagePullSecrets gives the name of the secret used by the pod to pull the image if specified
   */
  imagePullSecrets?: LocalObjectReference[];
  /**
   * NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/
   */
  nodeSelector?: {
    [k: string]: string | undefined;
  };
  /**
   * If specified, indicates the pod's priority. "system-node-critical" and "system-cluster-critical" are two special keywords which indicate the highest priorities with the former being the highest priority. Any other name must be defined by creating a PriorityClass object with that name. If not specified, the pod priority will be default or zero if there is no default.
   */
  priorityClassName?: string;
  /**
   * RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod. If no RuntimeClass resource matches the named class, the pod will not be run. If unset or empty, the "legacy" RuntimeClass will be used, which is an implicit class with an empty definition that uses the default runtime handler. More info: https://git.k8s.io/enhancements/keps/sig-node/runtime-class.md This is a beta feature as of Kubernetes v1.14.
   */
  runtimeClassName?: string;
  /**
   * SchedulerName specifies the scheduler to be used to dispatch the Pod
   */
  schedulerName?: string;
  securityContext?: PodSecurityContext;
  /**
   * If specified, the pod's tolerations.
   */
  tolerations?: Toleration[];
  /**
   * TopologySpreadConstraints controls how Pods are spread across your cluster among failure-domains such as regions, zones, nodes, and other user-defined topology domains.
   */
  topologySpreadConstraints?: TopologySpreadConstraint[];
  /**
   * List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes See Pod.spec.volumes (API version: v1)
   */
  volumes?: Volume[];
}
/**
 * A pipeline workspace bound by the PipelineRun: exactly one volume source, optionally a sub path (kfp-tekton's path prefix).
 */
export interface Workspace {
  /**
   * An existing claim: {claimName, readOnly}.
   */
  persistentVolumeClaim?: {};
  /**
   * A claim created for each run: {spec: PersistentVolumeClaimSpec} (kfp-tekton's volume_claim_template_spec).
   */
  volumeClaimTemplate?: {};
  /**
   * A scratch volume that lives as long as one task pod.
   */
  emptyDir?: {};
  /**
   * A ConfigMap: {name, items}.
   */
  configMap?: {};
  /**
   * A Secret: {secretName, items}.
   */
  secret?: {};
  /**
   * A projected volume.
   */
  projected?: {};
  /**
   * A CSI volume.
   */
  csi?: {};
  /**
   * Directory inside the volume used as the workspace root (kfp-tekton's path_prefix).
   */
  subPath?: string;
}
/**
 * Pod settings applied to a set of tasks at once (kfp-tekton's pipeline op transformers, written declaratively). Maps merge: a task's own value wins over defaults, and a later entry over an earlier one; tolerations add up.
 */
export interface TaskDefaults {
  /**
   * Names of the tasks this entry applies to (in the pipeline or any graph). Absent, with components absent too: every container task.
   */
  tasks?: string[];
  /**
   * Applies to every task running one of these components.
   */
  components?: string[];
  annotations?: StringMap19;
  labels?: StringMap20;
  env?: StringMap21;
  nodeSelector?: StringMap22;
  /**
   * Tolerations added to the pods of these tasks.
   */
  tolerations?: Toleration[];
}
/**
 * Annotations added to the pods of these tasks.
 */
export interface StringMap19 {
  [k: string]: string | undefined;
}
/**
 * Labels added to the pods of these tasks.
 */
export interface StringMap20 {
  [k: string]: string | undefined;
}
/**
 * Environment variables added to the main container of these tasks.
 */
export interface StringMap21 {
  [k: string]: string | undefined;
}
/**
 * Node labels the pods of these tasks must match.
 */
export interface StringMap22 {
  [k: string]: string | undefined;
}
/**
 * Object storage of output artifacts and enforced artifact tracking (the run's tekton.dev/artifact_* annotations).
 */
export interface ArtifactsConfig {
  /**
   * Always track artifacts of every task of this pipeline (kfp-tekton's tekton.dev/track_artifact annotation).
   */
  track?: boolean;
  /**
   * Object-storage bucket of the artifacts.
   */
  bucket?: string;
  /**
   * Object-storage endpoint (host:port).
   */
  endpoint?: string;
  /**
   * Scheme of the object-storage endpoint.
   */
  endpointScheme?: 'http://' | 'https://';
}
/**
 * The volume of the data-passing workspace, through which outputs read as files and artifact outputs travel.
 */
export interface DataPassingConfig {
  /**
   * An existing PersistentVolumeClaim to pass data through.
   */
  persistentVolumeClaim?: {
    /**
     * Name of the PersistentVolumeClaim.
     */
    claimName: string;
    /**
     * Mount the claim read-only.
     */
    readOnly?: boolean;
  };
  /**
   * A PersistentVolumeClaim template; Tekton creates one claim per run.
   */
  volumeClaimTemplate?: {};
  /**
   * Sub-directory of the volume that holds the data (the workspace binding's subPath).
   */
  pathPrefix?: string;
}
