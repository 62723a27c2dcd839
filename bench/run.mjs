#!/usr/bin/env node
// npm run bench: measures kft against the targets of docs/performance.md and rewrites the results
// section of that file (between the `bench:start` and `bench:end` markers). Not a test: numbers
// depend on the machine and its load, so nothing here fails a build.
//
//   1. Cold CLI: wall time of `kft build SPEC -o DIR` on a typical spec, as a ratio to `node -e 0`
//      measured in the same run (runs interleaved after one warm-up round, medians; the spread
//      between the quartiles shows how noisy the machine was).
//   2. Scale: in-process compile time and peak RSS for generated pipelines of 10 … 10,000 tasks per
//      shape (bench/shapes.mjs), each in a fresh process (bench/compile-one.mjs).
//   3. compiler_perf: kfp-tekton's 1,500-op scale test, cold CLI, against kfp-tekton's ~10.5 s.
//   4. bench/python.mjs: 200 Python-function components against the same as component files.
//
// Options: --quick (fewer runs and sizes, for a smoke check), --no-write (print only).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilerPerf, shapes } from './shapes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const node = process.execPath;
const kft = join(root, 'bin', 'kft.cjs');
const work = mkdtempSync(join(tmpdir(), 'kft-bench-'));

const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * q)];
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

function wall(argv) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, argv, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  return elapsed;
}

/**
 * Interleaved runs of `node -e 0` and each command, so machine load hits both alike; one round
 * first is not counted (file cache, lazy disk reads).
 */
function coldRatio(commands, runs) {
  const floor = [];
  const times = commands.map(() => []);
  for (let i = -1; i < runs; i++) {
    const f = wall(['-e', '0']);
    const t = commands.map((argv) => wall(argv));
    if (i < 0) continue;
    floor.push(f);
    t.forEach((x, j) => times[j].push(x));
  }
  const spread = (xs) => `${ms(quantile(xs, 0.25))}–${ms(quantile(xs, 0.75))}`;
  return { floor: median(floor), medians: times.map(median), spreads: [floor, ...times].map(spread) };
}

function compileOne(shape, n, repeats) {
  const r = spawnSync(node, [join(root, 'bench', 'compile-one.mjs'), shape, String(n), String(repeats)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`compile-one ${shape} ${n} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const out = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};

// --- 1. cold CLI -------------------------------------------------------------------------------
const loadAtStart = loadavg()[0];
const typical = join('fixtures', 'conformance', 'sequential', 'spec.yaml');
let perfSpec = join('fixtures', 'conformance', 'compiler_perf', 'spec.yaml');
const perfGenerated = !existsSync(join(root, perfSpec));
if (perfGenerated) {
  perfSpec = join(work, 'compiler_perf.yaml');
  writeFileSync(perfSpec, compilerPerf(1500));
}
const runs = quick ? 7 : 31;
const outDir = (name) => join(work, name);
const cold = coldRatio([[kft, 'build', typical, '-o', outDir('typical')], [kft, 'build', perfSpec, '-o', outDir('perf')]], runs);
const [typicalMs, perfMs] = cold.medians;
log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} after the cold runs (above ~0.5 per CPU the numbers are noisy), ${new Date().toISOString().slice(0, 10)}.`);
log('');
log('### Cold CLI start-up');
log('');
log(`Medians of ${runs} interleaved runs each (after one warm-up round); quartiles show the noise.`);
log('');
log('| command | wall | quartiles | ratio to `node -e 0` | target |');
log('|---|---|---|---|---|');
log(`| \`node -e 0\` | ${ms(cold.floor)} | ${cold.spreads[0]} | 1.00x | |`);
log(`| \`kft build ${typical} -o DIR\` | ${ms(typicalMs)} | ${cold.spreads[1]} | ${(typicalMs / cold.floor).toFixed(2)}x | ≤ 2.5x |`);
log(`| \`kft build ${perfSpec.startsWith(work) ? 'compiler_perf.yaml' : perfSpec} -o DIR\` | ${ms(perfMs)} | ${cold.spreads[2]} | ${(perfMs / cold.floor).toFixed(2)}x | < 210 ms |`);
log('');

// --- 2. scale ----------------------------------------------------------------------------------
const sizes = quick ? [10, 100, 1000] : [10, 100, 1000, 10000];
log('### Scale (in-process compile, fresh process per row)');
log('');
log('`first`: the first compile in the process (cold JIT); `best`: best of 3. Peak RSS is the whole process (Node itself is ~40 MB).');
log('');
log('| shape | tasks | spec | output | first | best | peak RSS |');
log('|---|---|---|---|---|---|---|');
const ratios = [];
for (const shape of Object.keys(shapes)) {
  const probe = compileOne(shape, 10, 1);
  if (!probe.ok) {
    log(`| ${shape} | — | | | not measured: this build does not compile it yet (${probe.error}) | | |`);
    continue;
  }
  const row = {};
  for (const n of sizes) {
    const r = compileOne(shape, n, n >= 10000 ? 2 : 3);
    if (!r.ok) throw new Error(`${shape} ${n}: ${r.error}`);
    row[n] = r;
    log(`| ${shape} | ${n.toLocaleString('en')} | ${(r.specBytes / 1024).toFixed(0)} KB | ${(r.outBytes / 1024).toFixed(0)} KB | ${ms(r.first)} | ${ms(r.best)} | ${r.maxRssMB.toFixed(0)} MB |`);
  }
  if (row[10000] && row[1000]) ratios.push(`${shape}: time(10k)/time(1k) = ${(row[10000].best / row[1000].best).toFixed(1)} (target ≤ 12); 10k in ${ms(row[10000].best)} (target < 1 s); peak RSS ${row[10000].maxRssMB.toFixed(0)} MB (target < 300 MB)`);
}
log('');
for (const r of ratios) log(`- ${r}`);
log('');

// --- 3. compiler_perf --------------------------------------------------------------------------
const p1500 = compileOne('compiler_perf', 1500, 3);
const p5000 = compileOne('compiler_perf', 5000, 2);
log('### compiler_perf (kfp-tekton\'s 1,500-op scale test)');
log('');
log(`Spec: ${perfGenerated ? 'generated by bench/shapes.mjs (fixtures/conformance/compiler_perf/spec.yaml is absent)' : perfSpec}.`);
log('');
log('| | kfp-tekton | kft | speed-up |');
log('|---|---|---|---|');
log(`| 1,500 ops, cold CLI | ~10.5 s | ${ms(perfMs)} | ${(10500 / perfMs).toFixed(0)}x (target ≥ 50x) |`);
log(`| 1,500 ops, in-process | | ${ms(p1500.best)} | |`);
log(`| 5,000 ops, in-process | ~243 s | ${ms(p5000.best)} | ${(243000 / p5000.best).toFixed(0)}x |`);
log(`| growth 1,500 → 5,000 | ~N^2.7 | ~N^${(Math.log(p5000.best / p1500.best) / Math.log(5000 / 1500)).toFixed(2)} | |`);

rmSync(work, { recursive: true, force: true });

// --- 4. Python-function components (its own section of docs/performance.md) -------------------
const python = spawnSync(node, [join(root, 'bench', 'python.mjs'), ...(quick ? ['--quick'] : []), ...(write ? [] : ['--no-write'])], { cwd: root, stdio: 'inherit' });
if (python.status !== 0) throw new Error('bench/python.mjs failed');

if (write) {
  const doc = join(root, 'docs', 'performance.md');
  const text = readFileSync(doc, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start < 0 || end < 0) throw new Error('docs/performance.md lacks the bench:start/bench:end markers');
  writeFileSync(doc, `${text.slice(0, start)}<!-- bench:start -->\n${out.join('\n')}\n${text.slice(end)}`);
  console.log(`\nwrote ${doc}`);
}
