/**
 * The metadata kfp-tekton puts on a PipelineRun so the KFP-Tekton backend can run it: the pipeline
 * spec annotation, artifact tracking annotations, Istio sidecar injection off, and the labels the
 * backend fills in. Left out with `kfpMetadata: false` for plain Tekton users.
 */
import type { SpecModel } from '../model/specModel.js';
import type { PipelineTaskIR } from './ir.js';
import { paramName } from './names.js';

export function kfpRunAnnotations(model: SpecModel, tasks: readonly PipelineTaskIR[]): Record<string, string> {
  const outputArtifacts: Record<string, unknown[]> = {};
  const artifactItems: Record<string, unknown[]> = {};
  const inputArtifacts: Record<string, unknown[]> = {};
  for (const task of [...tasks].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (task.body.kind !== 'embedded') continue;
    const results = task.body.spec.results.filter((r) => r.description?.startsWith('/tmp/outputs/'));
    if (results.length) {
      outputArtifacts[task.name] = results.map((r) => ({ key: `artifacts/$PIPELINERUN/${task.name}/${outputName(r.description!)}.tgz`, name: `${task.name}-${outputName(r.description!)}`, path: r.description }));
    }
    artifactItems[task.name] = results.map((r) => [outputName(r.description!), `$(results.${r.name}.path)`]);
    const inputs = task.params
      .map((p) => /^\$\(tasks\.([^.]+)\.results\.([^)]+)\)$/.exec(p.value))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: `${m[1]}-${m[2]}`, parent_task: m[1] }));
    if (inputs.length) inputArtifacts[task.name] = inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  return {
    'tekton.dev/output_artifacts': pyJson(outputArtifacts),
    'tekton.dev/input_artifacts': pyJson(inputArtifacts),
    'tekton.dev/artifact_bucket': 'mlpipeline',
    'tekton.dev/artifact_endpoint': 'minio-service.kubeflow:9000',
    'tekton.dev/artifact_endpoint_scheme': 'http://',
    'tekton.dev/artifact_items': pyJson(artifactItems),
    'sidecar.istio.io/inject': 'false',
    'tekton.dev/template': '',
    'pipelines.kubeflow.org/big_data_passing_format': '$(workspaces.$TASK_NAME.path)/artifacts/$ORIG_PR_NAME/$TASKRUN_NAME/$TASK_PARAM_NAME',
    'pipelines.kubeflow.org/pipeline_spec': pyJson(pipelineSpecAnnotation(model)),
  };
}

export const kfpRunLabels = (): Record<string, string> => ({
  'pipelines.kubeflow.org/pipelinename': '',
  'pipelines.kubeflow.org/generation': '',
});

const outputName = (path: string) => path.replace(/^\/tmp\/outputs\//, '').replace(/\/data$/, '');

function pipelineSpecAnnotation(model: SpecModel): Record<string, unknown> {
  const inputs = [...model.pipeline.params.values()].map((p) => ({
    ...(p.hasDefault ? { default: typeof p.default === 'string' ? p.default : JSON.stringify(p.default) } : {}),
    ...(p.description ? { description: p.description } : {}),
    name: paramName(p.name),
    ...(p.hasDefault || p.optional ? { optional: true } : {}),
    type: p.type,
  }));
  return {
    ...(model.description ? { description: model.description } : {}),
    ...(inputs.length ? { inputs } : {}),
    name: model.name,
  };
}

/** JSON with Python's json.dumps separators and sorted keys, as kfp-tekton writes annotations. */
export function pyJson(value: unknown): string {
  const walk = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(walk).join(', ')}]`;
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, x]) => `${JSON.stringify(k)}: ${walk(x)}`).join(', ')}}`;
    }
    return JSON.stringify(v) ?? 'null';
  };
  return walk(value);
}
