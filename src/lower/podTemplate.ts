/**
 * Tekton pod templates: the run-wide one (PipelineRun taskRunTemplate.podTemplate, from
 * spec.config) and a task's own (its taskRunSpecs entry). Each is the spec's `podTemplate` plus the
 * shorthand fields of the same meaning (config.env, config.imagePullSecrets, a task's
 * nodeSelector, ...); a field set both ways is refused by validation (rule PodTemplates).
 *
 * Tekton lays a task's template over the run's when the run starts (pod.MergePodTemplateWithDefault):
 * a field the task sets replaces the run's, `hostNetwork: true` at either level holds. For `env` and
 * `volumes` the releases differ: Tekton v0.53 replaces the run's list with the task's, Tekton v1.0
 * merges the two by name (the task's entry wins). kft writes the merged list into the task's entry
 * when both levels set one, so every release runs the pod the same way, as v1.0 merges it.
 */
import type { PipelineConfig, PodTemplate, Task } from '../generated/pipeline.js';

type Template = Record<string, unknown>;

/** The shorthand config fields of the run's pod template, in the order they are written. */
export const CONFIG_SHORTHANDS = ['securityContext', 'automountServiceAccountToken', 'env', 'imagePullSecrets', 'nodeSelector'] as const;
/** The shorthand task fields of a task's pod template. */
export const TASK_SHORTHANDS = ['affinity', 'tolerations', 'nodeSelector'] as const;

const runTemplates = new WeakMap<PipelineConfig, Template | null>();

/** The run-wide pod template of spec.config, or undefined when it sets nothing (computed once). */
export function runPodTemplate(config: PipelineConfig): Readonly<Template> | undefined {
  let t = runTemplates.get(config);
  if (t === undefined) runTemplates.set(config, (t = buildRunTemplate(config)));
  return t ?? undefined;
}

function buildRunTemplate(config: PipelineConfig): Template | null {
  const t: Template = {};
  if (config.securityContext) t.securityContext = structuredClone(config.securityContext);
  if (config.automountServiceAccountToken !== undefined) t.automountServiceAccountToken = config.automountServiceAccountToken;
  const env = Object.entries(config.env ?? {});
  if (env.length) t.env = env.map(([name, value]) => ({ name, value }));
  if (config.imagePullSecrets?.length) t.imagePullSecrets = config.imagePullSecrets.map((name) => ({ name }));
  if (config.nodeSelector && Object.keys(config.nodeSelector).length) t.nodeSelector = { ...config.nodeSelector };
  copyFields(config.podTemplate, t);
  return Object.keys(t).length ? t : null;
}

/**
 * A task's own pod template, or undefined when it sets nothing: its `podTemplate` with its
 * affinity, tolerations and node selector, and env/volumes merged with the run's (see above).
 */
export function taskPodTemplate(spec: Task, run: Readonly<Template> | undefined): Template | undefined {
  const own = spec.podTemplate;
  if (!own && !spec.affinity && !spec.tolerations && !spec.nodeSelector) return undefined;
  const t: Template = {};
  if (spec.affinity) t.affinity = structuredClone(spec.affinity);
  if (spec.tolerations?.length) t.tolerations = spec.tolerations.map((x) => ({ ...x }));
  if (spec.nodeSelector && Object.keys(spec.nodeSelector).length) t.nodeSelector = { ...spec.nodeSelector };
  copyFields(own, t);
  for (const field of ['env', 'volumes'] as const) {
    const mine = t[field];
    const theirs = run?.[field];
    if (Array.isArray(mine) && Array.isArray(theirs)) t[field] = mergeByName(theirs as Named[], mine as Named[]);
  }
  return Object.keys(t).length ? t : undefined;
}

/** Copies the fields of a spec's podTemplate (absent ones, and taken-over shorthands, skipped). */
function copyFields(source: PodTemplate | undefined, into: Template): void {
  if (!source) return;
  for (const [key, value] of Object.entries(source)) if (value !== undefined && !(key in into)) into[key] = structuredClone(value);
}

interface Named {
  readonly name?: unknown;
}

/** Tekton v1.0's mergeByName: the overrides, then the base entries of other names. */
export function mergeByName(base: readonly Named[], overrides: readonly Named[]): Named[] {
  if (overrides.length === 0) return [...base];
  const names = new Set(overrides.map((o) => o.name));
  return [...overrides, ...base.filter((b) => !names.has(b.name))];
}

/** The names of the volumes of a spec's podTemplate (tolerant: also runs on specs with schema errors). */
export function volumeNames(template: PodTemplate | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  if (template && Array.isArray(template.volumes)) for (const v of template.volumes as unknown[]) if (v !== null && typeof v === 'object' && typeof (v as Named).name === 'string') out.add((v as { name: string }).name);
  return out;
}
