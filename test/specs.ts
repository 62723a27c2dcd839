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

/** The finally tasks of the (single) PipelineRun of a successful build. */
export function pipelineFinallyTasks(result: ReturnType<typeof compileSpec>): Record<string, unknown>[] {
  const run = result.manifests.find((m) => m.kind === 'PipelineRun');
  const spec = (run?.object.spec ?? {}) as { pipelineSpec?: { finally?: Record<string, unknown>[] } };
  return spec.pipelineSpec?.finally ?? [];
}

/**
 * Compiles spec text with an in-memory file system (`files` by path relative to the spec's
 * directory), so tests can check exact positions and component files without touching disk.
 */
export function compileText(text: string, files: Record<string, string> = {}, options: CompileOptions = {}) {
  const host = {
    readFile: (path: string) => {
      const relative = path.startsWith(specDir + '/') ? path.slice(specDir.length + 1) : undefined;
      return relative !== undefined ? files[relative] : undefined;
    },
    realpath: (path: string) => path,
  };
  return compile({ path: `${specDir}/spec.yaml`, text }, { kfpMetadata: false, host, ...options });
}

const specDir = '/virtual';

/** `line:column code` of each diagnostic, compact for assertions. */
export const where = (result: { diagnostics: readonly { code: string; range?: { line: number; column: number } }[] }): string[] =>
  result.diagnostics.map((d) => `${d.range ? `${d.range.line}:${d.range.column} ` : ''}${d.code}`);

/** A pipeline document around `spec` YAML lines (indented by the caller as under `spec:`). */
export const doc = (...specLines: string[]): string =>
  ['apiVersion: kft.dev/v1alpha1', 'kind: Pipeline', 'metadata: {name: test}', 'spec:', ...specLines.map((l) => '  ' + l)].join('\n') + '\n';

/** `line:column` (1-based) where `needle` occurs in `text` (the n-th time), to state expected positions. */
export function locate(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' does not occur ${nth} time(s)`);
  }
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}
