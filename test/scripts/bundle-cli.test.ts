/**
 * scripts/bundle-cli.mjs: esbuild's one-script bundle of the CLI, in the shape bin/kft.cjs runs,
 * must behave like the ES modules it was made of (imports, cycles, lazy import(), modules marked
 * lazy, packages of both module systems, each module's own import.meta.url), leave the language
 * server's import() to the caller, carry the packages' licences, and be deterministic. The CLI tests (test/cli/) run
 * bin/kft.cjs, i.e. the real bundle.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const script = (await import('../../scripts/bundle-cli.mjs')) as { bundle: (entry: string, out: string) => Promise<Bundle> };

interface Bundle {
  /** A classic script: one function expression taking the bundle's URL and an import(). */
  readonly script: string;
}

/** Writes the bundle of `entry` to `out`; returns its text. */
async function bundleTo(entry: string, out: string): Promise<Bundle> {
  const texts = await script.bundle(entry, out);
  writeFileSync(out, texts.script);
  return texts;
}

/**
 * Runs a bundle as bin/kft.cjs does (a vm.Script called with its URL and an import()); its exports.
 * bin/kft.cjs's import() resolves packages from bin/, beside dist/; here they resolve from the bundle.
 */
function runBundle(out: string): Record<string, any> {
  const fn = new Script(readFileSync(out, 'utf8'), { filename: out }).runInThisContext() as (url: string, load: (s: string) => Promise<unknown>) => Record<string, any>;
  return fn(pathToFileURL(out).href, (specifier) => import(specifier.startsWith('file:') ? specifier : pathToFileURL(createRequire(out).resolve(specifier)).href));
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kft-bundle-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const modules = {
  'package.json': '{"type":"module"}',
  'node_modules/cjs-pkg/package.json': '{"name":"cjs-pkg","version":"1.0.0","license":"ISC","main":"index.js"}',
  'node_modules/cjs-pkg/LICENSE': 'ISC licence of cjs-pkg',
  'node_modules/cjs-pkg/index.js': "const { twice } = require('./lib/twice.js');\nmodule.exports = { twice, name: 'cjs', path: require('node:path').sep };\n",
  'node_modules/cjs-pkg/lib/twice.js': "'use strict';\nexports.twice = (x) => 2 * x;\n",
  'node_modules/esm-pkg/package.json': '{"name":"esm-pkg","version":"2.0.0","license":"MIT","type":"module","main":"index.js"}',
  'node_modules/esm-pkg/LICENCE.md': 'MIT licence of esm-pkg',
  'node_modules/esm-pkg/index.js': 'export const x = 1;\n',
  'src/entry.js': `import { a, b as bee } from './a.js';
import * as ns from './b.js';
import { join } from 'node:path';
import pkg, { twice } from 'cjs-pkg';
import { x } from 'esm-pkg';
import { fromCycle } from './c.js';
import { importOutsideBundle } from './outsideBundle.js';
import { rare, rareAsync } from './rare.js';
export { a as reexported } from './a.js';
export const shorthand = { bee };
export const here = () => import.meta.url.split('/').slice(-2).join('/');
export function result() {
  return { a, bee: bee(), ns: ns.value, join: join('x', 'y'), pkg: pkg.name, twice: twice(21), x, cycle: fromCycle(), reexported: a };
}
export async function outside() {
  const { where } = await importOutsideBundle(new URL('./sub/outside.js', import.meta.url).href);
  return { loaded: globalThis.outsideLoaded, where: where() };
}
export async function marked() {
  const before = globalThis.rareLoaded ?? 0;
  return { before, value: rare(2), later: await rareAsync(), after: globalThis.rareLoaded };
}
export async function lazy() {
  const before = globalThis.lazyLoaded ?? 0;
  const { where } = await import('./sub/lazy.js');
  return { before, after: globalThis.lazyLoaded, where: where() };
}
`,
  'src/outsideBundle.js': 'export const importOutsideBundle = (url) => import(url);\n',
  'src/a.js': "export const a = 'A';\nexport function b() { return 'B'; }\n",
  'src/b.js': 'const value = 42;\nexport { value };\n',
  // c and d import each other; d reads c's constant only when called (a live binding).
  'src/c.js': "import { fromD } from './d.js';\nexport const C = 'c-const';\nexport function fromCycle() { return fromD(); }\n",
  'src/d.js': "import { C } from './c.js';\nexport function fromD() { return C + '!'; }\n",
  'src/sub/outside.js': "globalThis.outsideLoaded = (globalThis.outsideLoaded ?? 0) + 1;\nexport const where = () => import.meta.url.split('/').slice(-3).join('/');\n",
  // Marked lazy: runs (with what only it imports) at the first call of one of its functions.
  'src/rare.js': "// kft-bundle: lazy\nimport { helper } from './rareHelper.js';\nglobalThis.rareLoaded = (globalThis.rareLoaded ?? 0) + 1;\nexport function rare(x) { return helper(x); }\nexport async function rareAsync() { return 'async'; }\n",
  'src/rareHelper.js': "globalThis.rareHelperLoaded = (globalThis.rareHelperLoaded ?? 0) + 1;\nexport const helper = (x) => x * 10;\n",
  'src/sub/lazy.js': "globalThis.lazyLoaded = (globalThis.lazyLoaded ?? 0) + 1;\nexport const where = () => new URL('.', import.meta.url).pathname.split('/').slice(-3, -1).join('/');\n",
};

describe('bundle-cli', () => {
  it('bundles a module graph into one script that behaves like the modules', async () => {
    const dir = tree(modules);
    const out = join(dir, 'out', 'bundle.js');
    mkdirSync(dirname(out));
    const { script: text } = await bundleTo(join(dir, 'src', 'entry.js'), out);
    const bundled = runBundle(out);
    const direct = await import(pathToFileURL(join(dir, 'src', 'entry.js')).href);
    expect(bundled.result()).toEqual(direct.result());
    expect(bundled.result()).toEqual({ a: 'A', bee: 'B', ns: 42, join: join('x', 'y'), pkg: 'cjs', twice: 42, x: 1, cycle: 'c-const!', reexported: 'A' });
    expect(bundled.reexported).toBe('A');
    expect(bundled.shorthand.bee()).toBe('B');
    // import.meta.url is the URL each module has beside the bundle (relative to the output's folder).
    expect(bundled.here()).toBe('src/entry.js');
    // A module reached through import() runs when the import() does, not when the bundle starts.
    const before = (globalThis as { lazyLoaded?: number }).lazyLoaded ?? 0;
    expect(await bundled.lazy()).toEqual({ before, after: before + 1, where: 'src/sub' });
    expect(text).toMatch(/^\/\/ src\/sub\/lazy\.js$/m);
    // A module marked '// kft-bundle: lazy' that entry.js imports statically runs at the first call.
    const loaded = () => ({ rare: (globalThis as { rareLoaded?: number }).rareLoaded ?? 0, helper: (globalThis as { rareHelperLoaded?: number }).rareHelperLoaded ?? 0 });
    const atStart = loaded();
    const again = runBundle(out);
    expect(loaded()).toEqual(atStart);
    expect(await again.marked()).toEqual({ before: atStart.rare, value: 20, later: 'async', after: atStart.rare + 1 });
    expect(loaded()).toEqual({ rare: atStart.rare + 1, helper: atStart.helper + 1 });
    await again.marked();
    expect(loaded()).toEqual({ rare: atStart.rare + 1, helper: atStart.helper + 1 });
    // importOutsideBundle() is the caller's import(): the module is not bundled; Node loads it as itself.
    expect(text).not.toMatch(/^\/\/ .*sub\/outside\.js$/m);
    expect(await bundled.outside()).toEqual({ loaded: 1, where: 'src/sub/outside.js' });
    expect(text).not.toMatch(/^\s*(import|export) .* from /m);
    expect(text).not.toMatch(/import\.meta/);
  });

  it('carries the licence of every bundled package, in name order', async () => {
    const dir = tree(modules);
    const { script: text } = await script.bundle(join(dir, 'src', 'entry.js'), join(dir, 'out', 'bundle.js'));
    expect(text).toContain('/*! cjs-pkg 1.0.0 (ISC)\nISC licence of cjs-pkg\n*/\n/*! esm-pkg 2.0.0 (MIT)\nMIT licence of esm-pkg\n*/');
  });

  it('is deterministic: the same text twice, and from a copy of the tree elsewhere', async () => {
    const dir = tree(modules);
    const first = await script.bundle(join(dir, 'src', 'entry.js'), join(dir, 'out', 'bundle.js'));
    expect(await script.bundle(join(dir, 'src', 'entry.js'), join(dir, 'out', 'bundle.js'))).toEqual(first);
    const copy = join(mkdtempSync(join(tmpdir(), 'kft-bundle-copy-')), 'deeper', 'tree');
    cpSync(dir, copy, { recursive: true });
    expect(await script.bundle(join(copy, 'src', 'entry.js'), join(copy, 'out', 'bundle.js'))).toEqual(first);
    expect(first.script).not.toContain(dir);
  });

  it.each([
    ['import.meta other than .url', 'export const d = import.meta.dirname;\n', /only import\.meta\.url/],
    ['an import that does not resolve', "import { y } from './missing.js';\nexport const z = y;\n", /Could not resolve/],
    ['a lazy module exporting other than functions', "import { C } from './lazyConst.js';\nexport const z = C;\n", /may export only functions/],
  ])('refuses %s', async (_, entry, message) => {
    const dir = tree({ ...modules, 'src/bad.js': entry, 'src/lazyConst.js': "// kft-bundle: lazy\nexport const C = 1;\n" });
    await expect(script.bundle(join(dir, 'src', 'bad.js'), join(dir, 'out', 'bundle.js'))).rejects.toThrow(message);
  });

  it('dist/cli-bundle.js is the current bundle of dist/cli/main.js (written by npm run build)', async () => {
    const out = join(repoRoot, 'dist', 'cli-bundle.js');
    const { script: text } = await script.bundle(join(repoRoot, 'dist', 'cli', 'main.js'), out);
    expect(readFileSync(out, 'utf8')).toBe(text);
    for (const pkg of ['yaml', 'commander', 'chalk', 'ajv']) expect(text).toMatch(new RegExp(`^/\\*! ${pkg} `, 'm'));
    // The language server and its packages stay outside (loaded from dist/ by `kft lsp`).
    expect(text).not.toMatch(/^\/\/ dist\/lsp\//m);
    expect(text).not.toContain('vscode-languageserver');
  });
});
