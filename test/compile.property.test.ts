/**
 * Property-based tests of compile() on random valid specs (test/arbitraries.ts): it never throws,
 * always succeeds, is deterministic (byte-identical text, also across a second process-wide
 * compile), passes kft's own Tekton checks (src/emit/check.ts) and its YAML reads back as the
 * manifests it returned. The YAML outputs are then checked, in one batch, by Tekton's own
 * admission code (test/tektonOracle.ts; skipped with a notice when ../shared is absent).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type CompileOptions } from '../src/compile.js';
import { checkPipelineSpec } from '../src/emit/check.js';
import type * as v1 from '../src/emit/tekton/v1.js';
import { yamlText } from '../src/emit/yamlText.js';
import { parseAllDocuments } from 'yaml';
import { renderSpec, specPlan } from './arbitraries.js';
import { findingsText, OracleBatch, oracleAvailable, oracleSkipNotice } from './tektonOracle.js';

// Written with kft's own YAML writer: yaml's stringify loses blanks of strings such as " \n".
const documentOf = (spec: Record<string, unknown>) =>
  yamlText({ apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'prop', description: 'random' }, spec });

const OPTION_SETS: CompileOptions[] = [
  {},
  { apiVersion: 'v1beta1', layout: 'pipeline' },
  { conditions: 'when', kfpMetadata: false },
  { format: 'json' },
];

/** The outputs of the random specs, checked by the oracle at the end; their specs by label. */
const oracle = new OracleBatch();
const specsByLabel = new Map<string, string>();

describe('compile on random valid specs', () => {
  it('the generator covers references, dependencies and nested conditions', () => {
    const texts = fc.sample(specPlan(), { numRuns: 200, seed: 7 }).map((p) => documentOf(renderSpec(p)));
    for (const feature of ['{{params.', '{{tasks.', 'after:', 'if:', 'displayName:', '{{"{{"}}']) {
      expect(texts.filter((t) => t.includes(feature)).length, feature).toBeGreaterThan(20);
    }
    expect(texts.some((t) => /if:[^\n]*\n\s+tasks:\n\s+g\d+x\d+:\n\s+if:/.test(t)), 'nested conditions').toBe(true);
  });

  it('never throws, succeeds, is deterministic and passes the Tekton checks', () => {
    fc.assert(
      fc.property(specPlan(), fc.constantFrom(...OPTION_SETS), (plan, options) => {
        const text = documentOf(renderSpec(plan));
        const first = compile({ path: 'random.yaml', text }, options);
        expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(first.ok).toBe(true);
        const second = compile({ path: 'random.yaml', text }, options);
        expect(second.text).toBe(first.text);
        for (const manifest of first.manifests) {
          const spec = (manifest.object.spec as { pipelineSpec?: v1.PipelineSpec } & v1.PipelineSpec);
          const pipeline = manifest.kind === 'Pipeline' ? spec : spec.pipelineSpec;
          if (pipeline) expect(checkPipelineSpec(pipeline, manifest.name)).toEqual([]);
        }
        const readBack = options.format === 'json' ? [JSON.parse(first.text)].flat() : parseAllDocuments(first.text).map((d) => d.toJS());
        expect(readBack).toEqual(first.manifests.map((m) => m.object));
        if (options.format !== 'json') {
          const label = `random spec ${specsByLabel.size + 1} ${JSON.stringify(options)}`;
          specsByLabel.set(label, text);
          oracle.add(label, first.text, first.manifests, options.apiVersion);
        }
      }),
      { numRuns: 80 },
    );
  });

  it.skipIf(!oracleAvailable)(oracleAvailable ? 'their YAML outputs pass Tekton\'s admission checks (tekton-oracle)' : oracleSkipNotice, async () => {
    expect(specsByLabel.size).toBeGreaterThan(0);
    const report = await oracle.check();
    const failing = [...new Set(report.findings.flatMap((f) => f.sources))].slice(0, 2);
    const specs = failing.map((label) => `--- ${label}:\n${specsByLabel.get(label)}`).join('\n');
    expect(findingsText(report.findings), specs).toBe('');
  }, 300_000);

  it('a spec and its JSON form compile to the same manifests', () => {
    fc.assert(
      fc.property(specPlan(6), (plan) => {
        const spec = { apiVersion: 'kft.dev/v1alpha1', kind: 'Pipeline', metadata: { name: 'prop' }, spec: renderSpec(plan) };
        const fromYaml = compile({ path: 'random.yaml', text: yamlText(spec) });
        const fromJson = compile({ path: 'random.yaml', text: JSON.stringify(spec) });
        expect(fromYaml.diagnostics).toEqual([]);
        expect(fromJson.diagnostics).toEqual([]);
        expect(fromJson.text).toBe(fromYaml.text);
      }),
      { numRuns: 25 },
    );
  });
});
