/**
 * Phase 4, emit: IR → Tekton manifests (objects and deterministic YAML/JSON text). Chooses the
 * API version and the layout; re-checks the result against Tekton's constraints.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { PipelineRunIR } from '../lower/ir.js';
import { checkNestedRun, checkPipelineSpec, checkTaskRunSpecs, type NestedRunSpec } from './check.js';
import type * as v1 from './tekton/v1.js';
import { V1Writer } from './toV1.js';
import { nestedSpecToV1beta1, pipelineSpecToV1beta1, runSpecToV1beta1 } from './toV1beta1.js';
import { yamlStream } from './yamlText.js';

export interface EmitOptions {
  /** tekton.dev/v1 (default) or tekton.dev/v1beta1. */
  readonly apiVersion: 'v1' | 'v1beta1';
  /** `pipelinerun`: one PipelineRun embedding the pipeline (kfp-tekton's shape); `pipeline`: a Pipeline plus a PipelineRun referencing it. */
  readonly layout: 'pipelinerun' | 'pipeline';
  /** Loops (and other nested pipelines) inlined as taskSpec, or separate resources referenced by taskRef. */
  readonly loops: 'inline' | 'separate';
  readonly format: 'yaml' | 'json';
}

export const defaultEmitOptions: EmitOptions = { apiVersion: 'v1', layout: 'pipelinerun', loops: 'inline', format: 'yaml' };

export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly object: Readonly<Record<string, unknown>>;
}

export interface EmitResult {
  readonly manifests: readonly Manifest[];
  /** All manifests as one text: a multi-document YAML stream, or a JSON list. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export function emit(run: PipelineRunIR, options: Partial<EmitOptions> = {}): EmitResult {
  const o = { ...defaultEmitOptions, ...options };
  const writer = new V1Writer({ separateNested: o.loops === 'separate' });
  const metadata: v1.ObjectMeta = { name: run.name };
  if (Object.keys(run.annotations).length) metadata.annotations = { ...run.annotations };
  if (Object.keys(run.labels).length) metadata.labels = { ...run.labels };
  const pipelineSpec = writer.pipelineSpec(run.pipeline);
  const diagnostics = checkPipelineSpec(pipelineSpec, run.name);
  const objects: Record<string, unknown>[] = [];
  const group = o.apiVersion === 'v1' ? 'tekton.dev/v1' : 'tekton.dev/v1beta1';
  if (o.layout === 'pipeline') {
    const spec = o.apiVersion === 'v1' ? pipelineSpec : pipelineSpecToV1beta1(pipelineSpec);
    objects.push({ apiVersion: group, kind: 'Pipeline', metadata: { name: run.name }, spec });
  }
  const runSpec = writer.pipelineRunSpec(run, o.layout === 'pipeline' ? run.name : undefined, pipelineSpec);
  diagnostics.push(...checkTaskRunSpecs(runSpec.taskRunSpecs, pipelineSpec, run.name));
  for (const r of writer.resources) diagnostics.push(...checkNestedRun(r.spec as NestedRunSpec, r.metadata.name ?? '', r));
  objects.push({ apiVersion: group, kind: 'PipelineRun', metadata, spec: o.apiVersion === 'v1' ? runSpec : runSpecToV1beta1(runSpec) });
  // Separate loops and groups hold pipelines in the API version asked for, as inline ones do.
  for (const resource of writer.resources) objects.push(o.apiVersion === 'v1' ? { ...resource } : { ...resource, spec: nestedSpecToV1beta1(resource.spec) });
  const manifests = objects.map((object) => ({
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    name: String((object.metadata as { name: string }).name),
    object,
  }));
  return { manifests, text: serialize(objects, o.format), diagnostics };
}

/** Deterministic text: key order is construction order, no line folding, `---` between documents. */
export function serialize(objects: readonly unknown[], format: 'yaml' | 'json'): string {
  if (format === 'json') return JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2) + '\n';
  return yamlStream(objects);
}
