/**
 * IR → tekton.dev/v1 objects. Nested pipelines (PipelineLoops, custom groups) are embedded as
 * `taskSpec {apiVersion, kind, spec}` or, with `separate`, collected as resources and referenced
 * by `taskRef`. Reentrant ones (recursive graph instances) are always separate resources. Empty lists and maps are left out, as Tekton and kfp-tekton write them.
 *
 * A nested pipeline is written complete, without relying on Tekton's defaults: Tekton's webhook
 * never sees a custom task's spec, and the PipelineLoop controller validates the pipeline it holds
 * without defaulting it first (it defaults only its own `parallelism`), so a param spec without
 * `type` is invalid there and the run fails when it starts. Every param spec inside one gets an
 * explicit type (`string` when the IR leaves it to Tekton's default), as kfp-tekton writes them.
 */
import type { ParamSpecIR, PipelineIR, PipelineRunIR, PipelineTaskIR, StepIR, TaskRunSpecIR, TaskSpecIR } from '../lower/ir.js';
import type * as v1 from './tekton/v1.js';

export interface CustomResource {
  apiVersion: string;
  kind: string;
  metadata: v1.ObjectMeta;
  spec: Record<string, unknown>;
}

export interface V1Options {
  /** Emit nested pipelines (loops) as separate resources referenced by taskRef. */
  readonly separateNested: boolean;
}

export class V1Writer {
  readonly resources: CustomResource[] = [];
  /** The resources by name: a resource is compared (as JSON) only with those of its name. */
  private readonly resourcesByName = new Map<string | undefined, CustomResource[]>();
  /** How many nested pipelines enclose what is being written: inside one, nothing is defaulted. */
  private nestedDepth = 0;
  constructor(private readonly options: V1Options) {}

  /** Adds a resource once: tasks that reference one custom resource share it. */
  addResource(resource: CustomResource): void {
    const sameName = this.resourcesByName.get(resource.metadata.name);
    if (sameName) {
      const key = JSON.stringify(resource);
      if (sameName.some((r) => JSON.stringify(r) === key)) return;
    }
    this.pushResource(resource);
  }

  private pushResource(resource: CustomResource): void {
    this.resources.push(resource);
    const sameName = this.resourcesByName.get(resource.metadata.name);
    if (sameName) sameName.push(resource);
    else this.resourcesByName.set(resource.metadata.name, [resource]);
  }

  /** The run's spec; `pipelineSpec`, when given, is the run's pipeline already written (it is not written twice). */
  pipelineRunSpec(run: PipelineRunIR, pipelineRef?: string, pipelineSpec?: v1.PipelineSpec): v1.PipelineRunSpec {
    const spec: v1.PipelineRunSpec = {};
    if (run.params.length) spec.params = run.params.map((p) => ({ name: p.name, value: p.value }));
    if (pipelineRef) spec.pipelineRef = { name: pipelineRef };
    else spec.pipelineSpec = pipelineSpec ?? this.pipelineSpec(run.pipeline);
    if (run.timeouts) spec.timeouts = { ...run.timeouts };
    if (run.serviceAccountName || run.podTemplate) {
      spec.taskRunTemplate = { ...(run.serviceAccountName ? { serviceAccountName: run.serviceAccountName } : {}), ...(run.podTemplate ? { podTemplate: { ...run.podTemplate } } : {}) };
    }
    if (run.taskRunSpecs.length) spec.taskRunSpecs = run.taskRunSpecs.map(taskRunSpec);
    if (run.workspaces?.length) spec.workspaces = run.workspaces.map((w) => ({ ...w }));
    return spec;
  }

  pipelineSpec(p: PipelineIR): v1.PipelineSpec {
    const spec = {} as v1.PipelineSpec;
    if (p.params.length) spec.params = p.params.map((x) => this.paramSpec(x));
    spec.tasks = p.tasks.map((t) => this.pipelineTask(t));
    if (p.finally.length) spec.finally = p.finally.map((t) => this.pipelineTask(t));
    if (p.workspaces?.length) spec.workspaces = p.workspaces.map((w) => ({ name: w.name }));
    return spec;
  }

  pipelineTask(t: PipelineTaskIR): v1.PipelineTask {
    const task: v1.PipelineTask = { name: t.name };
    if (t.displayName) task.displayName = t.displayName;
    if (t.params.length) task.params = t.params.map((p) => ({ name: p.name, value: p.value }));
    const body = t.body;
    switch (body.kind) {
      case 'embedded':
        task.taskSpec = this.taskSpec(body.spec);
        break;
      case 'custom':
        if (body.task.refName !== undefined) {
          task.taskRef = { apiVersion: body.task.apiVersion, kind: body.task.kind, name: body.task.refName };
          if (body.task.refSpec !== undefined) this.addResource({ apiVersion: body.task.apiVersion, kind: body.task.kind, metadata: { name: body.task.refName }, spec: body.task.refSpec as Record<string, unknown> });
        }
        else task.taskSpec = { apiVersion: body.task.apiVersion, kind: body.task.kind, spec: body.task.spec, ...(body.task.metadata ? { metadata: { ...body.task.metadata } } : {}) };
        break;
      case 'nested': {
        const { taskRunSpecs, workspaces, podTemplate } = body.task;
        const spec = {
          ...body.task.specFields,
          pipelineSpec: this.nestedPipelineSpec(body.task.pipeline),
          // Settings the controller copies into the runs it creates (PipelineLoop spec fields).
          ...(taskRunSpecs?.length ? { taskRunSpecs: taskRunSpecs.map(taskRunSpec) } : {}),
          ...(workspaces?.length ? { workspaces: workspaces.map((w) => ({ ...w })) } : {}),
          ...(podTemplate ? { podTemplate: { ...podTemplate } } : {}),
        };
        if (this.options.separateNested || body.task.reentrant) {
          // The writer may serialise one pipeline twice (check, then run); a resource is kept once.
          if (!this.resourcesByName.has(body.task.resourceName)) {
            this.pushResource({ apiVersion: body.task.apiVersion, kind: body.task.kind, metadata: { name: body.task.resourceName }, spec });
          }
          task.taskRef = { apiVersion: body.task.apiVersion, kind: body.task.kind, name: body.task.resourceName };
        } else {
          task.taskSpec = { apiVersion: body.task.apiVersion, kind: body.task.kind, spec, ...(body.task.metadata ? { metadata: { ...body.task.metadata } } : {}) };
        }
        break;
      }
    }
    if (t.runAfter.length) task.runAfter = [...t.runAfter];
    if (t.when.length) task.when = t.when.map(({ values, ...w }) => ({ ...w, ...(values ? { values: [...values] } : {}) }));
    if (t.retries) task.retries = t.retries;
    if (t.timeout !== undefined) task.timeout = t.timeout;
    if (t.workspaces?.length) task.workspaces = t.workspaces.map((w) => ({ ...w }));
    return t.overrides ? applyOverrides(task, t.overrides) : task;
  }

  /** A pipeline a custom task runs: written with explicit types, since nothing defaults it. */
  private nestedPipelineSpec(p: PipelineIR): v1.PipelineSpec {
    this.nestedDepth++;
    try {
      return this.pipelineSpec(p);
    } finally {
      this.nestedDepth--;
    }
  }

  /** A param spec; inside a nested pipeline with the type Tekton's webhook would default. */
  private paramSpec(p: ParamSpecIR): v1.ParamSpec {
    if (p.type !== undefined || this.nestedDepth === 0) return { ...p };
    const out: v1.ParamSpec = { name: p.name, type: 'string' };
    if (p.default !== undefined) out.default = p.default;
    if (p.description !== undefined) out.description = p.description;
    return out;
  }

  taskSpec(s: TaskSpecIR): v1.EmbeddedTask {
    const spec: v1.EmbeddedTask = {};
    if (s.params.length) spec.params = s.params.map((p) => this.paramSpec(p));
    if (s.results.length) spec.results = s.results.map((r) => ({ ...r }));
    spec.steps = s.steps.map(step);
    if (s.sidecars?.length) spec.sidecars = [...s.sidecars];
    if (s.volumes?.length) spec.volumes = [...s.volumes];
    if (s.workspaces?.length) spec.workspaces = s.workspaces.map((w) => ({ ...w }));
    if (s.stepTemplate) spec.stepTemplate = s.stepTemplate;
    const meta: v1.PipelineTaskMetadata = {};
    if (Object.keys(s.metadata.labels).length) meta.labels = { ...s.metadata.labels };
    if (Object.keys(s.metadata.annotations).length) meta.annotations = { ...s.metadata.annotations };
    if (meta.labels || meta.annotations) spec.metadata = meta;
    return spec;
  }
}

function taskRunSpec(t: TaskRunSpecIR): v1.PipelineTaskRunSpec {
  return {
    pipelineTaskName: t.pipelineTaskName,
    ...(t.serviceAccountName ? { serviceAccountName: t.serviceAccountName } : {}),
    ...(t.podTemplate ? { podTemplate: { ...t.podTemplate } } : {}),
    ...(t.metadata ? { metadata: { ...t.metadata } } : {}),
  };
}

function step(s: StepIR): v1.Step {
  const out: v1.Step = { name: s.name, image: s.image };
  if (s.command?.length) out.command = [...s.command];
  if (s.args?.length) out.args = [...s.args];
  if (s.script !== undefined) out.script = s.script;
  if (s.env?.length) out.env = s.env.map((e) => ({ ...e }));
  if (s.computeResources) out.computeResources = { ...s.computeResources };
  if (s.imagePullPolicy) out.imagePullPolicy = s.imagePullPolicy;
  if (s.volumeMounts?.length) out.volumeMounts = [...s.volumeMounts];
  if (s.securityContext) out.securityContext = s.securityContext;
  if (s.workingDir) out.workingDir = s.workingDir;
  if (s.onError) out.onError = s.onError;
  return out;
}

/**
 * A custom group's taskOverrides (AddOnGroup.post_task_spec/post_params, declaratively): objects
 * merge key by key, other values replace; `params` merges by name and null removes a param.
 */
export function applyOverrides(task: v1.PipelineTask, overrides: Readonly<Record<string, unknown>>): v1.PipelineTask {
  const { params, ...rest } = overrides;
  const merged = deepMerge(task, rest) as v1.PipelineTask;
  if (params && typeof params === 'object' && !Array.isArray(params)) {
    const list = [...(merged.params ?? [])];
    for (const [name, value] of Object.entries(params)) {
      const at = list.findIndex((p) => p.name === name);
      if (value === null) {
        if (at >= 0) list.splice(at, 1);
      } else if (at >= 0) list[at] = { name, value: String(value) };
      else list.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
    if (list.length) merged.params = list;
    else delete merged.params;
  }
  return merged;
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in out ? deepMerge(out[k], v) : v;
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
