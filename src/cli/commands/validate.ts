/**
 * `kft validate SPEC...` (files, directories, globs): report problems, write nothing. Component
 * files among them are checked as components. Exit 0 clean, 1 errors, 2 bad arguments.
 */
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { compile, validateComponent } from '../../compile.js';
import { ExitCode } from '../exitCodes.js';
import { findSpecFiles } from '../inputs/specFiles.js';
import { readSource, report, say, type OutputOptions } from '../io.js';

export interface ValidateOptions extends OutputOptions {
  readonly allowOutsideRoot?: boolean;
}

export async function runValidate(args: readonly string[], options: ValidateOptions): Promise<number> {
  const found = findSpecFiles(args, [], { components: true });
  for (const message of [...found.notes, ...found.errors]) say(message);
  let code: number = found.errors.length > 0 ? ExitCode.usage : ExitCode.ok;
  const all: Diagnostic[] = [];
  for (const spec of found.specs) {
    const source = readSource(spec.path);
    if (source.bytes === undefined) {
      say(source.error ?? spec.path);
      code = ExitCode.usage;
      continue;
    }
    const input = { path: spec.path, bytes: source.bytes };
    const result = spec.component ? validateComponent(input, { allowOutsideRoot: options.allowOutsideRoot }) : compile(input, { allowOutsideRoot: options.allowOutsideRoot });
    all.push(...result.diagnostics);
    if (hasErrors(result.diagnostics) && code === ExitCode.ok) code = ExitCode.specErrors;
  }
  // A component file checked on its own and again through a spec that uses it reports its problems once.
  const seen = new Set<string>();
  const unique = all.filter((d) => {
    const key = JSON.stringify(d.range ? [d.code, d.range] : [d.code, d.message]);
    return !seen.has(key) && !!seen.add(key);
  });
  await report(unique, options);
  return code;
}
