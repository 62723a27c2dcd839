#!/usr/bin/env node
// Python-function components against pre-generated component files: the same pipeline of N tasks
// (default 200), each with its own component, once as `python:` implementations (20 modules of
// N/20 functions) and once as {file: components/cI.yaml} holding the component.yaml kft writes for
// that function (kfp's, byte for byte). Measures the cold CLI (`kft build SPEC -o DIR`, interleaved
// runs, medians) and the in-process compile (fresh process, best of 5), and rewrites the section
// between `bench-python:start` and `bench-python:end` of docs/performance.md (target: < 2x).
//   node bench/python.mjs [--quick] [--no-write] [N]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const write = !args.includes('--no-write');
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const node = process.execPath;
const kft = join(root, 'bin', 'kft.cjs');
const { pythonComponentFile } = await import(join(root, 'dist', 'index.js'));

/** Function I: a typical lightweight component (file input, value inputs with defaults, docstring, NamedTuple). */
const fn = (i) => `
def step_${i}(data_path: InputPath('CSV'), out_path: OutputPath('CSV'), threshold: float = 0.5, label: str = 'step ${i}', limit: Optional[int] = None) -> NamedTuple('Outputs', [('rows', int), ('mean', float), ('summary', dict)]):
    """Filters the rows of a table above a threshold.

    Args:
        data_path: The table to filter.
        threshold: Rows below it are dropped.
        label: A name for the log.
    """
    import csv
    rows = [r for r in csv.reader(open(data_path)) if float(r[0]) >= threshold][:limit]
    csv.writer(open(out_path, 'w')).writerows(rows)
    mean = sum(float(r[0]) for r in rows) / max(len(rows), 1)
    print(label, len(rows), mean)
    return (len(rows), mean, {'label': label})
`;
const MODULES = 20;
const header = 'from typing import NamedTuple, Optional\n\nfrom kfp.components import InputPath, OutputPath\n';

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'kft-bench-python-'));
  mkdirSync(join(dir, 'steps'));
  mkdirSync(join(dir, 'components'));
  const modules = Array.from({ length: MODULES }, () => header);
  for (let i = 0; i < n; i++) modules[i % MODULES] += fn(i);
  modules.forEach((text, m) => writeFileSync(join(dir, 'steps', `m${m}.py`), text));
  const python = [];
  const files = [];
  const tasks = [];
  for (let i = 0; i < n; i++) {
    const module = `steps/m${i % MODULES}.py`;
    python.push(`    c${i}: {implementation: {python: {file: ${module}, function: step_${i}}}}`);
    files.push(`    c${i}: {file: components/c${i}.yaml}`);
    const made = pythonComponentFile({ path: module, text: modules[i % MODULES] }, `step_${i}`);
    if (!made.ok) throw new Error(`step_${i}: ${made.diagnostics.map((d) => d.message).join('; ')}`);
    writeFileSync(join(dir, 'components', `c${i}.yaml`), made.text);
    tasks.push(`    t${i}: {component: c${i}, arguments: {data: ${i === 0 ? '"1,2,3"' : `"{{tasks.t${i - 1}.outputs.out}}"`}, threshold: 0.${i % 10}}}`);
  }
  const spec = (components) => `apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: python-bench}\nspec:\n  components:\n${components.join('\n')}\n  tasks:\n${tasks.join('\n')}\n`;
  writeFileSync(join(dir, 'python.yaml'), spec(python));
  writeFileSync(join(dir, 'files.yaml'), spec(files));
  return dir;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

function wall(argv, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** In-process compile of one spec in a fresh process: first and best of `repeats`. */
function inProcess(dir, spec, repeats) {
  const script = `const { compile } = await import(${JSON.stringify(join(root, 'dist', 'index.js'))});
const { readFileSync } = await import('node:fs');
const text = readFileSync(${JSON.stringify(spec)}, 'utf8');
const times = [];
for (let i = 0; i < ${repeats}; i++) { const s = process.hrtime.bigint(); const r = compile({ path: ${JSON.stringify(spec)}, text }); if (!r.ok) throw new Error(r.diagnostics[0].message); times.push(Number(process.hrtime.bigint() - s) / 1e6); }
console.log(JSON.stringify({ first: times[0], best: Math.min(...times) }));`;
  const r = spawnSync(node, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const dir = tree();
const runs = quick ? 5 : 21;
const cold = { python: [], files: [] };
for (let i = -1; i < runs; i++) {
  const p = wall([kft, 'build', 'python.yaml', '-o', 'out-python'], dir);
  const f = wall([kft, 'build', 'files.yaml', '-o', 'out-files'], dir);
  if (i >= 0) cold.python.push(p), cold.files.push(f);
}
const same = readFileSync(join(dir, 'out-python', 'python.yaml'), 'utf8') === readFileSync(join(dir, 'out-files', 'files.yaml'), 'utf8').replace(/files\.yaml/g, 'python.yaml');
const hot = { python: inProcess(dir, 'python.yaml', quick ? 3 : 5), files: inProcess(dir, 'files.yaml', quick ? 3 : 5) };
if (process.env.KEEP_BENCH_TREE) console.log("tree:", dir); else rmSync(dir, { recursive: true, force: true });

const out = [];
const log = (line = '') => {
  out.push(line);
  console.log(line);
};
const coldRatio = median(cold.python) / median(cold.files);
log(`${n} tasks, each with its own component made from a Python function (${MODULES} modules), against the same spec with the components as pre-generated component files. Load average ${loadavg()[0].toFixed(1)}; ${runs} interleaved cold runs, medians.`);
log('');
log('| | python: components | component files | ratio | target |');
log('|---|---|---|---|---|');
log(`| cold \`kft build SPEC -o DIR\` | ${ms(median(cold.python))} | ${ms(median(cold.files))} | ${coldRatio.toFixed(2)}x | < 2x |`);
log(`| in-process compile, first | ${ms(hot.python.first)} | ${ms(hot.files.first)} | ${(hot.python.first / hot.files.first).toFixed(2)}x | |`);
log(`| in-process compile, best of ${quick ? 3 : 5} | ${ms(hot.python.best)} | ${ms(hot.files.best)} | ${(hot.python.best / hot.files.best).toFixed(2)}x | |`);
log('');
log(`The two builds write the same manifests: ${same ? 'yes' : 'NO'}.`);

if (write) {
  const doc = join(root, 'docs', 'performance.md');
  const text = readFileSync(doc, 'utf8');
  const start = text.indexOf('<!-- bench-python:start -->');
  const end = text.indexOf('<!-- bench-python:end -->');
  if (start < 0 || end < 0) throw new Error('docs/performance.md lacks the bench-python:start/bench-python:end markers');
  writeFileSync(doc, `${text.slice(0, start)}<!-- bench-python:start -->\n${out.join('\n')}\n${text.slice(end)}`);
  console.log(`\nwrote ${doc}`);
}
