/**
 * The YAML readers a kft manifest meets, for the writer's tests: the yaml package as YAML 1.2 (core
 * schema, what kft itself reads) and as YAML 1.1; PyYAML's safe loader (kfp-tekton's tooling; one
 * python3 process per batch); Kubernetes' own reader (sigs.k8s.io/yaml, go-yaml v2) inside
 * ../shared/tools/tekton-oracle. Values come back normalised so that they compare with the JSON
 * kft writes (`--output-format json`): non-finite numbers as markers, -0 as 0, and anything that is
 * not JSON (a date, a non-string key) as a marker string that can never equal a written string.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { sharedDir } from '../helpers.js';

/** A reader's result for one text: its documents, or the error it stopped with. */
export type ReadResult = { readonly docs: unknown[] } | { readonly error: string };

/** A value as JSON carries it, with markers for what JSON cannot (NaN, ±Infinity, dates, keys that are not strings). */
export function normalise(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : `<float ${value}>`;
  if (value instanceof Date) return `<date ${value.toISOString()}>`;
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  if (value instanceof Map) return `<map>`;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) Object.defineProperty(out, k, { value: normalise(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Where two normalised values first differ, as `path: got … expected …`, or undefined when they are equal. */
export function firstDifference(got: unknown, expected: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(got, expected)) return undefined;
  if (got !== null && expected !== null && typeof got === 'object' && typeof expected === 'object' && Array.isArray(got) === Array.isArray(expected)) {
    const g = got as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!Object.hasOwn(g, key)) return `${path}/${key}: missing (keys read: ${JSON.stringify(Object.keys(g).filter((k) => !Object.hasOwn(e, k)))})`;
      const inner = firstDifference(g[key], e[key], `${path}/${key}`);
      if (inner) return inner;
    }
    return `${path}: extra keys ${JSON.stringify(Object.keys(g).filter((k) => !Object.hasOwn(e, k)))}`;
  }
  return `${path}: read ${JSON.stringify(got)}, written ${JSON.stringify(expected)}`;
}

/**
 * The yaml package's reading. Map keys that are not strings (a YAML 1.1 `y:` is the boolean true)
 * are marked, so that they never equal the string they were written from.
 */
export function readWithYaml(text: string, version: '1.1' | '1.2'): ReadResult {
  const docs: unknown[] = [];
  try {
    for (const doc of parseAllDocuments(text, { version })) {
      if (doc.errors.length) return { error: doc.errors[0]!.message };
      docs.push(mapsToObjects(doc.toJS({ mapAsMap: true, maxAliasCount: -1 })));
    }
  } catch (error) {
    return { error: (error as Error).message };
  }
  return { docs };
}

function mapsToObjects(value: unknown): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) {
      const key = typeof k === 'string' ? k : `<key ${typeof k} ${String(k)}>`;
      Object.defineProperty(out, key, { value: mapsToObjects(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (Array.isArray(value)) return value.map(mapsToObjects);
  return normalise(value);
}

const PYTHON_READER = String.raw`
import json, math, sys
import yaml
def norm(v):
    if isinstance(v, dict):
        return {(k if isinstance(k, str) else '<key %s %r>' % (type(k).__name__, k)): norm(x) for k, x in v.items()}
    if isinstance(v, list):
        return [norm(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return '<float %s>' % ('NaN' if math.isnan(v) else 'Infinity' if v > 0 else '-Infinity')
    if v is None or isinstance(v, (str, bool, int, float)):
        return v
    return '<%s %r>' % (type(v).__name__, v)
limit = int(sys.argv[1])
out = []
for text in json.load(sys.stdin):
    loader = yaml.SafeLoader if len(text) <= limit else getattr(yaml, 'CSafeLoader', yaml.SafeLoader)
    try:
        out.append({'docs': [norm(d) for d in yaml.load_all(text, Loader=loader)]})
    except Exception as e:
        out.append({'error': str(e)})
json.dump(out, sys.stdout)
`;

let pythonChecked: boolean | undefined;
/** Whether python3 with PyYAML can be run here. */
export function hasPyYaml(): boolean {
  pythonChecked ??= spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;
  return pythonChecked;
}

/**
 * PyYAML's reading (yaml.safe_load_all) of each text, in one process: with its pure-Python loader,
 * or for texts longer than `libyamlAbove` characters with its libyaml one (CSafeLoader, when built
 * in), which is faster and has the same resolver.
 */
export function readWithPyYaml(texts: readonly string[], libyamlAbove = Infinity): ReadResult[] {
  const limit = Number.isFinite(libyamlAbove) ? String(libyamlAbove) : String(Number.MAX_SAFE_INTEGER);
  const out = execFileSync('python3', ['-c', PYTHON_READER, limit], { input: JSON.stringify(texts), maxBuffer: 1 << 30 });
  return (JSON.parse(out.toString('utf8')) as ReadResult[]).map((r) => ('docs' in r ? { docs: r.docs.map(normalise) } : r));
}

export const oracleBinary = join(sharedDir, 'tools', 'tekton-oracle', 'tekton-oracle');
export const hasOracle = (): boolean => existsSync(oracleBinary);

export interface OracleVerdict {
  readonly file: string;
  readonly doc: number;
  readonly kind: string;
  readonly name: string;
  readonly status: string;
  readonly message?: string;
}

/** tekton-oracle's verdict on every document of one YAML stream (`-o json`), run once. */
export function runOracle(stream: string, binary = oracleBinary): OracleVerdict[] {
  const dir = mkdtempSync(join(tmpdir(), 'kft-yaml-oracle-'));
  try {
    const file = join(dir, 'batch.yaml');
    writeFileSync(file, stream);
    const run = spawnSync(binary, ['-o', 'json', file], { maxBuffer: 1 << 30 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`tekton-oracle failed (${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout.toString('utf8')) as OracleVerdict[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A seed for random tests: KFT_SEED when set (to replay a failure), otherwise a new one per run. */
export function runSeed(): number {
  const fixed = process.env.KFT_SEED;
  return fixed !== undefined ? Number(fixed) : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
}
