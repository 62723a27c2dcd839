/**
 * src/platform/browser.ts, the core's platform in browser bundles (scripts/esbuild-browser.mjs),
 * must do what src/platform/node.ts does: same exports, same hashes, same path arithmetic on POSIX
 * paths, the same schemas. And src/index.ts bundled for the browser must reach no Node builtin and
 * compile every example and build fixture to the same text and diagnostics as in Node.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import * as browser from '../../src/platform/browser.js';
import * as node from '../../src/platform/node.js';
import { repoRoot } from '../helpers.js';

// @ts-expect-error: a plain ES module script without types
const { browserPlatform } = (await import('../../scripts/esbuild-browser.mjs')) as { browserPlatform: () => import('esbuild').Plugin };

describe('the browser platform', () => {
  it('exports what the Node platform exports', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it('hashes as node:crypto does (UTF-8, hex)', () => {
    for (const text of ['', 'hello', 'naïve ünïcödé 🚀', 'x'.repeat(100_000), '{"name":"say"}']) expect(browser.sha256Hex(text)).toBe(node.sha256Hex(text));
  });

  it('does POSIX path arithmetic as node:path does, resolving relative paths against /work', () => {
    for (const p of ['/work/spec.yaml', '/work/a/b/../c.yaml', '/', 'spec.yaml', 'components/x.yaml']) {
      expect(browser.dirname(p)).toBe(node.dirname(p));
      expect(browser.isAbsolute(p)).toBe(node.isAbsolute(p));
    }
    expect(browser.join('components', '../x.yaml')).toBe(node.join('components', '../x.yaml'));
    expect(browser.relative('/work', '/work/components/x.yaml')).toBe('components/x.yaml');
    expect(browser.relative('/work', '/x.yaml')).toBe('../x.yaml');
    expect(browser.resolve('spec.yaml')).toBe('/work/spec.yaml');
    expect(browser.resolve('/work', '../x.yaml')).toBe('/x.yaml');
    expect(browser.sep).toBe('/');
  });

  it('holds the schemas of schemas/, and the validators generated from them are current', () => {
    expect(browser.schemaFileNames()).toEqual(node.schemaFileNames());
    for (const file of node.schemaFileNames()) expect(JSON.parse(browser.schemaText(file))).toEqual(JSON.parse(node.schemaText(file)));
    expect(browser.validatorsCurrent('any')).toBe(true);
    expect(() => browser.compileSchemas([])).toThrow(/rebuild/);
  });

  it('has no files by default', () => {
    expect(browser.defaultHost.readFile('/work/spec.yaml')).toBeUndefined();
  });
});

/** The case folders with a spec.yaml: every example and every build fixture. */
const cases = ['examples', join('fixtures', 'build')].flatMap((group) =>
  readdirSync(join(repoRoot, group))
    .filter((name) => statSync(join(repoRoot, group, name, 'spec.yaml'), { throwIfNoEntry: false })?.isFile())
    .sort()
    .map((name) => join(group, name)),
);

describe('src/index.ts in a browser bundle', async () => {
  const bundled = await build({ absWorkingDir: repoRoot, entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent', plugins: [browserPlatform()] });
  const file = join(mkdtempSync(join(tmpdir(), 'kft-browser-')), 'kft.mjs');
  writeFileSync(file, bundled.outputFiles[0]!.text);
  const library = (await import(pathToFileURL(file).href)) as typeof import('../../src/index.js');

  it('reaches no Node builtin (esbuild fails on one for the browser platform) and uses the browser platform', () => {
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs).toContain('src/platform/browser.ts');
    expect(inputs).not.toContain('src/platform/node.ts');
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
  });

  const optionSets = { defaults: {}, 'every other option': { apiVersion: 'v1beta1', layout: 'pipeline', loops: 'separate', conditions: 'when', kfpMetadata: false, format: 'json' } } as const;
  it.each(cases.flatMap((dir) => Object.keys(optionSets).map((set) => [dir, set] as const)))('%s with %s: the same manifests and diagnostics as in Node', (dir, set) => {
    const options = optionSets[set as keyof typeof optionSets];
    const folder = join(repoRoot, dir);
    const text = readFileSync(join(folder, 'spec.yaml'), 'utf8');
    // The page's host: files of the spec's folder at the paths kft asks for (/work/...).
    const host = { readFile: (path: string) => (path.startsWith('/work/') ? readOrUndefined(join(folder, path.slice('/work/'.length))) : undefined) };
    const inBrowser = library.compile({ path: 'spec.yaml', text }, { ...options, host });
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      const inNode = compile({ path: 'spec.yaml', text }, options);
      expect(inBrowser.diagnostics).toEqual(inNode.diagnostics);
      expect(inBrowser.text).toBe(inNode.text);
      expect(inNode.ok).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
