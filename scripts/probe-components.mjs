#!/usr/bin/env node
// Loads every KFP component file of a kubeflow/pipelines checkout into a one-task spec each, as a
// user would try them, compiles it with kft (dist/, run `npm run build` first), checks what builds
// with the Tekton oracle, and prints a summary by outcome. Nothing it reads is written into this
// repository: the work directory is a temporary one (or --out DIR).
//
//   node scripts/probe-components.mjs [--repo DIR] [--ref REF] [--out DIR] [--only TEXT] [--verbose]
//
// --repo: a bare clone of kubeflow/pipelines (default /work/.mirror/kubeflow+pipelines/repo)
// --ref:  the tag or branch whose components/ are probed (default 1.8.15)
// Component files: every *.yaml/*.yml under components/ with a top-level `implementation:` key.
// The one-task spec passes a constant of the input's type to every required input, sets the task's
// image when the component leaves it empty (as such components' READMEs ask), and maps every
// component URL a graph component references (raw.githubusercontent.com/kubeflow/pipelines/<commit>/
// <path>) to that file at that commit, under spec.componentUrls, as a user vendoring them would.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const repo = option('--repo', '/work/.mirror/kubeflow+pipelines/repo');
const ref = option('--ref', '1.8.15');
const only = option('--only');
const verbose = args.includes('--verbose');
const work = option('--out') ?? mkdtempSync(join(tmpdir(), 'kft-probe-'));
const shared = process.env.KFT_SHARED ?? join(root, '..', 'shared');
const oracles = ['tekton-oracle', 'tekton-oracle-v0.53'].map((b) => join(shared, 'tools', 'tekton-oracle', b)).filter(existsSync);

/** Refusals kft makes on purpose (docs/spec.md, "Components"): a component that needs KFP v2. */
const BY_DESIGN = new Set(['kfp-v2-placeholder']);

const git = (...a) => execFileSync('git', ['-C', repo, ...a], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
const { compile } = await import(join(root, 'dist', 'index.js'));
// Component files as kft (and kfp) read them: a flow collection continued at column 0 is re-indented.
const { reindentFlowCollections } = await import(join(root, 'dist', 'parse', 'lenientYaml.js'));

const files = git('ls-tree', '-r', '--name-only', ref, 'components')
  .split('\n')
  .filter((f) => /\.ya?ml$/.test(f) && (!only || f.includes(only)))
  .filter((f) => /^implementation:/m.test(git('show', `${ref}:${f}`)));

const results = [];
files.forEach((file, i) => {
  const dir = join(work, String(i).padStart(3, '0'));
  mkdirSync(dir, { recursive: true });
  const text = git('show', `${ref}:${file}`);
  writeFileSync(join(dir, 'component.yaml'), text);
  let component;
  try {
    component = parseYaml(reindentFlowCollections(text)?.text ?? text);
  } catch {
    component = undefined;
  }
  const spec = oneTaskSpec(component, dir);
  writeFileSync(join(dir, 'spec.yaml'), JSON.stringify(spec, null, 2));
  const result = compile({ path: join(dir, 'spec.yaml'), text: JSON.stringify(spec) });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.ok) writeFileSync(join(dir, 'out.yaml'), result.text);
  results.push({ file, dir, ok: result.ok, errors, warnings: result.diagnostics.filter((d) => d.severity === 'warning') });
});

// The oracle, on every built output at once (one call per binary).
const built = results.filter((r) => r.ok);
const oracleErrors = new Map();
for (const oracle of oracles) {
  if (built.length === 0) break;
  let out = '';
  try {
    out = execFileSync(oracle, ['-q', '-o', 'json', ...built.map((r) => join(r.dir, 'out.yaml'))], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    out = e.stdout ?? '';
  }
  for (const doc of JSON.parse(out || '[]')) {
    if (doc.status !== 'ERROR') continue;
    const list = oracleErrors.get(doc.file) ?? [];
    list.push(`${oracle.split('/').pop()}: ${doc.message}`);
    oracleErrors.set(doc.file, list);
  }
}

const byOutcome = new Map();
for (const r of results) {
  const rejected = oracleErrors.get(join(r.dir, 'out.yaml'));
  const codes = [...new Set(r.errors.map((d) => d.code))];
  const outcome = r.ok ? (rejected ? 'built, oracle rejects' : 'build') : codes.every((c) => BY_DESIGN.has(c)) ? `refused by design (${codes.join(', ')})` : `refused (${codes.join(', ')})`;
  const list = byOutcome.get(outcome) ?? [];
  list.push(r);
  byOutcome.set(outcome, list);
}
console.log(`kft probe of ${files.length} component files of ${ref} (work: ${work}); oracle: ${oracles.length ? oracles.map((o) => o.split('/').pop()).join(', ') : 'absent, skipped'}`);
for (const [outcome, list] of [...byOutcome].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${String(list.length).padStart(4)}  ${outcome}`);
  if (outcome === 'build' && !verbose) continue;
  for (const r of list) {
    console.log(`        ${r.file}`);
    for (const d of r.errors.slice(0, verbose ? 20 : 2)) console.log(`          ${d.range ? `${d.range.file.slice(r.dir.length + 1)}:${d.range.line}:${d.range.column}: ` : ''}${d.message} [${d.code}]`);
    for (const m of oracleErrors.get(join(r.dir, 'out.yaml')) ?? []) console.log(`          ${m}`);
    if (verbose) for (const d of r.warnings) console.log(`          warning: ${d.message} [${d.code}]`);
  }
}

/** The spec a user would write to try the component: one task, every required input given. */
function oneTaskSpec(component, dir) {
  const task = { component: 'c' };
  const inputs = Array.isArray(component?.inputs) ? component.inputs : [];
  const args = {};
  for (const input of inputs) {
    if (!input || typeof input !== 'object' || input.default !== undefined || input.optional === true) continue;
    args[input.name] = sampleValue(input.type);
  }
  if (Object.keys(args).length) task.arguments = args;
  if (component?.implementation?.container?.image === '') task.image = 'registry.example.com/component:1.0';
  const spec = { components: { c: { file: 'component.yaml' } }, tasks: { t: task } };
  const urls = vendorReferencedComponents(component, dir, new Map());
  if (urls.size) spec.componentUrls = Object.fromEntries(urls);
  return { apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'probe' }, spec };
}

/** A constant of the input's KFP type (kft checks constants against the base types and their aliases). */
function sampleValue(type) {
  const name = typeof type === 'string' ? type.toLowerCase() : '';
  if (['integer', 'int'].includes(name)) return 1;
  if (['float', 'double'].includes(name)) return 0.5;
  if (['boolean', 'bool'].includes(name)) return true;
  if (['jsonobject', 'dict'].includes(name)) return '{}';
  if (['jsonarray', 'list'].includes(name)) return '[]';
  return 'x';
}

/** URL → local file for every component URL a graph component references (recursively). */
function vendorReferencedComponents(component, dir, urls) {
  const tasks = component?.implementation?.graph?.tasks;
  if (!tasks || typeof tasks !== 'object') return urls;
  for (const task of Object.values(tasks)) {
    const url = task?.componentRef?.url;
    if (typeof url !== 'string' || urls.has(url)) continue;
    const m = /^https:\/\/raw\.githubusercontent\.com\/kubeflow\/pipelines\/([0-9a-f]{40})\/(.+)$/.exec(url);
    if (!m) continue;
    const text = fileAtCommit(m[1], m[2], task.componentRef.digest);
    if (text === undefined) continue;
    const local = join('vendor', m[1].slice(0, 12), m[2]);
    mkdirSync(dirname(join(dir, local)), { recursive: true });
    writeFileSync(join(dir, local), text);
    urls.set(url, local);
    vendorReferencedComponents(parseYaml(text), dir, urls);
  }
  return urls;
}

/**
 * The file a URL pins (path at commit). When the clone lacks that commit (a pull request's), the
 * version of the path anywhere in its history whose sha256 is the digest the reference pins, else
 * the path's version at --ref (kft then warns that the digest differs).
 */
function fileAtCommit(commit, path, digest) {
  try {
    return git('show', `${commit}:${path}`);
  } catch {
    // Not in this clone: look for the pinned version below.
  }
  const versions = typeof digest === 'string' ? git('log', '--all', '--format=%H', '--', path).split('\n').filter(Boolean) : [];
  for (const other of versions) {
    let text;
    try {
      text = execFileSync('git', ['-C', repo, 'show', `${other}:${path}`], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      continue;
    }
    if (createHash('sha256').update(text).digest('hex') === digest) return text.toString('utf8');
  }
  try {
    return git('show', `${ref}:${path}`);
  } catch {
    return undefined;
  }
}
