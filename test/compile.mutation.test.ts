/**
 * Mutated and truncated versions of every fixture spec (fixtures/** /spec.yaml): compile always
 * returns diagnostics for a spec it rejects, never throws, never reports `internal-error` (a kft
 * bug surfacing), and every diagnostic is well formed (catalogued code, message, a position inside
 * the file). Mutations are drawn by fast-check with a fixed seed, so failures reproduce. The
 * mutated specs that still build are then checked, in one batch, by Tekton's own admission code
 * (test/tektonOracle.ts; skipped with a notice when ../shared is absent).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';
import { catalogue } from '../src/diagnostics/codes.js';
import { fixturesDir, repoRoot } from './helpers.js';
import { findingsText, OracleBatch, oracleAvailable, oracleSkipNotice } from './tektonOracle.js';

function specFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return specFiles(path);
    return entry === 'spec.yaml' ? [path] : [];
  });
}

const TOKENS = [':', ': ', '- ', '{', '}', '[', ']', ',', '*a', '&a ', '!!binary ', '!!js/function ', '"', "'", '\n', '  ', '\t', '#', '|', '>', '? ',
  '{{', '}}', '{{tasks.x.outputs.y}}', '{{params.}}', '{{item}}', '__proto__: {a: 1}\n', 'constructor: 1\n', '<<: *a\n', '%YAML 1.1\n', '---\n', '...\n',
  '\u0000', '\uFEFF', '\u202e', 'null', '~', '-1', '1e309', '99999999999999999999', 'true', '[]', '{}', '😀', '$(x)', '`x`'];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; token: string }
  | { kind: 'deleteLine'; line: number }
  | { kind: 'duplicateLine'; line: number }
  | { kind: 'dedent'; line: number }
  | { kind: 'replaceWord'; at: number; token: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dedent' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('replaceWord' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.token + text.slice(at);
    }
    case 'deleteLine':
      return lines.filter((_, i) => i !== m.line % lines.length).join('\n');
    case 'duplicateLine': {
      const i = m.line % lines.length;
      return [...lines.slice(0, i + 1), lines[i], ...lines.slice(i + 1)].join('\n');
    }
    case 'dedent': {
      const i = m.line % lines.length;
      return lines.map((l, j) => (j === i ? l.replace(/^ {1,2}/, '') : l)).join('\n');
    }
    case 'replaceWord': {
      const at = m.at % (text.length + 1);
      const word = /^[A-Za-z0-9_.-]+/.exec(text.slice(at))?.[0] ?? '';
      return text.slice(0, at) + m.token + text.slice(at + word.length);
    }
  }
}

/** Compiles as the fixtures test does: paths relative to the repository, so component files resolve. */
function compileAt(path: string, text: string) {
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    return compile({ path, text });
  } finally {
    process.chdir(cwd);
  }
}

const specs = specFiles(fixturesDir);
/** The outputs of mutated specs that build, checked by the oracle at the end. */
const oracle = new OracleBatch();
let built = 0;

describe('mutated fixture specs', () => {
  it('finds the fixture specs', () => {
    expect(specs.length).toBeGreaterThan(10);
  });

  for (const file of specs) {
    const path = relative(repoRoot, file);
    const original = readFileSync(file, 'utf8');
    // Large specs (compiler_perf) cost a compile each; a few mutations of them suffice.
    const runs = original.length > 20_000 ? 2 : 12;
    it(path, () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const text = mutations.reduce(apply, original);
          const lineCount = text.split('\n').length;
          const result = compileAt(path, text);
          for (const d of result.diagnostics) {
            expect(d.code, d.message).not.toBe('internal-error');
            expect(d.code in catalogue, d.code).toBe(true);
            expect(d.message.length).toBeGreaterThan(0);
            if (d.range && d.range.file === path) {
              expect(d.range.line).toBeGreaterThanOrEqual(1);
              expect(d.range.line).toBeLessThanOrEqual(lineCount);
            }
          }
          if (!result.ok) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
          else {
            expect(result.text.length).toBeGreaterThan(0);
            built++;
            oracle.add(`${path} mutated by ${JSON.stringify(mutations)}`, result.text, result.manifests);
          }
        }),
        { numRuns: runs, seed: 20251121 },
      );
    });
  }

  it.skipIf(!oracleAvailable)(oracleAvailable ? 'the mutated specs that build pass Tekton\'s admission checks (tekton-oracle)' : oracleSkipNotice, async () => {
    expect(built).toBeGreaterThan(100);
    const report = await oracle.check();
    expect(findingsText(report.findings)).toBe('');
  }, 300_000);
});
