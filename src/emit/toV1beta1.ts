/**
 * tekton.dev/v1 → tekton.dev/v1beta1, for clusters that still serve only v1beta1 (Tekton < 0.44).
 * Only the fields kft writes differ: step `computeResources` → `resources`, the run's
 * `taskRunTemplate` → top-level `serviceAccountName`/`podTemplate`, task run specs' field names
 * (the run's and a PipelineLoop's), and `displayName`, which v1beta1 does not have.
 */
import type * as v1 from './tekton/v1.js';
import type * as v1beta1 from './tekton/v1beta1.js';

export function pipelineSpecToV1beta1(spec: v1.PipelineSpec): v1beta1.PipelineSpec {
  const out: v1beta1.PipelineSpec = { ...spec, tasks: spec.tasks.map(taskToV1beta1) };
  if (spec.finally) out.finally = spec.finally.map(taskToV1beta1);
  return out;
}

function taskToV1beta1(task: v1.PipelineTask): v1beta1.PipelineTask {
  const { displayName: _dropped, taskSpec, ...rest } = task;
  const out: v1beta1.PipelineTask = { ...rest };
  if (taskSpec) out.taskSpec = embeddedToV1beta1(taskSpec);
  return out;
}

function embeddedToV1beta1(spec: v1.EmbeddedTask): v1beta1.EmbeddedTask {
  const { steps, ...rest } = spec;
  const out: v1beta1.EmbeddedTask = { ...rest };
  if (isRecord(spec.spec)) out.spec = nestedSpecToV1beta1(spec.spec);
  if (steps) {
    out.steps = steps.map(({ computeResources, ...step }) => (computeResources ? { ...step, resources: computeResources } : step));
  }
  // Sidecars are containers too: v1 `computeResources` is v1beta1 `resources`.
  if (spec.sidecars) out.sidecars = spec.sidecars.map((sidecar) => (isRecord(sidecar) && 'computeResources' in sidecar ? renameResources(sidecar) : sidecar));
  return out;
}

/**
 * A custom task's spec (inline `taskSpec.spec`, or a separate resource's `spec`): a nested
 * pipeline (PipelineLoop, custom group) is converted like the run's, since the controller of a
 * v1beta1 Tekton (kfp-tekton < 1.8) reads v1beta1 pipeline and task run specs; other specs are
 * returned as they are.
 */
export function nestedSpecToV1beta1(spec: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(spec.pipelineSpec)) return spec;
  const inner = spec as { pipelineSpec: v1.PipelineSpec; taskRunSpecs?: v1.PipelineTaskRunSpec[] };
  const out: Record<string, unknown> = { ...spec, pipelineSpec: pipelineSpecToV1beta1(inner.pipelineSpec) };
  if (inner.taskRunSpecs) out.taskRunSpecs = inner.taskRunSpecs.map(taskRunSpecToV1beta1);
  return out;
}

export function runSpecToV1beta1(spec: v1.PipelineRunSpec): v1beta1.PipelineRunSpec {
  const { taskRunTemplate, taskRunSpecs, pipelineSpec, ...rest } = spec;
  const out: v1beta1.PipelineRunSpec = { ...rest };
  if (pipelineSpec) out.pipelineSpec = pipelineSpecToV1beta1(pipelineSpec);
  if (taskRunTemplate?.serviceAccountName) out.serviceAccountName = taskRunTemplate.serviceAccountName;
  if (taskRunTemplate?.podTemplate) out.podTemplate = taskRunTemplate.podTemplate;
  if (taskRunSpecs) out.taskRunSpecs = taskRunSpecs.map(taskRunSpecToV1beta1);
  return out;
}

function taskRunSpecToV1beta1(t: v1.PipelineTaskRunSpec): v1beta1.PipelineTaskRunSpec {
  return {
    pipelineTaskName: t.pipelineTaskName,
    ...(t.serviceAccountName ? { taskServiceAccountName: t.serviceAccountName } : {}),
    ...(t.podTemplate ? { taskPodTemplate: t.podTemplate } : {}),
    ...(t.metadata ? { metadata: t.metadata } : {}),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function renameResources({ computeResources, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return { ...rest, resources: computeResources };
}
