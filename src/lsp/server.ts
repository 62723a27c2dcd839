/**
 * `kft lsp`: the language server. It speaks LSP through vscode-languageserver (JSON-RPC, document
 * sync) and answers with kft's own parse, validate and model (workspace.ts), one file per feature:
 * diagnostics (diagnostics.ts, published by the workspace), completion, hover, definition /
 * references / rename (navigation.ts), code actions, document symbols.
 *
 * Loaded only by `kft lsp`, from dist/ as ES modules outside the CLI bundle (see
 * src/cli/commands/lsp.ts), so the other commands never load it or its packages.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from './codeActions.js';
import { completions } from './completion.js';
import { hover } from './hover.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { documentSymbols } from './symbols.js';
import { Workspace, type WorkspaceOptions } from './workspace.js';

/** Settings a client may pass as initializationOptions (docs/editors.md). */
export interface ServerSettings extends WorkspaceOptions {}

/** Serves LSP on `connection` until the client ends the session; `version` is kft's, for serverInfo. */
export function startServer(connection: Connection, version: string): Workspace {
  const documents = new TextDocuments(TextDocument);
  let workspace = new Workspace(events(connection));
  let watchFiles = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspace.dispose();
    workspace = new Workspace(events(connection), settingsOf(params.initializationOptions));
    workspace.setRoots(rootsOf(params));
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '{', ' ', '[', ','] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'kft', version },
    };
  });
  connection.onInitialized(() => {
    // Component files and specs changed outside the editor (git checkout, another tool).
    if (watchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] });
  });
  connection.onDidChangeWatchedFiles((params) => {
    workspace.filesChanged(params.changes.map((c) => c.uri).filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)));
  });

  documents.onDidOpen((e) => workspace.open(e.document.uri, e.document.getText(), e.document.version));
  documents.onDidChangeContent((e) => workspace.change(e.document.uri, e.document.getText(), e.document.version));
  documents.onDidClose((e) => workspace.close(e.document.uri));

  connection.onCompletion((params) => completions(workspace, params.textDocument.uri, params.position));
  connection.onHover((params) => hover(workspace, params.textDocument.uri, params.position));
  connection.onDefinition((params) => definition(workspace, params.textDocument.uri, params.position));
  connection.onReferences((params) => references(workspace, params.textDocument.uri, params.position, params.context.includeDeclaration));
  connection.onPrepareRename((params) => prepareRename(workspace, params.textDocument.uri, params.position));
  connection.onRenameRequest((params) => rename(workspace, params.textDocument.uri, params.position, params.newName));
  connection.onCodeAction((params) => codeActions(workspace, params.textDocument.uri, params.context.diagnostics));
  connection.onDocumentSymbol((params) => documentSymbols(workspace, params.textDocument.uri));
  connection.onShutdown(() => workspace.dispose());

  documents.listen(connection);
  connection.listen();
  return workspace;
}

function events(connection: Connection) {
  return {
    publish: (uri: string, diagnostics: Parameters<Connection['sendDiagnostics']>[0]['diagnostics'], version?: number) => void connection.sendDiagnostics({ uri, diagnostics, version }),
    error: (message: string) => connection.console.error(message),
  };
}

function settingsOf(options: unknown): ServerSettings {
  if (typeof options !== 'object' || options === null) return {};
  const o = options as Record<string, unknown>;
  const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
  return { allowOutsideRoot: o.allowOutsideRoot === true, debounceMs: number(o.debounceMs), compileDelayMs: number(o.compileDelayMs) };
}

function rootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
}

/**
 * `kft lsp --stdio`: serves on stdin and stdout. The returned promise never settles: the process
 * ends when the client sends `exit` or closes stdin (vscode-languageserver ends it then).
 */
export function runStdioServer(version: string): Promise<number> {
  startServer(createConnection(process.stdin, process.stdout), version);
  return new Promise(() => {});
}
