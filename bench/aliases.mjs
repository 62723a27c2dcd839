#!/usr/bin/env node
// Time against the number of YAML aliases: reading must stay linear in what the aliases expand to,
// with both readers (the fast reader, src/parse/fastYaml.ts, and the yaml-library path that reads
// everything else). Not a test: it prints a table (docs/performance.md quotes it).
//
//   npm run build && node bench/aliases.mjs [--quick] [--timeout SECONDS]
//
// Shapes (each row in fresh processes, so one slow row cannot skew the next):
//   tasks  a pipeline of N tasks sharing one `arguments: *args` (the whole compile())
//   list   a block sequence of N `- *a` lines (readYaml())
//   flow   one flow sequence of N `*a` on one line (readYaml()); 10^6 of them is a 4 MB file
// `fast`: as written; `library`: the same text with a comment line, which the fast reader leaves to
// the yaml library (readWithYamlLibrary() for list and flow, compile() for tasks).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);

const header = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: aliases}
spec:
  components:
    pass:
      inputs: [{name: text, type: String}, {name: mode, type: String}]
      implementation:
        container: {image: alpine:3.18, command: [echo, {inputValue: text}, {inputValue: mode}]}
  tasks:
`;

export const aliasShapes = {
  tasks(n) {
    const lines = [header, '    t0:\n      component: pass\n      arguments: &args {text: hello, mode: fast}\n'];
    for (let i = 1; i < n; i++) lines.push(`    t${i}:\n      component: pass\n      arguments: *args\n`);
    return lines.join('');
  },
  list(n) {
    return 'a: &a {x: 1}\nlist:\n' + '- *a\n'.repeat(n);
  },
  flow(n) {
    return 'a: &a x\nlist: [' + Array.from({ length: n }, () => '*a').join(', ') + ']\n';
  },
};

/** The same document with a full-line comment after its first line: the fast reader gives up on it. */
const forLibrary = (text) => text.replace('\n', '\n# read by the yaml library\n');

async function child(shape, n, reader) {
  const base = aliasShapes[shape](n);
  const text = reader === 'library' ? forLibrary(base) : base;
  const { compile } = await import(join(root, 'dist', 'index.js'));
  const { readYaml, readWithYamlLibrary } = await import(join(root, 'dist', 'parse', 'readYaml.js'));
  const start = process.hrtime.bigint();
  const r = shape === 'tasks' ? compile({ path: 'aliases.yaml', text }) : reader === 'library' ? readWithYamlLibrary('aliases.yaml', text) : readYaml('aliases.yaml', text);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const codes = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  process.stdout.write(JSON.stringify({ ms, bytes: text.length, codes, rssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function measure(shape, n, reader, timeout) {
  const r = spawnSync(process.execPath, [self, '--child', shape, String(n), reader], { encoding: 'utf8', timeout, maxBuffer: 1 << 20 });
  if (r.error || r.status !== 0) return { failed: r.error?.code ?? `exit ${r.status}` };
  return JSON.parse(r.stdout);
}

function main() {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const t = args.indexOf('--timeout');
  const timeout = (t >= 0 ? Number(args[t + 1]) : 120) * 1000;
  const sizes = {
    tasks: quick ? [1000, 3000] : [1000, 3000, 10000],
    list: quick ? [16000, 64000] : [16000, 64000, 256000],
    flow: quick ? [100000, 1000000] : [10000, 100000, 1000000],
  };
  const time = (m) => (m.failed ? `> ${timeout / 1000} s (${m.failed})` : m.ms >= 1000 ? `${(m.ms / 1000).toFixed(2)} s` : `${m.ms.toFixed(0)} ms`);
  const perAlias = (m, n) => (m.failed ? '' : ((m.ms * 1000) / n).toFixed(2));
  console.log(`Load average ${loadavg()[0].toFixed(1)} at the start.`);
  console.log('');
  console.log('| shape | aliases | file | fast reader | µs per alias | library reader | µs per alias | peak RSS (fast, library) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [shape, ns] of Object.entries(sizes)) {
    for (const n of ns) {
      const fast = measure(shape, n, 'fast', timeout);
      const library = measure(shape, n, 'library', timeout);
      const bytes = fast.bytes ?? library.bytes ?? 0;
      const size = bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
      const rss = [fast, library].map((m) => (m.failed ? '—' : `${m.rssMB.toFixed(0)} MB`)).join(', ');
      const errors = [fast, library].flatMap((m) => m.codes ?? []);
      console.log(`| ${shape} | ${n.toLocaleString('en')} | ${size} | ${time(fast)} | ${perAlias(fast, n)} | ${time(library)} | ${perAlias(library, n)} | ${rss}${errors.length ? ` (${errors.join(', ')})` : ''} |`);
    }
  }
}

if (process.argv[1] === self && process.argv[2] === '--child') await child(process.argv[3], Number(process.argv[4]), process.argv[5]);
else if (process.argv[1] === self) main();
