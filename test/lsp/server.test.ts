/**
 * The server in-process (its connection over in-memory streams, a real protocol client on the
 * other end): random edit sequences, each followed by a random request at a random position,
 * never crash it, never make it log an error, and it keeps answering. The seed is fixed (fast-check
 * prints it with the failing sequence); KFT_FUZZ_SEED and KFT_FUZZ_RUNS change it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSpecText } from '../../src/cli/inputs/specFiles.js';
import { startServer } from '../../src/lsp/server.js';
import { fixturesDir } from '../helpers.js';
import { uriOf } from './client.js';

const dir = join(fixturesDir, 'lsp', 'workspace');
const uri = uriOf(join(dir, 'spec.yaml'));
const spec = readFileSync(join(dir, 'spec.yaml'), 'utf8');

interface InProcess {
  readonly client: ProtocolConnection;
  readonly errors: string[];
  readonly published: PublishDiagnosticsParams[];
}

export async function inProcessServer(initializationOptions: Record<string, unknown>): Promise<InProcess> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), 'test');
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const errors: string[] = [];
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('window/logMessage', (p: { type: number; message: string }) => {
    if (p.type === 1) errors.push(p.message);
  });
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: uriOf(dir), capabilities: {}, initializationOptions });
  client.sendNotification('initialized', {});
  return { client, errors, published };
}

/** Pieces edits insert: YAML punctuation, names of the spec, reference fragments, snippets of itself. */
const piece = fc.oneof(
  fc.constantFrom('', ' ', '\n', '  ', ':', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>', '\t', '&a', '*a', '!!str', '---', '\r\n', '\u00e9', '\ud83d'),
  fc.constantFrom('component: ', 'after: [', 'arguments:', '{{', '}}', '{{tasks.', '{{params.', '{{item.', '{{loops.each.', 'greet', 'fit', 'echo', 'tasks:', 'loop: {items: [1]}', 'if: "{{tasks.greet.outputs.said}} == x"', 'graph: twice', 'finally:', 'apiVersion: kft.dev/v1alpha1'),
  fc.stringMatching(/^[a-z{}.:\- \n]{0,12}$/),
);

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), text: piece });
const request = fc.record({
  method: fc.constantFrom('textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/documentSymbol', 'textDocument/prepareRename', 'textDocument/codeAction'),
  at: fc.nat(),
});

function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

describe('the server under random edits', () => {
  let server: InProcess;
  beforeAll(async () => {
    server = await inProcessServer({ debounceMs: 0, compileDelayMs: 0 });
  });
  afterAll(() => server.client.dispose());

  it('never crashes, never logs an error, and keeps answering', async () => {
    const { client, errors, published } = server;
    let version = 1;
    client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: spec } });
    const seed = Number(process.env.KFT_FUZZ_SEED ?? 1515);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(edit, request), { minLength: 1, maxLength: 25 }), async (steps) => {
        let text = spec;
        version++;
        client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        for (const [e, r] of steps) {
          const start = e.at % (text.length + 1);
          const end = Math.min(text.length, start + e.length);
          // Incremental sync, as editors send it: the range replaced and the new text.
          const change = { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: e.text };
          text = text.slice(0, start) + e.text + text.slice(end);
          version++;
          client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
          const position = positionAt(text, r.at % (text.length + 1));
          const params = r.method === 'textDocument/codeAction'
            ? { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: published.filter((p) => p.uri === uri).at(-1)?.diagnostics ?? [] } }
            : { textDocument: { uri }, position, context: { includeDeclaration: true } };
          await client.sendRequest(r.method, params);
        }
        // Still alive: it answers, and a spec's last version gets its diagnostics.
        await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        const last = version;
        if (isSpecText(text)) await waitFor(() => published.some((p) => p.uri === uri && p.version === last));
        expect(errors).toEqual([]);
      }),
      { seed, numRuns: Number(process.env.KFT_FUZZ_RUNS ?? 60), endOnFailure: true },
    );
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the server');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}
