/** `kft validate SPEC...`: report problems, write nothing. Exit 0 clean, 1 errors, 2 unreadable input. */
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { compile } from '../../compile.js';
import { ExitCode } from '../exitCodes.js';
import { readSource, report, type OutputOptions } from '../io.js';

export interface ValidateOptions extends OutputOptions {
  readonly allowOutsideRoot?: boolean;
}

export async function runValidate(specs: readonly string[], options: ValidateOptions): Promise<number> {
  let code: number = ExitCode.ok;
  const all = [];
  for (const path of specs) {
    const source = readSource(path);
    if (source.text === undefined) {
      process.stderr.write(`kft: ${source.error}\n`);
      code = ExitCode.usage;
      continue;
    }
    const result = compile({ path, text: source.text }, { allowOutsideRoot: options.allowOutsideRoot });
    all.push(...result.diagnostics);
    if (hasErrors(result.diagnostics) && code === ExitCode.ok) code = ExitCode.specErrors;
  }
  report(all, options);
  return code;
}
