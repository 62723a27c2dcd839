/**
 * The task graph of a spec, for `kft graph`, docs/examples.md and the playground: parse and
 * validate (no lowering), then the graph as plain data (taskGraph.ts), rendered as Mermaid or DOT.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CompileHost } from '../host.js';
import { parse, type SpecSource } from '../parse/index.js';
import { defaultHost } from '../platform/node.js';
import { validate } from '../validate/index.js';
import { taskGraph, type TaskGraph } from './taskGraph.js';

export { renderDot } from './dot.js';
export { renderMermaid } from './mermaid.js';
export { taskGraph, type GraphCluster, type GraphEdge, type GraphItem, type GraphNode, type TaskGraph } from './taskGraph.js';

export interface SpecGraphOptions {
  /** File access for component files; defaults to the local disk (in a browser bundle: no files). */
  readonly host?: CompileHost;
  /** Let component files lie outside the spec's directory tree. */
  readonly allowOutsideRoot?: boolean;
}

export interface SpecGraph {
  /** Absent when the spec has errors that leave no pipeline to draw. */
  readonly graph?: TaskGraph;
  /** What validation found (errors and warnings), as `kft validate` reports them. */
  readonly diagnostics: readonly Diagnostic[];
}

export function specGraph(source: SpecSource, options: SpecGraphOptions = {}): SpecGraph {
  const validated = validate(parse(source, { host: options.host ?? defaultHost, allowOutsideRoot: options.allowOutsideRoot }));
  return { graph: validated.ok && validated.model ? taskGraph(validated.model) : undefined, diagnostics: validated.diagnostics };
}
