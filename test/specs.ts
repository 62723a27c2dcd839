/** Builds small specs in tests: a pipeline around the given components and tasks. */
import { compile, type CompileOptions } from '../src/compile.js';
import { stringify } from 'yaml';

export function compileSpec(spec: Record<string, unknown>, options: CompileOptions = {}) {
  const text = stringify({ apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'test' }, spec });
  return compile({ path: 'spec.yaml', text }, { kfpMetadata: false, ...options });
}

/** The pipeline tasks of the (single) PipelineRun of a successful build. */
export function pipelineTasks(result: ReturnType<typeof compileSpec>): Record<string, unknown>[] {
  const run = result.manifests.find((m) => m.kind === 'PipelineRun');
  const spec = (run?.object.spec ?? {}) as { pipelineSpec?: { tasks?: Record<string, unknown>[] } };
  return spec.pipelineSpec?.tasks ?? [];
}
