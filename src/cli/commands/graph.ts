/** `kft graph SPEC [--format mermaid|dot]`: print the task graph of a spec. */
import { renderDot, renderMermaid, specGraph } from '../../graph/index.js';
import { nodeHost } from '../../host.js';
import { ExitCode } from '../exitCodes.js';
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
  const { graph, diagnostics } = specGraph({ path, bytes: source.bytes }, { host: nodeHost, allowOutsideRoot: options.allowOutsideRoot });
  await report(diagnostics, options, true);
  if (!graph) return ExitCode.specErrors;
  writeStdout(options.graphFormat === 'dot' ? renderDot(graph) : renderMermaid(graph));
  return ExitCode.ok;
}
