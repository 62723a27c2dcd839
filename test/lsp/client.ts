/**
 * A real LSP client for the protocol tests: vscode-languageserver-protocol over the stdio of the
 * built `kft lsp --stdio` (bin/kft.cjs, as an editor starts it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { kftBin } from '../cli/run.js';

export interface Client {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[];
  /** Messages the server logged (window/logMessage). */
  readonly logs: string[];
  open(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  /** Replaces the document's text (full sync); resolves with the diagnostics of that version. */
  change(uri: string, text: string): Promise<PublishDiagnosticsParams>;
  close(uri: string): void;
  /** The next publication for `uri` matching `accept` (also one already received after `since`). */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, since?: number): Promise<PublishDiagnosticsParams>;
  request<R>(method: string, params: unknown): Promise<R>;
  stop(): Promise<void>;
}

export const uriOf = (path: string): string => pathToFileURL(path).href;

export async function startClient(options: { root?: string; initializationOptions?: Record<string, unknown>; watchFiles?: boolean } = {}): Promise<Client> {
  const child = spawn(process.execPath, [kftBin, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const root = options.root;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: root ? uriOf(root) : null,
    workspaceFolders: root ? [{ uri: uriOf(root), name: 'root' }] : null,
    capabilities: {
      workspace: { didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? false } },
      textDocument: { publishDiagnostics: { versionSupport: true }, rename: { prepareSupport: true } },
    },
    initializationOptions: options.initializationOptions ?? { compileDelayMs: 0 },
  });
  connection.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  const diagnostics = (uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, since = Infinity) => {
    const earlier = published.slice(Number.isFinite(since) ? since : published.length).find((p) => p.uri === uri && accept(p));
    if (earlier) return Promise.resolve(earlier);
    return new Promise<PublishDiagnosticsParams>((resolve) => waiters.push({ uri, accept, resolve }));
  };
  return {
    connection,
    process: child,
    published,
    logs,
    open(uri, text) {
      versions.set(uri, 1);
      const wait = diagnostics(uri, (p) => p.version === 1);
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      return wait;
    },
    change(uri, text) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      const wait = diagnostics(uri, (p) => p.version === version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
      return wait;
    },
    close(uri) {
      connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    diagnostics,
    request: <R>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<R>,
    async stop() {
      await connection.sendRequest('shutdown');
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      connection.sendNotification('exit');
      await exited;
      connection.dispose();
    },
  };
}

/** A fresh directory holding `files` (path → text). */
export function workspaceDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kft-lsp-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** `file:line:col: message [code]` per diagnostic, the hint on the next line (as the CLI prints them). */
export function lspDiagnosticsText(file: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      const [first, ...hint] = message.split('\nhint: ');
      const severity = d.severity === 1 ? 'error' : 'warning';
      return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity}: ${first} [${String(d.code)}]${hint.length > 0 ? `\n  hint: ${hint.join('\nhint: ')}` : ''}\n`;
    })
    .join('');
}

/** The LSP position of `needle` in `text` (its `nth` occurrence), moved `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (${nth}) is not in the text`);
  }
  const offset = at + delta;
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

/** Applies LSP text edits to a text. */
export function applyEdits(text: string, edits: readonly { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
