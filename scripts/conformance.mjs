#!/usr/bin/env node
// npm run conformance: compiles every fixtures/conformance/<case>/spec.yaml, compares the output
// with kfp-tekton's goldens in ../shared/conformance by meaning (tekton-semdiff), and prints one
// line per case of the index, then `conformance: N/M EQUIVALENT`. Skips cleanly without ../shared.
//
// Per case, an optional conformance.json beside the spec may set:
//   goldens:     golden files of the inlined form (default: <case>.yaml and <case>_customtask_cr*.yaml)
//   noninlined:  golden files of the separate-loop form (default: <case>_noninlined.yaml and
//                <case>_pipelineloop_cr*.yaml, when <case>_noninlined.yaml exists)
//   options:     extra compile options for both forms
//   semdiffArgs: extra tekton-semdiff arguments (e.g. ["--strict-annotations"])
// Usage: npm run conformance [-- CASE...] [-- --verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.KFT_SHARED ?? join(root, '..', 'shared');
const goldenDir = join(shared, 'conformance', 'kfp-tekton-1.9');
const semdiff = join(shared, 'tools', 'tekton-semdiff', 'tekton-semdiff');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const only = args.filter((a) => !a.startsWith('--'));

if (!existsSync(goldenDir) || !existsSync(semdiff)) {
  console.log(`conformance: skipped (${relative(process.cwd(), shared) || shared} is absent)`);
  process.exit(0);
}

const { compile } = await import(join(root, 'dist', 'index.js'));
const index = readFileSync(join(shared, 'conformance', 'README.md'), 'utf8');
const cases = [...index.matchAll(/^\| ([a-z0-9_]+) \| [^|]+ \| [^|]+ \| ([^|]+) \|/gm)]
  .map((m) => ({ name: m[1], goldens: m[2].trim().split(/\s+/) }))
  // The table's header row (| case | source | ...) is not a case.
  .filter((c) => c.name !== 'case');
const deviations = existsSync(join(root, 'docs', 'deviations.md'))
  ? new Set([...readFileSync(join(root, 'docs', 'deviations.md'), 'utf8').matchAll(/^##+ `?([a-z0-9_]+)`?\s*$/gm)].map((m) => m[1]))
  : new Set();

const work = mkdtempSync(join(tmpdir(), 'kft-conformance-'));
let equivalent = 0;
let regressions = 0;
const selected = only.length ? cases.filter((c) => only.includes(c.name)) : cases;
for (const c of selected) {
  const dir = join(root, 'fixtures', 'conformance', c.name);
  const specPath = join(dir, 'spec.yaml');
  if (!existsSync(specPath)) {
    console.log(`${c.name}: DIFFERENT (no spec)`);
    continue;
  }
  const config = existsSync(join(dir, 'conformance.json')) ? JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) : {};
  const inlined = config.goldens ?? c.goldens.filter((g) => g === `${c.name}.yaml` || /_customtask_cr\d+\.yaml$/.test(g));
  const hasNoninlined = c.goldens.includes(`${c.name}_noninlined.yaml`);
  const noninlined = config.noninlined ?? (hasNoninlined ? c.goldens.filter((g) => g === `${c.name}_noninlined.yaml` || /_pipelineloop_cr\d+\.yaml$/.test(g)) : []);
  const forms = [{ label: 'inlined', goldens: inlined, options: {} }];
  if (noninlined.length) forms.push({ label: 'noninlined', goldens: noninlined, options: { loops: 'separate' } });
  const failures = [];
  for (const form of forms) {
    const result = compile({ path: relative(root, specPath), text: readFileSync(specPath, 'utf8') }, { ...(config.options ?? {}), ...form.options });
    if (!result.ok) {
      failures.push(`${form.label}: does not compile:\n` + result.diagnostics.map((d) => `  ${d.range ? `${d.range.file}:${d.range.line}:${d.range.column}: ` : ''}${d.message} [${d.code}]`).join('\n'));
      continue;
    }
    const out = join(work, `${c.name}-${form.label}.yaml`);
    writeFileSync(out, result.text);
    try {
      execFileSync(semdiff, [...(config.semdiffArgs ?? []), ...form.goldens.map((g) => join(goldenDir, g)), '--', out], { stdio: 'pipe' });
    } catch (error) {
      failures.push(`${form.label}:\n${String(error.stdout ?? '')}${String(error.stderr ?? '')}`);
    }
  }
  if (failures.length === 0) {
    equivalent++;
    console.log(`${c.name}: EQUIVALENT`);
  } else if (deviations.has(c.name)) {
    console.log(`${c.name}: DEVIATION (docs/deviations.md)`);
  } else {
    regressions++;
    console.log(`${c.name}: DIFFERENT`);
  }
  if (verbose && failures.length) console.log(failures.map((f) => '  ' + f.replace(/\n/g, '\n  ')).join('\n'));
}
rmSync(work, { recursive: true, force: true });
console.log(`conformance: ${equivalent}/${selected.length} EQUIVALENT`);
process.exit(regressions > 0 ? 1 : 0);
