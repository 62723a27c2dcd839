/**
 * A task's pod-level features, as kfp-tekton lowers a ContainerOp's pod settings:
 * - init containers become steps before `main` (Tekton has no init containers; steps run in order);
 * - sidecars, volumes and workspace declarations go into the embedded taskSpec;
 * - volume mounts and the security context go onto the `main` step (they belong to the container);
 * - the pod template (affinity, tolerations, node selector, podTemplate) and service account cannot
 *   be set in a taskSpec, so they go into the PipelineRun's `taskRunSpecs` for this pipeline task
 *   (kfp-tekton's TaskRunSpec pod templates), where Tekton merges them over the run-wide pod template.
 * The strings of containers, volumes, mounts and workspaces that Tekton substitutes (their
 * reference fields, model/referenceFields.ts) may hold {{...}} references; they become task params.
 * Other strings are kept as written.
 */
import type { Container, Task } from '../generated/pipeline.js';
import { FIELD_TREES, fieldChild, mapSites, type FieldTree } from '../model/referenceFields.js';
import type { TaskBindings } from './bindings.js';
import type { StepIR, TaskRunSpecIR, TaskSpecIR } from './ir.js';
import { dnsLabel } from './names.js';
import { taskPodTemplate } from './podTemplate.js';

/** The pod features of one task, in the places of the IR they land. */
export interface PodFeatures {
  readonly initSteps: readonly StepIR[];
  readonly main: Pick<StepIR, 'volumeMounts' | 'securityContext'>;
  readonly spec: Pick<TaskSpecIR, 'sidecars' | 'volumes' | 'workspaces'>;
  readonly workspaceBindings: readonly { readonly name: string; readonly workspace: string }[];
}

export function podFeatures(spec: Task, bindings: TaskBindings): PodFeatures {
  // Most tasks set none of these: share one empty answer instead of building empty lists.
  if (!spec.sidecars && !spec.volumes && !spec.workspaces && !spec.initContainers && !spec.volumeMounts && !spec.securityContext) return NO_POD_FEATURES;
  const sidecars = (spec.sidecars ?? []).map((c) => sidecarOf(c, bindings));
  const volumes = (spec.volumes ?? []).map((v) => withReferences(v, 'volumes', bindings) as Record<string, unknown>);
  const workspaces = Object.entries(spec.workspaces ?? {}).map(([name, w = {}]) => ({
    name,
    ...(w.readOnly !== undefined ? { readOnly: w.readOnly } : {}),
    ...(w.mountPath !== undefined ? { mountPath: bindings.text(w.mountPath) } : {}),
  }));
  return {
    initSteps: (spec.initContainers ?? []).map((c) => initStepOf(c, bindings)),
    main: {
      ...(spec.volumeMounts?.length ? { volumeMounts: spec.volumeMounts.map((m) => withReferences(m, 'volumeMounts', bindings)) } : {}),
      ...(spec.securityContext ? { securityContext: { ...spec.securityContext } } : {}),
    },
    spec: {
      ...(sidecars.length ? { sidecars } : {}),
      // kfp-tekton sorts task volumes by name; the order is meaningless to Kubernetes.
      ...(volumes.length ? { volumes: volumes.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1)) } : {}),
      ...(workspaces.length ? { workspaces } : {}),
    },
    workspaceBindings: workspaces.map((w) => ({ name: w.name, workspace: w.name })),
  };
}

const NO_POD_FEATURES: PodFeatures = Object.freeze({
  initSteps: Object.freeze([]),
  main: Object.freeze({}),
  spec: Object.freeze({}),
  workspaceBindings: Object.freeze([]),
});

/**
 * The taskRunSpecs entry of a pipeline task, or undefined when it sets nothing: its service account
 * and its pod template (lower/podTemplate.ts), which Tekton lays over the run-wide one.
 */
export function taskRunSpecOf(pipelineTaskName: string, spec: Task, runTemplate: Readonly<Record<string, unknown>> | undefined): TaskRunSpecIR | undefined {
  if (!spec.affinity && !spec.tolerations && !spec.nodeSelector && !spec.serviceAccount && !spec.podTemplate) return undefined;
  const podTemplate = taskPodTemplate(spec, runTemplate);
  if (!podTemplate && !spec.serviceAccount) return undefined;
  return {
    pipelineTaskName,
    ...(spec.serviceAccount ? { serviceAccountName: spec.serviceAccount } : {}),
    ...(podTemplate ? { podTemplate } : {}),
  };
}

/** An init container as a step: the fields a Tekton step shares with a container. */
function initStepOf(container: Container, bindings: TaskBindings): StepIR {
  const c = withReferences(container, 'initContainers', bindings) as Container;
  return {
    name: dnsLabel(c.name),
    image: c.image,
    ...(c.command?.length ? { command: c.command } : {}),
    ...(c.args?.length ? { args: c.args } : {}),
    ...(c.script !== undefined ? { script: c.script } : {}),
    ...(c.env?.length ? { env: c.env.map((e) => ({ name: e.name, ...(e.value !== undefined ? { value: e.value } : {}), ...(e.valueFrom !== undefined ? { valueFrom: e.valueFrom } : {}) })) } : {}),
    ...(c.resources ? { computeResources: resourceLists(c.resources) } : {}),
    ...(c.imagePullPolicy ? { imagePullPolicy: c.imagePullPolicy } : {}),
    ...(c.volumeMounts?.length ? { volumeMounts: c.volumeMounts } : {}),
    ...(c.securityContext ? { securityContext: c.securityContext } : {}),
    ...(c.workingDir ? { workingDir: c.workingDir } : {}),
  };
}

/** A sidecar as Tekton v1 writes it: a container whose `resources` are `computeResources`. */
function sidecarOf(container: Container, bindings: TaskBindings): Record<string, unknown> {
  const { resources, ...rest } = withReferences(container, 'sidecars', bindings) as Container;
  return { ...rest, ...(resources ? { computeResources: resourceLists(resources) } : {}) };
}

function resourceLists(r: NonNullable<Container['resources']>): NonNullable<StepIR['computeResources']> {
  const list = (l: Record<string, unknown> | undefined) => (l ? Object.fromEntries(Object.entries(l).map(([k, v]) => [k, String(v)])) : undefined);
  const requests = list(r.requests);
  const limits = list(r.limits);
  return { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
}

/** The entries of each list field of a task, as the field tree sees one entry (`volumes.*`, ...). */
const ENTRY_TREES: Readonly<Record<'volumes' | 'volumeMounts' | 'initContainers' | 'sidecars', FieldTree | undefined>> = {
  volumes: fieldChild(fieldChild(FIELD_TREES.task, 'volumes'), 0),
  volumeMounts: fieldChild(fieldChild(FIELD_TREES.task, 'volumeMounts'), 0),
  initContainers: fieldChild(fieldChild(FIELD_TREES.task, 'initContainers'), 0),
  sidecars: fieldChild(fieldChild(FIELD_TREES.task, 'sidecars'), 0),
};

/** A copy of one entry of a task's list field whose strings at reference sites went through the task's bindings. */
function withReferences(entry: unknown, field: keyof typeof ENTRY_TREES, bindings: TaskBindings): unknown {
  return mapSites(entry, ENTRY_TREES[field], (text) => bindings.text(text));
}
