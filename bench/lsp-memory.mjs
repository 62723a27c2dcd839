// Child process of bench/lsp.mjs (node --expose-gc): the language server in this process, over
// in-memory streams, with a protocol client; N one-character edits, heap used after a full GC
// every 1,000. Prints one JSON line {edits, samples: [{edits, heapMB}]}.
//   node --expose-gc bench/lsp-memory.mjs N
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { startServer } = await import('../dist/lsp/server.js');
const edits = Number(process.argv[2] ?? 10000);
if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');

const toServer = new PassThrough();
const toClient = new PassThrough();
startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), 'bench');
const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
let waiting;
client.onNotification('textDocument/publishDiagnostics', (p) => {
  if (waiting && p.version === waiting.version) {
    const { resolve } = waiting;
    waiting = undefined;
    resolve();
  }
});
client.onNotification('window/logMessage', (p) => {
  if (p.type !== 1) return;
  process.stderr.write(`server error: ${p.message}\n`);
  process.exit(1);
});
client.listen();
const dir = join(root, 'fixtures', 'lsp', 'workspace');
await client.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { compileDelayMs: 0 } });
client.sendNotification('initialized', {});

const uri = pathToFileURL(join(dir, 'spec.yaml')).href;
const text = readFileSync(join(dir, 'spec.yaml'), 'utf8');
const lines = text.split('\n');
const nameLine = lines.findIndex((l) => /^ {2}name: /.test(l));
const nameEnd = lines[nameLine].length;
const tasksLine = lines.findIndex((l) => l === '  tasks:');
let version = 1;
const published = (v) => new Promise((resolve) => (waiting = { version: v, resolve }));
let wait = published(1);
client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
await wait;

const heapMB = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const samples = [{ edits: 0, heapMB: heapMB() }];
for (let i = 1; i <= edits; i++) {
  version++;
  const at = (line, character) => ({ line, character });
  let change;
  if (i % 50 === 0) change = { range: { start: at(tasksLine, 0), end: at(tasksLine, 0) }, text: '[' }; // breaks the YAML
  else if (i % 50 === 1 && i > 1) change = { range: { start: at(tasksLine, 0), end: at(tasksLine, 1) }, text: '' }; // mends it
  else if (i % 2 === 1) change = { range: { start: at(nameLine, nameEnd), end: at(nameLine, nameEnd) }, text: 'x' };
  else change = { range: { start: at(nameLine, nameEnd), end: at(nameLine, nameEnd + 1) }, text: '' };
  wait = published(version);
  client.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  await wait;
  if (i % 10 === 0) await client.sendRequest('textDocument/completion', { textDocument: { uri }, position: at(tasksLine + 2, 17) });
  if (i % 1000 === 0) samples.push({ edits: i, heapMB: heapMB() });
}
process.stdout.write(`${JSON.stringify({ edits, samples })}\n`);
process.exit(0);
