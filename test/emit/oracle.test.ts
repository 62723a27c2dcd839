/**
 * What a cluster accepts: every fixture (build, conformance) and every example, built in every
 * combination of --api-version, --layout, --loops, --conditions and --no-kfp-metadata, passes
 * Tekton's own admission code and kfp-tekton's PipelineLoop checks (test/tektonOracle.ts): no
 * document rejected, and no warning (a warning is a field a controller would silently ignore).
 * The outputs are compiled in-process, each distinct document is checked once, both binaries run
 * in parallel. Skipped with a notice when ../shared/tools/tekton-oracle is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/compile.js';
import { compileFixture, fixtureCases, fixturesDir, repoRoot } from '../helpers.js';
import { findingsText, OracleBatch, oracleAvailable, oracleSkipNotice, totalsText, type OracleReport } from '../tektonOracle.js';

const COMBINATIONS: CompileOptions[] = [];
for (const apiVersion of ['v1', 'v1beta1'] as const) {
  for (const layout of ['pipelinerun', 'pipeline'] as const) {
    for (const loops of ['inline', 'separate'] as const) {
      for (const conditions of ['task', 'when'] as const) {
        for (const kfpMetadata of [true, false]) COMBINATIONS.push({ apiVersion, layout, loops, conditions, kfpMetadata });
      }
    }
  }
}

const comboLabel = (o: CompileOptions): string => `${o.apiVersion} ${o.layout} loops=${o.loops} conditions=${o.conditions}${o.kfpMetadata ? '' : ' --no-kfp-metadata'}`;

/** Every spec that builds: fixtures with an expected.yaml (and their options.json), examples. */
function specs(): { path: string; options: CompileOptions }[] {
  const found: { path: string; options: CompileOptions }[] = [];
  for (const group of ['build', 'conformance']) {
    for (const name of fixtureCases(group)) {
      const dir = join(fixturesDir, group, name);
      if (existsSync(join(dir, 'diagnostics.txt'))) continue;
      const optionsFile = join(dir, 'options.json');
      found.push({ path: join(dir, 'spec.yaml'), options: existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {} });
    }
  }
  const examples = join(repoRoot, 'examples');
  for (const name of readdirSync(examples).sort()) {
    if (existsSync(join(examples, name, 'spec.yaml'))) found.push({ path: join(examples, name, 'spec.yaml'), options: {} });
  }
  return found;
}

const title = oracleAvailable ? 'Tekton admission (tekton-oracle) of every build output' : oracleSkipNotice;

describe.skipIf(!oracleAvailable)(title, () => {
  const all = specs();
  const relative = (path: string) => path.slice(repoRoot.length + 1);
  let report: OracleReport;
  const failedBuilds: string[] = [];

  beforeAll(async () => {
    const batch = new OracleBatch();
    for (const { path, options } of all) {
      for (const combo of COMBINATIONS) {
        const result = compileFixture(path, { ...options, ...combo });
        if (!result.ok) failedBuilds.push(`${relative(path)} ${comboLabel(combo)}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
        else batch.add(`${relative(path)} [${comboLabel(combo)}]`, result.text, result.manifests, combo.apiVersion);
      }
    }
    report = await batch.check();
    console.log(totalsText(report));
  }, 600_000);

  it('builds every spec in every combination of options', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(failedBuilds).toEqual([]);
  });

  it('checks every document with both binaries', () => {
    for (const totals of Object.values(report.totals)) expect(totals.documents).toBe(report.documents);
    expect(report.outputs).toBe(all.length * COMBINATIONS.length - failedBuilds.length);
  });

  for (const { path } of all) {
    const name = relative(path);
    it(name, () => {
      const mine = report.findings.filter((f) => f.sources.some((s) => s.startsWith(`${name} `)));
      expect(findingsText(mine), 'rejected or warned by Tekton\'s admission code').toBe('');
    });
  }
});
