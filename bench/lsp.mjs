#!/usr/bin/env node
// npm run bench:lsp: the language server against the targets of docs/performance.md ("Language
// server") and rewrites that section (between the `lsp:start` and `lsp:end` markers). Not a test:
// numbers depend on the machine and its load.
//
//   1. Latency: the built `kft lsp --stdio`, started as an editor starts it, warmed up with edits
//      first. Each one-character edit (an incremental didChange, appending to or deleting from the
//      pipeline's name, alternately) is timed until the diagnostics of that version arrive; the
//      next edit is sent once the server is idle again (after the full `kft validate` that follows
//      a pause). Typical spec, 1,000 and 10,000 tasks (bench/shapes.mjs chain).
//   2. Memory: 10,000 edits in one process (bench/lsp-memory.mjs, node --expose-gc): heap after
//      a full GC every 1,000 edits.
//
// Options: --quick (fewer edits, no 10,000-task row, 2,000 edits of memory), --no-write (print only).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { shapes } from './shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const work = mkdtempSync(join(tmpdir(), 'kft-bench-lsp-'));

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const out = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};

/** A `kft lsp --stdio` child and a protocol client on its stdio. */
async function startServer() {
  const child = spawn(process.execPath, [join(root, 'bin', 'kft.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    for (const w of [...waiters]) if (w.uri === p.uri && w.accept(p)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve({ at, params: p });
    }
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {} });
  connection.sendNotification('initialized', {});
  const next = (uri, accept) => new Promise((resolve) => waiters.push({ uri, accept, resolve }));
  return { child, connection, next };
}

/** Medians of one-character edits on one spec; the server is idle before each edit. */
async function latency(server, name, text, edits) {
  const path = join(work, `${name}.yaml`);
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  const { connection, next } = server;
  let version = 1;
  // The full check (compile) that follows a valid spec publishes again, for the same version.
  const settled = async (first) => {
    if (!first.params.diagnostics.some((d) => d.severity === 1)) await next(uri, (p) => p.version === version);
  };
  const opened = next(uri, (p) => p.version === 1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  await settled(await opened);
  const nameLine = text.split('\n').findIndex((l) => /^ {2}name: /.test(l));
  const nameEnd = text.split('\n')[nameLine].length;
  const times = [];
  const warmUp = Math.min(20, edits);
  for (let i = 0; i < warmUp + edits; i++) {
    version++;
    // Append 'x' to the name, then delete it again: the spec stays valid.
    const change = i % 2 === 0 ? { range: { start: { line: nameLine, character: nameEnd }, end: { line: nameLine, character: nameEnd } }, text: 'x' } : { range: { start: { line: nameLine, character: nameEnd }, end: { line: nameLine, character: nameEnd + 1 } }, text: '' };
    const published = next(uri, (p) => p.version === version);
    const start = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const first = await published;
    if (i >= warmUp) times.push(first.at - start);
    await settled(first);
  }
  connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { median: quantile(times, 0.5), q1: quantile(times, 0.25), q3: quantile(times, 0.75), bytes: text.length };
}

const loadAtStart = loadavg()[0];
const server = await startServer();
const typicalPath = join(root, 'fixtures', 'conformance', 'sequential', 'spec.yaml');
const rows = [
  ['typical (fixtures/conformance/sequential)', readFileSync(typicalPath, 'utf8'), quick ? 30 : 100, '≤ 10 ms'],
  ['1,000 tasks (chain)', shapes.chain(1000), quick ? 20 : 60, '≤ 50 ms'],
  ...(quick ? [] : [['10,000 tasks (chain)', shapes.chain(10000), 15, '']]),
];
const results = [];
for (const [name, text, edits, target] of rows) results.push([name, target, await latency(server, name.replace(/\W+/g, '-'), text, edits)]);
await server.connection.sendRequest('shutdown');
server.connection.sendNotification('exit');

const memoryEdits = quick ? 2000 : 10000;
const memory = spawnSync(process.execPath, ['--expose-gc', join(root, 'bench', 'lsp-memory.mjs'), String(memoryEdits)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
if (memory.status !== 0) throw new Error(`lsp-memory failed: ${memory.stderr}`);
const heap = JSON.parse(memory.stdout);

log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start, ${new Date().toISOString().slice(0, 10)}.`);
log('');
log('Latency: from sending a one-character edit to receiving the diagnostics of that version, warm server, the server idle before each edit.');
log('');
log('| spec | size | edits | median | quartiles | target |');
log('|---|---|---|---|---|---|');
for (const [name, target, r] of results) log(`| ${name} | ${(r.bytes / 1024).toFixed(0)} KB | ${name.startsWith('typical') ? (quick ? 30 : 100) : name.startsWith('1,000') ? (quick ? 20 : 60) : 15} | ${ms(r.median)} | ${ms(r.q1)}–${ms(r.q3)} | ${target} |`);
log('');
log(`Memory: ${heap.edits.toLocaleString('en')} one-character edits to fixtures/lsp/workspace/spec.yaml in one process (every 50th breaks the YAML and the next mends it; a completion every 10th), heap after a full GC:`);
log('');
log(`| edits | ${heap.samples.map((s) => s.edits.toLocaleString('en')).join(' | ')} |`);
log(`|---|${heap.samples.map(() => '---').join('|')}|`);
log(`| heap used | ${heap.samples.map((s) => `${s.heapMB.toFixed(1)} MB`).join(' | ')} |`);
log('');
// The first samples include the process warming up (compiled code, caches reaching their size);
// a leak would keep growing in the second half.
const half = heap.samples.filter((s) => s.edits >= heap.edits / 2);
const heaps = half.map((s) => s.heapMB);
const last = heap.samples[heap.samples.length - 1];
log(`Second half (${half[0].edits.toLocaleString('en')} to ${last.edits.toLocaleString('en')} edits): heap between ${Math.min(...heaps).toFixed(1)} and ${Math.max(...heaps).toFixed(1)} MB, ${last.heapMB - half[0].heapMB >= 0 ? '+' : ''}${(last.heapMB - half[0].heapMB).toFixed(1)} MB from its start to its end (target: flat).`);

rmSync(work, { recursive: true, force: true });

if (write) {
  const doc = join(root, 'docs', 'performance.md');
  const text = readFileSync(doc, 'utf8');
  const start = text.indexOf('<!-- lsp:start -->');
  const end = text.indexOf('<!-- lsp:end -->');
  if (start < 0 || end < 0) throw new Error('docs/performance.md lacks the lsp:start/lsp:end markers');
  writeFileSync(doc, `${text.slice(0, start)}<!-- lsp:start -->\n${out.join('\n')}\n${text.slice(end)}`);
  console.log(`\nwrote ${doc}`);
}
