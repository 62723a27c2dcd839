/** Compile options that choose between equivalent lowerings and output layouts. */
export interface LowerOptions {
  /** Emit the KFP-Tekton backend metadata (annotations/labels kfp-tekton adds). Default true. */
  readonly kfpMetadata: boolean;
  /** How conditions are lowered: kfp-tekton's condition task, or direct Tekton `when` where possible. */
  readonly conditions: 'task' | 'when';
  /** Image of generated condition tasks. */
  readonly conditionImage: string;
  /** Image of kfp-tekton's any-sequencer (tasks with `afterAny`). */
  readonly anySequencerImage: string;
  /** Image of generated helper steps (copying results and artifacts). */
  readonly bashImage: string;
  /** Write pipelines.kubeflow.org/component_spec_digest on tasks (with kfpMetadata). Default true. */
  readonly componentSpecAnnotations: boolean;
}

export const defaultLowerOptions: LowerOptions = {
  kfpMetadata: true,
  conditions: 'task',
  conditionImage: 'python:3.9.17-alpine3.18',
  anySequencerImage: 'quay.io/aipipeline/any-sequencer:latest',
  bashImage: 'busybox',
  componentSpecAnnotations: true,
};
