/**
 * `kft lsp [--stdio]`: the language server for editors (docs/editors.md), on stdin and stdout.
 *
 * The server (src/lsp/) and its packages (vscode-languageserver) are not part of the CLI bundle:
 * an import() of a computed URL is left to Node (scripts/bundle-cli.mjs), which loads them from
 * dist/ as ES modules. No other command pays for them, in start-up time or bundle size.
 */
import { kftVersion } from '../io.js';

type Server = typeof import('../../lsp/server.js');

export async function runLsp(): Promise<number> {
  const server = (await import(new URL('../../lsp/server.js', import.meta.url).href)) as Server;
  return server.runStdioServer(kftVersion);
}
