/** `kft explain [CODE]`: print a diagnostic code's catalogue entry (or list every code). */
import { catalogue, explainText, isDiagnosticCode } from '../../diagnostics/codes.js';
import { didYouMean } from '../../util/suggest.js';
import { ExitCode } from '../exitCodes.js';
import { say, writeStdout } from '../io.js';

export async function runExplain(code: string | undefined): Promise<number> {
  if (code === undefined) {
    const width = Math.max(...Object.keys(catalogue).map((c) => c.length));
    writeStdout(Object.entries(catalogue).map(([name, entry]) => `${name.padEnd(width)}  ${entry.severity.padEnd(7)}  ${entry.summary}\n`).join(''));
    return ExitCode.ok;
  }
  const name = code.replace(/^\[|\]$/g, '');
  if (!isDiagnosticCode(name)) {
    say(`unknown diagnostic code '${name}'. ${didYouMean(name, Object.keys(catalogue))}`.trimEnd());
    return ExitCode.usage;
  }
  writeStdout(explainText(name));
  return ExitCode.ok;
}
