/**
 * Every manifest kft emits in the test suite reads back as the object kft emitted (the same as
 * `--output-format json`) with every YAML reader it meets: the yaml package as YAML 1.2 (core) and as
 * YAML 1.1 (Kubernetes and PyYAML read 1.1: `n`, `Off`, `0777`, `1_000`, `2001-12-14` are not strings
 * there), and PyYAML itself when python3 has it. Outputs of fixtures/build, fixtures/conformance and
 * examples/, in option sets that cover every pair of values of --api-version, --layout, --loops,
 * --conditions and --no-kfp-metadata (a pairwise covering array: 6 sets instead of 32); the 1 MB
 * compiler_perf output in the default set only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompileOptions } from '../../src/compile.js';
import { yamlText } from '../../src/emit/yamlText.js';
import { isDeepStrictEqual } from 'node:util';
import { compileFixture, fixtureCases, fixturesDir, repoRoot } from '../helpers.js';
import { firstDifference, hasPyYaml, normalise, readWithPyYaml, readWithYaml, type ReadResult } from './yamlReaders.js';

/** Every pair of two options' values occurs in some set (rows of a strength-2 covering array). */
const OPTION_SETS: CompileOptions[] = [
  {},
  { apiVersion: 'v1beta1', layout: 'pipeline', kfpMetadata: false },
  { apiVersion: 'v1beta1', loops: 'separate', kfpMetadata: false },
  { apiVersion: 'v1beta1', conditions: 'when' },
  { layout: 'pipeline', loops: 'separate', conditions: 'when', kfpMetadata: false },
  { layout: 'pipeline', loops: 'separate', conditions: 'when' },
];

/** Outputs larger than this are read in the default option set only. */
const LARGE = 500_000;

function specPaths(): string[] {
  const fixtures = ['build', 'conformance'].flatMap((group) => fixtureCases(group).map((name) => join(fixturesDir, group, name)));
  const examplesDir = join(repoRoot, 'examples');
  const examples = readdirSync(examplesDir).sort().map((name) => join(examplesDir, name)).filter((dir) => existsSync(join(dir, 'spec.yaml')));
  return [...fixtures, ...examples];
}

interface Emitted {
  /** Where it came from: spec folder, options, document number. */
  readonly where: string;
  readonly text: string;
  readonly object: unknown;
}

/** Each distinct emitted document once (option sets often give the same document). */
function emittedDocuments(): { documents: Emitted[]; builds: number; streamMismatches: string[] } {
  const seen = new Set<string>();
  const documents: Emitted[] = [];
  const streamMismatches: string[] = [];
  let builds = 0;
  for (const dir of specPaths()) {
    const optionsFile = join(dir, 'options.json');
    const fixtureOptions = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as CompileOptions) : {};
    for (const options of OPTION_SETS) {
      const result = compileFixture(join(dir, 'spec.yaml'), { ...options, ...fixtureOptions });
      if (!result.ok) continue; // some options do not apply to some specs; the fixture tests cover their diagnostics
      builds++;
      // compiler_perf (1 MB: 1,500 copies of one task, the same strings in every option set) is read in the first set only.
      if (result.text.length > LARGE && options !== OPTION_SETS[0]) continue;
      const texts = result.manifests.map((manifest) => yamlText(manifest.object));
      if (texts.join('---\n') !== result.text) streamMismatches.push(`${dir} ${JSON.stringify(options)}`);
      result.manifests.forEach((manifest, i) => {
        const text = texts[i]!;
        if (seen.has(text)) return;
        seen.add(text);
        documents.push({ where: `${dir.slice(repoRoot.length + 1)} ${JSON.stringify(options)} #${i + 1}`, text, object: normalise(JSON.parse(JSON.stringify(manifest.object))) });
      });
    }
  }
  return { documents, builds, streamMismatches };
}

const { documents, builds, streamMismatches } = emittedDocuments();

function expectReadsBack(reader: string, results: readonly ReadResult[]): void {
  const wrong: string[] = [];
  results.forEach((result, i) => {
    const d = documents[i]!;
    if ('error' in result) wrong.push(`${d.where}: ${reader} error: ${result.error}`);
    else if (result.docs.length !== 1) wrong.push(`${d.where}: ${reader} reads ${result.docs.length} documents`);
    else if (!isDeepStrictEqual(result.docs[0], d.object)) wrong.push(`${d.where}: ${reader}: ${firstDifference(result.docs[0], d.object)}`);
  });
  expect(wrong.slice(0, 20).join('\n')).toBe('');
}

describe('every emitted manifest reads back as emitted', () => {
  it('covers the fixtures, conformance cases and examples in every option set', () => {
    expect(builds).toBeGreaterThan(specPaths().length * 5);
    expect(documents.length).toBeGreaterThan(500);
    // What a build writes is the writer's text of each manifest, so each document is checked as written.
    expect(streamMismatches).toEqual([]);
  });

  it('with the yaml package as YAML 1.2 (core schema)', () => {
    expectReadsBack('yaml 1.2', documents.map((d) => readWithYaml(d.text, '1.2')));
  });

  it('with the yaml package as YAML 1.1 (as Kubernetes and PyYAML read)', () => {
    expectReadsBack('yaml 1.1', documents.map((d) => readWithYaml(d.text, '1.1')));
  });

  it.runIf(hasPyYaml())('with PyYAML (yaml.safe_load_all), in one python3 call', () => {
    // compiler_perf's 1 MB is read by PyYAML's libyaml loader (the same resolver, on the scanner
    // go-yaml was ported from); the pure-Python one takes seconds more.
    expectReadsBack('PyYAML', readWithPyYaml(documents.map((d) => d.text), 100_000));
  });
  it.skipIf(hasPyYaml())('with PyYAML: SKIPPED, python3 with PyYAML is not available here', () => {});
});
