/** `kft graph SPEC [--format mermaid|dot]`: print the task graph of a spec. */
import { parse } from '../../parse/index.js';
import { nodeHost } from '../../host.js';
import { validate } from '../../validate/index.js';
import { ExitCode } from '../exitCodes.js';
import { renderDot } from '../graph/dot.js';
import { renderMermaid } from '../graph/mermaid.js';
import { taskGraph } from '../graph/taskGraph.js';
import { readSource, report, say, writeStdout, type OutputOptions } from '../io.js';

export interface GraphOptions extends OutputOptions {
  readonly graphFormat?: 'mermaid' | 'dot';
  readonly allowOutsideRoot?: boolean;
}

export async function runGraph(path: string, options: GraphOptions): Promise<number> {
  const source = readSource(path);
  if (source.bytes === undefined) {
    say(source.error ?? path);
    return ExitCode.usage;
  }
  const validated = validate(parse({ path, bytes: source.bytes }, { host: nodeHost, allowOutsideRoot: options.allowOutsideRoot }));
  await report(validated.diagnostics, options, true);
  if (!validated.ok || !validated.model) return ExitCode.specErrors;
  const graph = taskGraph(validated.model);
  writeStdout(options.graphFormat === 'dot' ? renderDot(graph) : renderMermaid(graph));
  return ExitCode.ok;
}
