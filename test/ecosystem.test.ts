/**
 * The KFP component ecosystem: a corpus of component files shaped like the published ones (written
 * for kft's tests, one case per kind of file kfp 1.8 reads that kft once refused) under
 * fixtures/build/ecosystem_* builds, and Tekton's admission code (both oracle binaries) accepts
 * every manifest; what kft refuses on purpose is fixtures/errors/ecosystem_refusals. The goldens of
 * both are compared by fixtures.test.ts; this test checks that the corpus covers every class and
 * that the cluster would take what it builds. scripts/probe-components.mjs runs the same check on
 * the real files of a kubeflow/pipelines clone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { compileFixture, diagnosticsText, fixtureCases, fixturesDir } from './helpers.js';
import { findingsText, OracleBatch, oracleAvailable, oracleSkipNotice } from './tektonOracle.js';

const cases = fixtureCases('build').filter((name) => name.startsWith('ecosystem_'));

/** Every component file of a case (the spec's directory tree), parsed. */
function componentFiles(dir: string): { path: string; value: Record<string, unknown> }[] {
  const out: { path: string; value: Record<string, unknown> }[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.yaml') && !['spec.yaml', 'expected.yaml'].includes(entry.name)) out.push({ path, value: parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown> });
    }
  };
  walk(dir);
  return out;
}

type Component = Record<string, unknown> & { implementation?: { container?: Record<string, unknown>; graph?: Record<string, unknown> } };

/** The kinds of published component files the corpus must hold, each with a test of a component. */
const CLASSES: Record<string, (c: Component, text: string) => boolean> = {
  '{{pod.name}} as an env var': (c) => Object.values((c.implementation?.container?.env as Record<string, string>) ?? {}).includes('{{pod.name}}'),
  '{{pod.name}} inside an args concat': (c) => JSON.stringify(c.implementation?.container?.args ?? c.implementation?.container?.command ?? []).includes('"concat"') && JSON.stringify(c.implementation?.container ?? {}).includes('{{pod.name}}'),
  'a graph implementation naming components by URL': (c) => JSON.stringify(c.implementation?.graph ?? {}).includes('"url"'),
  'a graph task naming a graph component (nested)': (c, text) => c.implementation?.graph !== undefined && /name: Split table/.test(text),
  'a graph task with an inline componentRef.spec': (c) => JSON.stringify(c.implementation?.graph ?? {}).includes('"spec"'),
  "image: ''": (c) => c.implementation?.container?.image === '',
  'outputs: present but null': (c) => 'outputs' in c && c.outputs === null,
  'inputs: present but null': (c) => 'inputs' in c && c.inputs === null,
};

describe('KFP component ecosystem corpus', () => {
  const files = cases.flatMap((name) => componentFiles(join(fixturesDir, 'build', name)).map((f) => ({ ...f, text: readFileSync(f.path, 'utf8') })));
  for (const [label, holds] of Object.entries(CLASSES)) {
    it(`holds a component with ${label}`, () => {
      expect(files.some((f) => holds(f.value as Component, f.text))).toBe(true);
    });
  }

  it('refuses on purpose what it cannot run (fixtures/errors/ecosystem_refusals)', () => {
    const result = compileFixture(join(fixturesDir, 'errors', 'ecosystem_refusals', 'spec.yaml'));
    expect([...new Set(result.diagnostics.map((d) => d.code))].sort()).toEqual(['graph-component-field', 'kfp-v2-placeholder', 'missing-image', 'remote-reference', 'unknown-component', 'unsupported-feature']);
  });

  it('builds every case without errors', () => {
    for (const name of cases) {
      const result = compileFixture(join(fixturesDir, 'build', name, 'spec.yaml'));
      expect(diagnosticsText(result.diagnostics.filter((d) => d.severity === 'error')), name).toBe('');
    }
  });

  it.skipIf(!oracleAvailable)(oracleAvailable ? 'builds manifests that both Tekton oracles accept, in v1 and v1beta1' : oracleSkipNotice, async () => {
    const batch = new OracleBatch();
    for (const name of cases) {
      for (const apiVersion of ['v1', 'v1beta1'] as const) {
        const result = compileFixture(join(fixturesDir, 'build', name, 'spec.yaml'), { apiVersion });
        batch.add(`${name} ${apiVersion}`, result.text, result.manifests, apiVersion);
      }
    }
    const report = await batch.check();
    expect(report.outputs).toBe(cases.length * 2);
    expect(findingsText(report.findings)).toBe('');
  }, 120_000);
});
