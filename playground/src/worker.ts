/**
 * The compile worker: the library API (src/index.ts) on the page's files, off the main thread.
 * Component files are served from the page through a CompileHost; nothing is fetched.
 * Built by scripts/build-playground.mjs as a classic script that the page starts from a blob: URL
 * (module workers and worker files cannot be loaded from file:// pages).
 */
import { compile, renderMermaid, specGraph } from '../../src/index.js';
import { pageHost } from './pageHost.js';
import { SPEC, type CompileReply, type CompileRequest } from './protocol.js';

function handle({ id, files, options }: CompileRequest): CompileReply {
  const source = { path: SPEC, text: files[SPEC] ?? '' };
  const host = pageHost(files);
  const start = performance.now();
  const result = compile(source, { ...options, host });
  const compileMs = performance.now() - start;
  const { graph } = specGraph(source, { host });
  return { id, ok: result.ok, text: result.text, name: result.manifests[0]?.name, diagnostics: result.diagnostics, mermaid: graph ? renderMermaid(graph) : undefined, compileMs };
}

/** Every request gets a reply: the page waits for one before it sends the next. */
function reply(request: CompileRequest): CompileReply {
  try {
    return handle(request);
  } catch (error) {
    // compile() turns its own failures into diagnostics; this is anything else (the graph).
    const message = `kft failed on ${SPEC}: ${error instanceof Error ? error.message : String(error)}`;
    return { id: request.id, ok: false, text: '', diagnostics: [{ code: 'internal-error', severity: 'error', message, hint: 'This is a bug in kft; please report it with the spec (Share gives a link).' }], compileMs: 0 };
  }
}

const scope = self as unknown as { onmessage: ((event: MessageEvent<CompileRequest>) => void) | null; postMessage(reply: CompileReply): void };
scope.onmessage = (event) => scope.postMessage(reply(event.data));
