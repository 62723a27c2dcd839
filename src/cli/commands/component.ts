/**
 * `kft component python FILE.py:FUNCTION [--base-image IMAGE] [--packages a,b] [-o component.yaml]`:
 * writes the component.yaml kfp 1.8's create_component_from_func would write for the function
 * (byte for byte), to share it or to reference it as {file: ...}. Exit 0 written, 1 the function
 * cannot be made into a component (diagnostics), 2 bad arguments or I/O.
 */
import { pythonComponentFile } from '../../python/componentFile.js';
import { ExitCode } from '../exitCodes.js';
import { readSource, report, say, writeAtomic, writeStdout, type OutputOptions } from '../io.js';

export interface ComponentPythonOptions extends OutputOptions {
  readonly baseImage?: string;
  readonly packages?: string;
  readonly indexUrls?: string;
  readonly annotation?: readonly string[];
  readonly output?: string;
}

const list = (value: string | undefined): string[] | undefined => (value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter((s) => s !== ''));

/**
 * --packages: split at the commas that start a new requirement (a name starts with a letter or
 * digit), so `requests>=2.28,<3,certifi` is two packages: `requests>=2.28,<3` and `certifi`.
 */
const packageList = (value: string | undefined): string[] | undefined =>
  value === undefined ? undefined : value.split(/,(?=\s*[A-Za-z0-9])/).map((s) => s.trim()).filter((s) => s !== '');

export async function runComponentPython(target: string, options: ComponentPythonOptions): Promise<number> {
  const at = target.lastIndexOf(':');
  const file = at > 0 ? target.slice(0, at) : '';
  const functionName = at > 0 ? target.slice(at + 1) : '';
  if (!file || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(functionName)) {
    say(`${target}: expected FILE.py:FUNCTION (e.g. steps/train.py:train)`);
    return ExitCode.usage;
  }
  const annotations: Record<string, string> = {};
  for (const a of options.annotation ?? []) {
    const eq = a.indexOf('=');
    if (eq <= 0) {
      say(`--annotation ${a}: expected KEY=VALUE`);
      return ExitCode.usage;
    }
    annotations[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const source = readSource(file);
  if (source.bytes === undefined) {
    say(source.error ?? file);
    return ExitCode.usage;
  }
  const result = pythonComponentFile({ path: file, bytes: source.bytes }, functionName, {
    baseImage: options.baseImage,
    packages: packageList(options.packages),
    packageIndexUrls: list(options.indexUrls),
    metadata: Object.keys(annotations).length ? { annotations } : undefined,
  });
  await report(result.diagnostics, options, !options.output);
  if (!result.ok) return ExitCode.specErrors;
  if (!options.output) {
    writeStdout(result.text);
    return ExitCode.ok;
  }
  try {
    writeAtomic(options.output, result.text);
  } catch (error) {
    say(`cannot write ${options.output}: ${(error as Error).message}`);
    return ExitCode.usage;
  }
  return ExitCode.ok;
}
