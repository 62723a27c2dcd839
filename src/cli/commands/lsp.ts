/**
 * `kft lsp [--stdio]`: the language server for editors (docs/editors.md), on stdin and stdout.
 *
 * The server (src/lsp/) and its packages (vscode-languageserver) are not part of the CLI bundle:
 * Node loads them from dist/ as ES modules (../outsideBundle.ts). No other command pays for them,
 * in start-up time or bundle size.
 */
import { kftVersion } from '../io.js';
import { importOutsideBundle } from '../outsideBundle.js';

type Server = typeof import('../../lsp/server.js');

export async function runLsp(): Promise<number> {
  const server = (await importOutsideBundle(new URL('../../lsp/server.js', import.meta.url).href)) as Server;
  return server.runStdioServer(kftVersion);
}
