/**
 * The metadata kfp-tekton puts on a PipelineRun so the KFP-Tekton backend can run it: the pipeline
 * spec annotation, artifact tracking annotations, Istio sidecar injection off, and the labels the
 * backend fills in. Left out with `kfpMetadata: false` for plain Tekton users.
 */
import type { SpecModel } from '../model/specModel.js';
import type { ArtifactRecords } from './dataPassing/artifacts.js';
import { paramName } from './names.js';

export function kfpRunAnnotations(model: SpecModel, artifacts: ArtifactRecords): Record<string, string> {
  const texts = artifactAnnotationTexts(artifacts);
  const storage = model.config.artifacts ?? {};
  return {
    'tekton.dev/output_artifacts': texts.outputs,
    'tekton.dev/input_artifacts': texts.inputs,
    'tekton.dev/artifact_bucket': storage.bucket ?? 'mlpipeline',
    'tekton.dev/artifact_endpoint': storage.endpoint ?? 'minio-service.kubeflow:9000',
    'tekton.dev/artifact_endpoint_scheme': storage.endpointScheme ?? 'http://',
    'tekton.dev/artifact_items': texts.items,
    'sidecar.istio.io/inject': 'false',
    'tekton.dev/template': '',
    'pipelines.kubeflow.org/big_data_passing_format': '$(workspaces.$TASK_NAME.path)/artifacts/$ORIG_PR_NAME/$TASKRUN_NAME/$TASK_PARAM_NAME',
    'pipelines.kubeflow.org/pipeline_spec': pyJson(pipelineSpecAnnotation(model)),
  };
}

/**
 * The three artifact annotations, each pyJson of an object keyed by task name (output and input
 * artifacts only for tasks that have some, items for every task), written in one pass over the
 * records, which come sorted by task name as pyJson sorts keys: no intermediate objects or copies
 * of the records, one piece per task (a run has thousands of tasks, each usually without artifacts).
 */
function artifactAnnotationTexts(artifacts: ArtifactRecords): { outputs: string; items: string; inputs: string } {
  let outputs = '';
  let items = '';
  let inputs = '';
  const entries = artifacts.entries();
  for (let i = 0; i < entries.length; i++) {
    const key = JSON.stringify(entries[i]![0]) + ': ';
    const record = entries[i]![1];
    if (record.outputs.length) outputs = appendPyJson(outputs === '' ? key : `${outputs}, ${key}`, record.outputs);
    items = record.items.length ? appendPyJson(i === 0 ? key : `${items}, ${key}`, record.items) : `${items}${i === 0 ? '' : ', '}${key}[]`;
    if (record.inputs.length) inputs = appendPyJson(inputs === '' ? key : `${inputs}, ${key}`, record.inputs);
  }
  return { outputs: flat(`{${outputs}}`), items: flat(`{${items}}`), inputs: flat(`{${inputs}}`) };
}

/**
 * Enforced artifact tracking for the whole run (kfp-tekton's `tekton.dev/track_artifact`): the
 * backend then tracks artifacts even where its configuration would skip them. Asked for
 * explicitly, so written with or without kfpMetadata.
 */
export function artifactTrackingAnnotations(model: SpecModel): Record<string, string> {
  return model.config.artifacts?.track ? { 'tekton.dev/track_artifact': 'true' } : {};
}

export const kfpRunLabels = (): Record<string, string> => ({
  'pipelines.kubeflow.org/pipelinename': '',
  'pipelines.kubeflow.org/generation': '',
});

function pipelineSpecAnnotation(model: SpecModel): Record<string, unknown> {
  const inputs = [...model.pipeline.params.values()].map((p) => ({
    ...(p.hasDefault ? { default: typeof p.default === 'string' ? p.default : JSON.stringify(p.default) } : {}),
    ...(p.description ? { description: p.description } : {}),
    name: paramName(p.name),
    ...(p.hasDefault || p.optional ? { optional: true } : {}),
    // As KFP records it: the type as written; none for an untyped parameter.
    ...(p.declaredType !== undefined ? { type: p.declaredType } : {}),
  }));
  return {
    ...(model.description ? { description: model.description } : {}),
    ...(inputs.length ? { inputs } : {}),
    name: model.name,
  };
}

/**
 * JSON with Python's json.dumps separators and sorted keys, as kfp-tekton writes annotations.
 * Appended to one string as it walks (the artifact annotations of a large pipeline are megabytes);
 * keys sort by UTF-16 code units (the default sort order of strings).
 */
export function pyJson(value: unknown): string {
  return flat(appendPyJson('', value));
}

/**
 * Appending leaves a rope: one V8 cons-string node (~32 bytes) per piece, hundreds of thousands
 * for the artifact annotations of 10,000 tasks, kept until emit reads the characters. Searching
 * the text once makes V8 flatten it into one string now, before the rope is promoted.
 */
function flat(text: string): string {
  text.indexOf('\0');
  return text;
}

function appendPyJson(text: string, v: unknown): string {
  if (Array.isArray(v)) {
    text += '[';
    for (let i = 0; i < v.length; i++) text = appendPyJson(i === 0 ? text : text + ', ', v[i]);
    return text + ']';
  }
  if (v && typeof v === 'object') {
    const record = v as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    text += '{';
    for (let i = 0; i < keys.length; i++) text = appendPyJson(`${i === 0 ? text : text + ', '}${JSON.stringify(keys[i])}: `, record[keys[i]!]);
    return text + '}';
  }
  return text + (JSON.stringify(v) ?? 'null');
}
