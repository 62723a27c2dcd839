/**
 * Phase 3, lower: a validated SpecModel → the IR of a PipelineRun (Tekton concepts, immutable,
 * independent of API version and layout).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { mapRunVariables } from '../model/argoVariables.js';
import type { SpecModel } from '../model/specModel.js';
import { constantText } from './bindings.js';
import { LowerContext } from './context.js';
import type { ParamIR, ParamSpecIR, PipelineIR, PipelineRunIR } from './ir.js';
import { dataWorkspaceBinding } from './dataPassing/workspace.js';
import { artifactTrackingAnnotations, kfpRunAnnotations, kfpRunLabels } from './kfpMetadata.js';
import { dnsLabel, paramName } from './names.js';
import { defaultLowerOptions, type LowerOptions } from './options.js';
import { pipelineWorkspaces, runSettings } from './pipelineConfig.js';
import { rootFrame, ScopeLowering } from './scope.js';

export type { LowerOptions } from './options.js';
export { defaultLowerOptions } from './options.js';

export interface LowerResult {
  readonly run?: PipelineRunIR;
  readonly diagnostics: readonly Diagnostic[];
}

export function lower(model: SpecModel, options: Partial<LowerOptions> = {}): LowerResult {
  const ctx = new LowerContext(model, { ...defaultLowerOptions, ...withoutUndefined(options), ...configOptions(model) });
  const root = new ScopeLowering(ctx, model.pipeline);
  root.lowerNodes(model.pipeline.tasks, rootFrame);
  root.lowerNodes(model.pipeline.finally, { ...rootFrame, finally: true });
  const params = pipelineParams(model);
  const settings = runSettings(model.config);
  const runWorkspaces = [...(settings.workspaces ?? []), ...(ctx.usesDataWorkspace ? [dataWorkspaceBinding(model)] : [])];
  const run: PipelineRunIR = {
    name: dnsLabel(model.name),
    annotations: { ...(ctx.options.kfpMetadata ? kfpRunAnnotations(model, ctx.artifacts) : {}), ...artifactTrackingAnnotations(model), ...model.annotations },
    labels: { ...(ctx.options.kfpMetadata ? kfpRunLabels() : {}), ...model.labels },
    params: runParams(model),
    pipeline: { params: [...params, ...root.params], tasks: root.finishedTasks(), finally: root.finallyTasks, ...dataWorkspaceDeclaration(ctx) },
    ...settings,
    taskRunSpecs: root.taskRunSpecs,
    ...(runWorkspaces.length ? { workspaces: runWorkspaces } : {}),
  };
  return { run, diagnostics: ctx.diagnostics };
}

/** The workspaces of spec.config, and the data-passing workspace when some task passes files through it. */
function dataWorkspaceDeclaration(ctx: LowerContext): Pick<PipelineIR, 'workspaces'> {
  const workspaces = [...pipelineWorkspaces(ctx.model.config), ...(ctx.usesDataWorkspace ? [{ name: ctx.dataWorkspace }] : [])];
  return workspaces.length ? { workspaces } : {};
}

/** Settings of spec.config that choose lowering options (images). */
function configOptions(model: SpecModel): Partial<LowerOptions> {
  const { conditionImage, bashImage, componentSpecAnnotations } = model.config;
  return withoutUndefined({ conditionImage, bashImage, componentSpecAnnotations });
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * A param's default as KFP text, with the run's Argo variables (`{{workflow.uid}}`, KFP's
 * RUN_ID_PLACEHOLDER) in Tekton's spelling: Tekton substitutes a run's params into the tasks, then
 * the context variables, so the tasks get the run's uid. kfp-tekton writes the same.
 */
const defaultText = (value: unknown): string => mapRunVariables(constantText(value));

/** Pipeline params, sorted by name as kfp-tekton emits them; defaults as KFP text. */
function pipelineParams(model: SpecModel): ParamSpecIR[] {
  return [...model.pipeline.params.values()]
    .map((p) => ({ name: paramName(p.name), ...(p.hasDefault && p.default !== null ? { default: defaultText(p.default) } : {}), ...(p.description ? { description: p.description } : {}) }))
    .sort(byName);
}

/** The run passes every param that has a default, so the run is self-describing. */
function runParams(model: SpecModel): ParamIR[] {
  return [...model.pipeline.params.values()]
    .filter((p) => p.hasDefault && p.default !== null)
    .map((p) => ({ name: paramName(p.name), value: defaultText(p.default) }))
    .sort(byName);
}
