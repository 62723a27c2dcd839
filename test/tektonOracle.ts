/**
 * Tekton's own admission code as a test oracle: ../shared/tools/tekton-oracle holds two offline
 * binaries (Tekton pipeline v1.0.0 and v0.53.0, both with kfp-tekton's PipelineLoop API) that
 * strictly decode, default and validate every YAML document, and check a PipelineLoop embedded
 * in a pipeline task as its controller does when the run starts (no Tekton defaults there).
 *
 * `OracleBatch` collects emitted YAML streams, keeps each distinct document once (the oracle
 * checks documents one by one, so a document shared by several outputs is checked once), and
 * runs both binaries at once over a few files holding all documents.
 *
 * Both binaries check every document, whatever its API version: v0.53.0 is the Tekton of
 * kfp-tekton 1.9 (its go.mod pins v0.53.2), the cluster most kfp-tekton users migrate from, and
 * it serves tekton.dev/v1 with every field kft writes there (displayName, taskRunTemplate,
 * computeResources); on the fixtures, examples and conformance cases it rejects exactly what
 * v1.0.0 rejects.
 *
 * Custom groups hold pipelines too, but their kinds are the user's (RetryGroup, Exception, ...),
 * which the oracle skips. Their pipelines are also checked as a PipelineLoop's is (wrapped into
 * a PipelineLoop document): whatever controller runs them gets no Tekton defaults either.
 *
 * The oracle's PipelineLoop is kfp-tekton 1.8+'s, whose pipeline and task run specs are
 * tekton.dev/v1 types. With --api-version v1beta1 kft writes the pipelines inside PipelineLoops
 * in v1beta1 (src/emit/toV1beta1.ts): that output is for clusters whose kfp-tekton is older
 * (1.7 and before: pipelineloop_types.go there holds v1beta1.PipelineSpec and
 * v1beta1.PipelineTaskRunSpec). For those documents the oracle checks the pipelines inside
 * custom tasks with the field names v1beta1 renames mapped back to v1 (`resources` of steps and
 * sidecars, `taskServiceAccountName`/`taskPodTemplate` of task run specs); everything else is
 * checked as written, and the same pipelines are checked as written in the v1 outputs.
 *
 * Verdicts are kept in node_modules/.cache/kft-tekton-oracle, per binary (keyed by the SHA-256 of
 * its bytes) and document (keyed by the SHA-256 of its text): a binary's verdict on the same bytes
 * is always the same, so a run re-checks only the documents that changed. KFT_ORACLE_CACHE=0
 * turns the cache off.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, sharedDir } from './helpers.js';

const oracleDir = join(process.env.KFT_SHARED ?? sharedDir, 'tools', 'tekton-oracle');

export const ORACLES = ['tekton-oracle', 'tekton-oracle-v0.53'] as const;
export type OracleName = (typeof ORACLES)[number];

export const oracleAvailable = ORACLES.every((name) => existsSync(join(oracleDir, name)));

/** Shown instead of the checks when ../shared (or a binary) is absent. */
export const oracleSkipNotice = `Tekton admission checks SKIPPED: ${oracleDir}/{${ORACLES.join(',')}} not found (set KFT_SHARED to a shared/ folder that has them)`;

if (!oracleAvailable) console.warn(oracleSkipNotice);

const LOOP_API = 'custom.tekton.dev/v1alpha1';
const LOOP_KIND = 'PipelineLoop';

/** One problem the oracle found in one distinct document, with the outputs it came from. */
export interface OracleFinding {
  readonly oracle: OracleName;
  readonly severity: 'error' | 'warning';
  readonly kind: string;
  readonly name: string;
  readonly message: string;
  /** The outputs that hold the document (labels given to `add`). */
  readonly sources: readonly string[];
}

export interface OracleTotals {
  readonly documents: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly warned: number;
  readonly skipped: number;
}

export interface OracleReport {
  readonly totals: Readonly<Record<OracleName, OracleTotals>>;
  readonly findings: readonly OracleFinding[];
  /** Outputs added, and distinct documents checked (custom group pipelines included). */
  readonly outputs: number;
  readonly documents: number;
  /** Per binary: documents it was run on (the others' verdicts came from the cache). */
  readonly ran: Readonly<Record<OracleName, number>>;
}

/** What a binary said about one document. */
interface Verdict { readonly kind: string; readonly name: string; readonly status: 'OK' | 'ERROR' | 'SKIP'; readonly message: string }
interface JsonResult extends Verdict { readonly file: string; readonly doc: number }

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class OracleBatch {
  private readonly documents = new Map<string, { readonly text: string; readonly sources: string[] }>();
  private outputs = 0;

  /**
   * Adds an emitted YAML stream (`text`), with the manifests it holds in the same order (used to
   * find custom groups' pipelines without parsing the text again); `label` names its source.
   */
  add(label: string, text: string, manifests: readonly { readonly object: unknown }[], apiVersion: 'v1' | 'v1beta1' = 'v1'): void {
    this.outputs++;
    const docs = text.split(/^---\n/m);
    if (docs.length !== manifests.length) throw new Error(`${label}: ${docs.length} YAML documents but ${manifests.length} manifests`);
    for (let i = 0; i < docs.length; i++) {
      // v1beta1 pipelines inside PipelineLoops, in the v1 names of the oracle's PipelineLoop (see above).
      const asV1 = apiVersion === 'v1beta1' ? nestedPipelinesAsV1(manifests[i]!.object) : undefined;
      if (this.addDocument(asV1 ? JSON.stringify(asV1) + '\n' : docs[i]!, label)) {
        // Pipelines of custom groups, checked as a PipelineLoop's: JSON is YAML the oracle reads alike.
        for (const [where, spec] of customGroupPipelines(asV1 ?? manifests[i]!.object, '')) {
          const wrapped = { apiVersion: LOOP_API, kind: LOOP_KIND, metadata: { name: 'custom-group' }, spec: { pipelineSpec: spec } };
          this.addDocument(JSON.stringify(wrapped) + '\n', `${label} (custom group pipeline at ${where})`);
        }
      }
    }
  }

  /** True when the document is new. */
  private addDocument(text: string, label: string): boolean {
    const key = createHash('sha256').update(text).digest('base64');
    const known = this.documents.get(key);
    if (known) {
      known.sources.push(label);
      return false;
    }
    this.documents.set(key, { text, sources: [label] });
    return true;
  }

  /** Both binaries' verdicts on every distinct document (both binaries run at once). */
  async check(): Promise<OracleReport> {
    const entries = [...this.documents];
    const verdicts = await Promise.all(ORACLES.map((name) => verdictsOf(name, entries)));
    const findings: OracleFinding[] = [];
    const totals = {} as Record<OracleName, OracleTotals>;
    const ran = {} as Record<OracleName, number>;
    ORACLES.forEach((oracle, i) => {
      const counts = { documents: entries.length, accepted: 0, rejected: 0, warned: 0, skipped: 0 };
      verdicts[i]!.verdicts.forEach((v, j) => {
        const { sources } = entries[j]![1];
        if (v.status === 'SKIP') counts.skipped++;
        else if (v.status === 'ERROR') {
          counts.rejected++;
          findings.push({ oracle, severity: 'error', kind: v.kind, name: v.name, message: v.message, sources });
        } else {
          counts.accepted++;
          if (v.message) {
            counts.warned++;
            findings.push({ oracle, severity: 'warning', kind: v.kind, name: v.name, message: v.message, sources });
          }
        }
      });
      totals[oracle] = counts;
      ran[oracle] = verdicts[i]!.ran;
    });
    return { totals, findings, outputs: this.outputs, documents: entries.length, ran };
  }
}

type Entry = [key: string, value: { readonly text: string }];

/** A binary's verdicts on the documents, in order: from its cache, the rest by running it. */
async function verdictsOf(name: OracleName, entries: readonly Entry[]): Promise<{ verdicts: Verdict[]; ran: number }> {
  const cache = new VerdictCache(name);
  const missing = entries.filter(([key]) => !cache.get(key));
  if (missing.length) {
    const found = await runOn(name, missing.map(([, e]) => e.text));
    missing.forEach(([key], i) => cache.set(key, found[i]!));
    cache.save();
  }
  return { verdicts: entries.map(([key]) => cache.get(key)!), ran: missing.length };
}

/** Runs a binary over the documents (a few files holding them all) and returns its verdicts in order. */
async function runOn(name: OracleName, texts: readonly string[]): Promise<Verdict[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kft-oracle-'));
  try {
    const files: { path: string; first: number; count: number }[] = [];
    // A handful of files: the oracle reads each whole, and a file per document costs a syscall each.
    const perFile = Math.max(1, Math.ceil(texts.length / 8));
    for (let first = 0; first < texts.length; first += perFile) {
      const chunk = texts.slice(first, first + perFile);
      const path = join(dir, `batch-${files.length}.yaml`);
      writeFileSync(path, chunk.join('---\n'));
      files.push({ path, first, count: chunk.length });
    }
    const byFile = new Map(files.map((f) => [f.path, f]));
    const verdicts: Verdict[] = new Array(texts.length);
    for (const r of await runOracle(name, files.map((f) => f.path))) {
      const file = byFile.get(r.file);
      if (!file || r.doc < 1 || r.doc > file.count) throw new Error(`${name} reported ${r.file}#${r.doc}, which was not written`);
      verdicts[file.first + r.doc - 1] = { kind: r.kind, name: r.name, status: r.status, message: r.message };
    }
    const unanswered = texts.findIndex((_, i) => verdicts[i] === undefined);
    if (unanswered >= 0) throw new Error(`${name} said nothing about document ${unanswered + 1} of ${texts.length}:\n${texts[unanswered]!.slice(0, 500)}`);
    return verdicts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One binary's verdicts kept between runs (see the header); a damaged file is ignored. */
class VerdictCache {
  private readonly path?: string;
  private readonly verdicts = new Map<string, Verdict>();
  private readonly added = new Map<string, Verdict>();

  constructor(name: OracleName) {
    if (process.env.KFT_ORACLE_CACHE === '0') return;
    const binary = createHash('sha256').update(readFileSync(join(oracleDir, name))).digest('hex').slice(0, 16);
    this.path = join(repoRoot, 'node_modules', '.cache', 'kft-tekton-oracle', `${name}-${binary}.json`);
    for (const [key, v] of this.read()) this.verdicts.set(key, v);
  }

  get(key: string): Verdict | undefined {
    return this.verdicts.get(key);
  }

  set(key: string, verdict: Verdict): void {
    this.verdicts.set(key, verdict);
    this.added.set(key, verdict);
  }

  /** Adds this run's verdicts to what is on disk now (other test files may have written meanwhile). */
  save(): void {
    if (!this.path || this.added.size === 0) return;
    const merged = new Map([...this.read(), ...this.added]);
    mkdirSync(join(this.path, '..'), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(Object.fromEntries(merged)));
    renameSync(temp, this.path);
  }

  private read(): [string, Verdict][] {
    if (!this.path || !existsSync(this.path)) return [];
    try {
      return Object.entries(JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, Verdict>);
    } catch {
      return [];
    }
  }
}

function runOracle(name: OracleName, files: readonly string[]): Promise<JsonResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(oracleDir, name), ['-o', 'json', ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      // 0: all accepted, 1: some document rejected; anything else is a usage or read error.
      if (code !== 0 && code !== 1) return reject(new Error(`${name} exited with ${code}: ${Buffer.concat(err).toString()}`));
      try {
        resolve(JSON.parse(Buffer.concat(out).toString()) as JsonResult[]);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/**
 * The pipelines of custom tasks other than PipelineLoops (custom groups), embedded in pipeline
 * tasks or as separate resources, with where they are; the oracle checks PipelineLoops itself.
 */
export function* customGroupPipelines(value: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* customGroupPipelines(value[i], `${path}[${i}]`);
    return;
  }
  if (!isMap(value)) return;
  const custom = typeof value.apiVersion === 'string' && !value.apiVersion.startsWith('tekton.dev/');
  if (custom && value.kind !== LOOP_KIND && isMap(value.spec) && isMap(value.spec.pipelineSpec)) yield [`${path}.spec.pipelineSpec`, value.spec.pipelineSpec];
  for (const key of ['spec', 'pipelineSpec', 'tasks', 'finally', 'taskSpec'] as const) {
    if (key in value) yield* customGroupPipelines(value[key], `${path}.${key}`);
  }
}

/**
 * The manifest with the pipelines inside its custom tasks mapped from v1beta1's field names to
 * v1's (the inverse of what src/emit/toV1beta1.ts renames there), or undefined when it has none
 * of them. The run's own pipeline stays v1beta1: Tekton checks it as such.
 */
export function nestedPipelinesAsV1(object: unknown): unknown {
  let changed = false;
  const rename = (value: Record<string, unknown>, from: string, to: string): Record<string, unknown> => {
    if (!(from in value)) return value;
    changed = true;
    const { [from]: moved, ...rest } = value;
    return { ...rest, [to]: moved };
  };
  const container = (c: unknown): unknown => (isMap(c) ? rename(c, 'resources', 'computeResources') : c);
  const taskRunSpec = (t: unknown): unknown => (isMap(t) ? rename(rename(t, 'taskServiceAccountName', 'serviceAccountName'), 'taskPodTemplate', 'podTemplate') : t);
  const tasks = (p: Record<string, unknown>, task: (t: unknown) => unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...p };
    if (Array.isArray(p.tasks)) out.tasks = p.tasks.map(task);
    if (Array.isArray(p.finally)) out.finally = p.finally.map(task);
    return out;
  };
  // A custom task's spec: its pipeline and task run specs are the custom task's API.
  const custom = (spec: Record<string, unknown>): Record<string, unknown> => {
    if (!isMap(spec.pipelineSpec)) return spec;
    const out: Record<string, unknown> = { ...spec, pipelineSpec: tasks(spec.pipelineSpec, nestedTask) };
    if (Array.isArray(spec.taskRunSpecs)) out.taskRunSpecs = spec.taskRunSpecs.map(taskRunSpec);
    return out;
  };
  const nestedTask = (t: unknown): unknown => {
    if (!isMap(t) || !isMap(t.taskSpec)) return t;
    const spec = t.taskSpec;
    if (isMap(spec.spec)) return { ...t, taskSpec: { ...spec, spec: custom(spec.spec) } };
    const out: Record<string, unknown> = { ...spec };
    if (Array.isArray(spec.steps)) out.steps = spec.steps.map(container);
    if (Array.isArray(spec.sidecars)) out.sidecars = spec.sidecars.map(container);
    return { ...t, taskSpec: out };
  };
  // The run's (or the Pipeline's) own pipeline stays as it is; only custom tasks in it are mapped.
  const runTask = (t: unknown): unknown => (isMap(t) && isMap(t.taskSpec) && isMap(t.taskSpec.spec) ? { ...t, taskSpec: { ...t.taskSpec, spec: custom(t.taskSpec.spec) } } : t);
  if (!isMap(object) || !isMap(object.spec)) return undefined;
  const spec = object.spec;
  let mapped: Record<string, unknown>;
  if (typeof object.apiVersion === 'string' && !object.apiVersion.startsWith('tekton.dev/')) mapped = custom(spec);
  else if (object.kind === 'Pipeline') mapped = tasks(spec, runTask);
  else mapped = isMap(spec.pipelineSpec) ? { ...spec, pipelineSpec: tasks(spec.pipelineSpec, runTask) } : spec;
  return changed ? { ...object, spec: mapped } : undefined;
}

/**
 * Findings as text: one entry per distinct problem (the same message of the same oracle on the
 * same resource, whichever documents it came from), with at most three of the outputs it is in.
 */
export function findingsText(findings: readonly OracleFinding[]): string {
  const grouped = new Map<string, string[]>();
  for (const f of findings) {
    const key = `${f.oracle} ${f.severity} ${f.kind}/${f.name}: ${f.message.replace(/\n/g, ' | ')}`;
    const sources = grouped.get(key);
    if (sources) sources.push(...f.sources);
    else grouped.set(key, [...f.sources]);
  }
  return [...grouped]
    .map(([problem, sources]) => `${problem}\n  in ${sources.slice(0, 3).join('; ')}${sources.length > 3 ? `; and ${sources.length - 3} more` : ''}`)
    .join('\n');
}

export function totalsText(report: OracleReport): string {
  return ORACLES.map((o) => {
    const t = report.totals[o];
    return `${o}: ${t.documents} documents, ${t.accepted} accepted (${t.warned} with warnings), ${t.rejected} rejected, ${t.skipped} skipped; ${report.ran[o]} checked now, the rest known from the cache`;
  }).join('\n') + `\n(${report.outputs} outputs, ${report.documents} distinct documents)`;
}
