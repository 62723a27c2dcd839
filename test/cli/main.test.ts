/**
 * `src/cli/main.ts`: commands are imported only when they run. A clean `kft build` is the hot path
 * of pre-commit hooks, so it must not load the other commands, the diagnostics formatters, chalk,
 * the requirements report, the output planner or, for a spec without `python:` components, the
 * Python reader (docs/performance.md, cold start-up).
 * bin/kft.cjs runs the one-file bundle of dist/ and its packages (scripts/bundle-cli.mjs);
 * KFT_TRACE_MODULES=1 makes it print each of its modules as it runs, in the same form as the
 * module hook below.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';
import { kftBin } from './run.js';

/** A module hook that prints every module URL Node loads (ES modules and their imports). */
const logLoads = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent("export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\\\n'); return next(url, context); }"));`,
)}`;

function loadedModules(args: readonly string[]): { code: number | null; modules: string[] } {
  const r = spawnSync(process.execPath, ['--import', logLoads, kftBin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KFT_TRACE_MODULES: '1' } });
  const modules = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice('LOADED '.length));
  return { code: r.status, modules };
}

const distModule = (urls: readonly string[], path: string): boolean => urls.some((u) => u.endsWith(`/dist/${path}`));

describe('kft start-up', () => {
  it('loads only what a clean build to stdout needs', () => {
    const { code, modules } = loadedModules(['build', 'examples/hello/spec.yaml']);
    expect(code).toBe(0);
    expect(distModule(modules, 'cli/commands/build.js')).toBe(true);
    for (const unneeded of ['cli/commands/graph.js', 'cli/commands/init.js', 'cli/commands/schema.js', 'cli/commands/explain.js', 'cli/commands/validate.js', 'cli/commands/lsp.js', 'lsp/server.js', 'cli/format/sarif.js', 'cli/format/github.js', 'cli/format/text.js', 'requirements.js', 'cli/output/plan.js', 'cli/output/diff.js', 'cli/output/layout.js', 'cli/output/lock.js', 'cli/output/transaction.js', 'cli/output/faults.js', 'cli/schema/bundle.js']) {
      expect(distModule(modules, unneeded), unneeded).toBe(false);
    }
    expect(modules.some((u) => u.includes('/node_modules/chalk/'))).toBe(false);
    expect(modules.some((u) => u.includes('/node_modules/vscode-languageserver'))).toBe(false);
  });

  it('loads the Python reader only for a spec with python: components (a lazy module of the bundle)', () => {
    const isPython = (u: string) => u.includes('/dist/python/') || u.endsWith('/dist/parse/pythonComponents.js');
    const plain = loadedModules(['build', 'examples/hello/spec.yaml']);
    expect(plain.code).toBe(0);
    expect(plain.modules.filter(isPython)).toEqual([]);
    const python = loadedModules(['build', 'examples/python-components/spec.yaml']);
    expect(python.code).toBe(0);
    expect(distModule(python.modules, 'parse/pythonComponents.js')).toBe(true);
    expect(distModule(python.modules, 'python/index.js')).toBe(true);
  });

  it('loads the language server and its packages only for kft lsp, from dist/ beside the bundle', () => {
    // stdin closed at once: the server starts, sees the end of its input and exits.
    const r = spawnSync(process.execPath, ['--import', logLoads, kftBin, 'lsp', '--stdio'], { cwd: repoRoot, encoding: 'utf8', input: '', env: { ...process.env, KFT_TRACE_MODULES: '1' } });
    const modules = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
    expect(distModule(modules, 'cli/commands/lsp.js')).toBe(true);
    expect(modules.some((u) => u.endsWith('/dist/lsp/server.js') && u.startsWith('file:'))).toBe(true);
    expect(modules.some((u) => u.includes('/node_modules/vscode-languageserver/'))).toBe(true);
    expect(r.stdout).toBe('');
  });

  it('runs chalk (bundled) when it prints diagnostics as text, and not before', () => {
    const { code, modules } = loadedModules(['validate', 'fixtures/errors/unknown-component/spec.yaml']);
    expect(code).toBe(1);
    expect(distModule(modules, 'cli/format/text.js')).toBe(true);
    expect(modules.some((u) => u.includes('/node_modules/chalk/'))).toBe(true);
  });

  it('loads a command module when that command runs', () => {
    const { code, modules } = loadedModules(['explain', 'unknown-task']);
    expect(code).toBe(0);
    expect(distModule(modules, 'cli/commands/explain.js')).toBe(true);
    expect(distModule(modules, 'cli/commands/build.js')).toBe(false);
  });
});
