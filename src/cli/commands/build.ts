/**
 * `kft build SPEC... [-o DIR]`: compile every spec; print the manifests (stdout) or write one file
 * per spec under DIR. Nothing is written unless every spec compiles.
 */
import { basename, extname, join } from 'node:path';
import { compile, type CompileOptions } from '../../compile.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { clusterRequirements, formatRequirements } from '../../requirements.js';
import { ExitCode } from '../exitCodes.js';
import { readSource, report, writeAtomic, type OutputOptions } from '../io.js';

export interface BuildOptions extends OutputOptions {
  readonly output?: string;
  readonly apiVersion?: 'v1' | 'v1beta1';
  readonly layout?: 'pipelinerun' | 'pipeline';
  readonly loops?: 'inline' | 'separate';
  readonly conditions?: 'task' | 'when';
  readonly kfpMetadata?: boolean;
  readonly outputFormat?: 'yaml' | 'json';
  readonly allowOutsideRoot?: boolean;
  /** Print the cluster requirements of the output instead of the manifests. */
  readonly requirements?: boolean;
}

export async function runBuild(specs: readonly string[], options: BuildOptions): Promise<number> {
  const compileOptions: CompileOptions = {
    apiVersion: options.apiVersion,
    layout: options.layout,
    loops: options.loops,
    conditions: options.conditions,
    kfpMetadata: options.kfpMetadata,
    format: options.outputFormat,
    allowOutsideRoot: options.allowOutsideRoot,
  };
  const outputs: { spec: string; text: string; requirements: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  let code: number = ExitCode.ok;
  for (const path of specs) {
    const source = readSource(path);
    if (source.text === undefined) {
      process.stderr.write(`kft: ${source.error}\n`);
      code = ExitCode.usage;
      continue;
    }
    const result = compile({ path, text: source.text }, compileOptions);
    diagnostics.push(...result.diagnostics);
    if (!result.ok) code = code === ExitCode.ok ? ExitCode.specErrors : code;
    else outputs.push({ spec: path, text: result.text, requirements: formatRequirements(clusterRequirements(result.manifests)) });
  }
  report(diagnostics, options);
  if (code !== ExitCode.ok) return code;
  if (options.requirements) {
    process.stdout.write(outputs.map((o) => (outputs.length > 1 ? `# ${o.spec}\n` : '') + o.requirements).join('\n'));
    return ExitCode.ok;
  }
  if (!options.output) {
    process.stdout.write(outputs.map((o) => o.text).join('---\n'));
    return ExitCode.ok;
  }
  const ext = options.outputFormat === 'json' ? '.json' : '.yaml';
  try {
    for (const o of outputs) writeAtomic(join(options.output, basename(o.spec, extname(o.spec)) + ext), o.text);
  } catch (error) {
    process.stderr.write(`kft: cannot write output: ${(error as Error).message}\n`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
