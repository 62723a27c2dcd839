/**
 * Test helpers: fixture discovery and golden files with an update switch
 * (UPDATE_GOLDENS=1 npm test rewrites expected files instead of comparing).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { compile, type CompileOptions } from '../src/compile.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const fixturesDir = join(repoRoot, 'fixtures');
export const sharedDir = join(repoRoot, '..', 'shared');
export const updating = process.env.UPDATE_GOLDENS === '1';

/** Fixture case folders under fixtures/<group>/ that hold a spec.yaml. */
export function fixtureCases(group: string): string[] {
  const dir = join(fixturesDir, group);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'spec.yaml')))
    .sort();
}

/** Compiles a fixture with paths relative to the repo, so diagnostics are machine independent. */
export function compileFixture(specPath: string, options: CompileOptions = {}) {
  const relative = specPath.startsWith(repoRoot) ? specPath.slice(repoRoot.length + 1) : specPath;
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    // The file's bytes, as the CLI reads it (kft decodes them and reports bytes that are not text).
    return compile({ path: relative, bytes: readFileSync(join(repoRoot, relative)) }, options);
  } finally {
    process.chdir(cwd);
  }
}

/** Compares text with a golden file, or writes it when updating. */
export function expectGolden(path: string, actual: string): void {
  if (updating || !existsSync(path)) {
    if (!updating) throw new Error(`missing golden ${path}; run UPDATE_GOLDENS=1 npm test to create it`);
    writeFileSync(path, actual);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

/** One line per diagnostic: `file:line:col: severity: message [code]` (hint on the next line). */
export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const r = d.range;
      const where = r ? `${r.file}:${r.line}:${r.column}: ` : '';
      return `${where}${d.severity}: ${d.message} [${d.code}]${d.hint ? `\n  hint: ${d.hint}` : ''}\n`;
    })
    .join('');
}
