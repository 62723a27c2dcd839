/**
 * The file paths and names KFP and kfp-tekton give inputs and outputs passed as files. They are
 * part of the contract with the KFP-Tekton backend (its artifact tracking reads them from the
 * PipelineRun annotations), so they follow kfp-tekton exactly.
 */

/** KFP's `_sanitize_file_name`: runs of characters outside [-_.0-9a-zA-Z] become '_'. */
export function kfpFileName(name: string): string {
  return name.replace(/[^-_.0-9a-zA-Z]+/g, '_');
}

/** Where KFP lets a component write an output: /tmp/outputs/<name>/data. */
export const outputFilePath = (output: string): string => `/tmp/outputs/${kfpFileName(output)}/data`;

/** Where KFP lets a component read an input given as a file: /tmp/inputs/<name>/data. */
export const inputFilePath = (input: string): string => `/tmp/inputs/${kfpFileName(input)}/data`;

/** The directory of a file path (the mount point of the emptyDir that holds it). */
export const parentDir = (path: string): string => path.slice(0, path.lastIndexOf('/'));

/**
 * kfp-tekton's `sanitize_k8s_name(name, allow_capital_underscore=True)`: the artifact name of an
 * output, as the artifact annotations and the workspace file name spell it ("Output 1" → "Output-1",
 * "output_dir" stays).
 */
export function artifactName(name: string): string {
  return name.replace(/[^-_0-9A-Za-z]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * Outputs KFP v1 treats as the run's UI metadata and metrics: written to /tmp/outputs, stored as
 * artifacts under a fixed name, never Tekton results (KFP removes them from the task's outputs).
 */
const METADATA_ARTIFACTS: Readonly<Record<string, string>> = {
  mlpipeline_ui_metadata: 'mlpipeline-ui-metadata',
  'mlpipeline-ui-metadata': 'mlpipeline-ui-metadata',
  mlpipeline_metrics: 'mlpipeline-metrics',
  'mlpipeline-metrics': 'mlpipeline-metrics',
};

/** The fixed artifact name of a UI-metadata or metrics output, else undefined. */
export const metadataArtifactName = (output: string): string | undefined =>
  Object.hasOwn(METADATA_ARTIFACTS, output) ? METADATA_ARTIFACTS[output] : undefined;

/**
 * kfp-tekton's big-data path: `$(workspaces.<task>.path)/artifacts/$ORIG_PR_NAME/<taskrun>/<name>`.
 * `$ORIG_PR_NAME` is written as kfp-tekton writes it (the backend's big_data_passing_format
 * annotation names it); producer and consumer pass the same text, so they agree on the file.
 */
export function workspaceFilePath(task: string, taskRun: string, name: string): string {
  return `$(workspaces.${task}.path)/artifacts/$ORIG_PR_NAME/${taskRun}/${name}`;
}

/** The task run name of the running task, as a Tekton variable. */
export const OWN_TASKRUN = '$(context.taskRun.name)';

/** Env of steps that use big-data paths: the original PipelineRun's name, from the pod label the backend sets. */
export const ORIG_PR_NAME_ENV = {
  name: 'ORIG_PR_NAME',
  valueFrom: { fieldRef: { fieldPath: "metadata.labels['custom.tekton.dev/originalPipelineRun']" } },
} as const;
