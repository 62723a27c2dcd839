/**
 * scripts/bundle-cli.mjs: the one-file CLI bundle must behave like the ES modules it was made of
 * (named, renamed and namespace imports, re-exports, import cycles with live bindings, lazy
 * import(), import.meta.url, builtins, CommonJS packages in their own mode), refuse what it does not handle, and
 * be deterministic. The CLI tests (test/cli/) run bin/kft.cjs, i.e. the real bundle.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const script = (await import('../../scripts/bundle-cli.mjs')) as { bundle: (entry: string, out: string) => Bundle };

interface Bundle {
  /** A classic script: one function expression taking the bundle's URL and an import(). */
  readonly script: string;
}

/** Writes the bundle of `entry` to `out`; returns its text. */
function bundleTo(entry: string, out: string): Bundle {
  const texts = script.bundle(entry, out);
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
  'node_modules/cjs-pkg/package.json': '{"name":"cjs-pkg","main":"index.js"}',
  'node_modules/cjs-pkg/LICENSE': 'ISC licence of cjs-pkg',
  // Sloppy mode (no 'use strict'): `this` of a sloppy function is the global object, as in Node.
  'node_modules/cjs-pkg/index.js': "globalThis.cjsLoaded = (globalThis.cjsLoaded ?? 0) + 1;\nconst { twice } = require('./lib/twice.js');\nconst sloppy = (function () { return this === globalThis; })();\nmodule.exports = { twice, name: 'cjs', topThis: this === module.exports, sloppy, path: require('node:path').sep };\n",
  'node_modules/cjs-pkg/lib/twice.js': "'use strict';\nconst strict = (function () { return this === undefined; })();\nexports.twice = (x) => (strict ? 2 * x : -1);\n",
  'src/entry.js': `import { a, b as bee } from './a.js';
import * as ns from './b.js';
import { join } from 'node:path';
import pkg, { twice, topThis, sloppy } from 'cjs-pkg';
import { fromCycle } from './c.js';
export { a as reexported } from './a.js';
export const shorthand = { bee };
export const cjsLoads = () => globalThis.cjsLoaded ?? 0;
export function result() {
  return { a, bee: bee(), ns: ns.value, join: join('x', 'y'), pkg: pkg.name, twice: twice(21), modes: [topThis, sloppy], cycle: fromCycle(), reexported: a };
}
export async function external() {
  const { x } = await import('esm-pkg');
  return { x };
}
export async function outside() {
  const { where } = await import(new URL('./sub/outside.js', import.meta.url).href);
  return { loaded: globalThis.outsideLoaded, where: where() };
}
export async function lazy() {
  const before = globalThis.lazyLoaded ?? 0;
  const { where } = await import('./sub/lazy.js');
  return { before, after: globalThis.lazyLoaded, where: where() };
}
`,
  'node_modules/esm-pkg/package.json': '{"name":"esm-pkg","type":"module","main":"index.js"}',
  'node_modules/esm-pkg/index.js': 'export const x = 1;\n',
  'src/a.js': "export const a = 'A';\nexport function b() { return 'B'; }\n",
  'src/b.js': 'const value = 42;\nexport { value };\n',
  // c and d import each other; d reads c's constant only when called (a live binding).
  'src/c.js': "import { fromD } from './d.js';\nexport const C = 'c-const';\nexport function fromCycle() { return fromD(); }\n",
  'src/d.js': "import { C } from './c.js';\nexport function fromD() { return C + '!'; }\n",
  'src/sub/outside.js': "globalThis.outsideLoaded = (globalThis.outsideLoaded ?? 0) + 1;\nexport const where = () => import.meta.url.split('/').slice(-3).join('/');\n",
  'src/sub/lazy.js': "globalThis.lazyLoaded = (globalThis.lazyLoaded ?? 0) + 1;\nexport const where = () => new URL('.', import.meta.url).pathname.split('/').slice(-3, -1).join('/');\n",
};

describe('bundle-cli', () => {
  it('bundles a module graph into one file that behaves like the modules', async () => {
    const dir = tree(modules);
    const out = join(dir, 'out', 'bundle.js');
    mkdirSync(dirname(out));
    const { script: text } = bundleTo(join(dir, 'src', 'entry.js'), out);
    const bundled = runBundle(out);
    // A package is loaded when its exports are first used, not when the bundle starts.
    expect(bundled.cjsLoads()).toBe(0);
    const direct = await import(pathToFileURL(join(dir, 'src', 'entry.js')).href);
    expect(bundled.result()).toEqual(direct.result());
    expect(bundled.result()).toEqual({ a: 'A', bee: 'B', ns: 42, join: join('x', 'y'), pkg: 'cjs', twice: 42, modes: [true, true], cycle: 'c-const!', reexported: 'A' });
    expect(bundled.reexported).toBe('A');
    expect(bundled.shorthand.bee()).toBe('B');
    // The direct import already ran lazy.js once; the bundle runs its own copy only on import().
    const before = (globalThis as { lazyLoaded?: number }).lazyLoaded ?? 0;
    const lazy = await bundled.lazy();
    expect(lazy).toEqual({ before, after: before + 1, where: 'src/sub' });
    // A package imported with import() stays outside: the caller's import() loads it.
    expect(await bundled.external()).toEqual({ x: 1 });
    // A computed import() is not followed: Node loads the module from beside the sources, as itself.
    expect(text).not.toMatch(/^\/\/ .*sub\/outside\.js$/m);
    expect(text).toMatch(/^\/\/ .*sub\/lazy\.js$/m);
    expect(await bundled.outside()).toEqual({ loaded: 1, where: 'src/sub/outside.js' });
    expect(text).not.toMatch(/^\s*(import|export) .* from /m);
    expect(text).not.toMatch(/import\.meta/);
    expect(text).toContain('ISC licence of cjs-pkg');
    expect(text).toContain('// cjs-pkg/lib/twice.js');
  });

  it('is deterministic', () => {
    const dir = tree(modules);
    const out = join(dir, 'bundle.js');
    expect(script.bundle(join(dir, 'src', 'entry.js'), out)).toEqual(script.bundle(join(dir, 'src', 'entry.js'), out));
  });

  it.each([
    ['export default', "export default 1;\n", /export default is not supported/],
    ['export *', "export * from './a.js';\n", /export \* is not supported/],
    ['top-level await', 'await Promise.resolve();\nexport const x = 1;\n', /top-level await/],
    ['export let', 'export let x = 1;\n', /export let\/var/],
    ['an ES module package', "import { x } from 'esm-pkg';\nexport const y = x;\n", /ES module package/],
    ['a missing export', "import { nope } from './a.js';\nexport const y = nope;\n", /'nope' is not exported/],
    ['a cycle import declared again locally', "import { C } from './c2.js';\nexport function f(C) { return C; }\n", /declared locally/],
    ['a package import declared again locally', "import { twice } from 'cjs-pkg';\nexport function f() { const twice = 1; return twice; }\n", /declared locally/],
  ])('refuses %s', (_, entry, message) => {
    const dir = tree({
      ...modules,
      'src/c2.js': "import { f } from './bad.js';\nexport const C = 1;\nexport const g = () => f;\n",
      'src/bad.js': entry,
    });
    expect(() => script.bundle(join(dir, 'src', 'bad.js'), join(dir, 'bundle.js'))).toThrow(message);
  });

  it('dist/cli-bundle.js is the current bundle of dist/cli/main.js (written by npm run build)', () => {
    const out = join(repoRoot, 'dist', 'cli-bundle.js');
    const { script: text } = script.bundle(join(repoRoot, 'dist', 'cli', 'main.js'), out);
    expect(readFileSync(out, 'utf8')).toBe(text);
    expect(text).toMatch(/^\/\*! yaml /m);
    expect(text).toMatch(/^\/\*! commander /m);
  });
});
