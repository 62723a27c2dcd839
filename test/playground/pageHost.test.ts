/**
 * playground/src/pageHost.ts: the page's files as a CompileHost. kft reading them answers as it
 * does reading the same files from disk (nodeHost): the same manifests, and the same diagnostics
 * for a component file that is there, missing, a folder, or outside the spec's folder.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { pageHost } from '../../playground/src/pageHost.js';
import { repoRoot } from '../helpers.js';

/** The files under `dir`, by their paths relative to it. */
function filesOf(dir: string, at = dir): Record<string, string> {
  return Object.fromEntries(
    readdirSync(at).flatMap((name) => (statSync(join(at, name)).isDirectory() ? Object.entries(filesOf(dir, join(at, name))) : [[relative(dir, join(at, name)), readFileSync(join(at, name), 'utf8')]])),
  );
}

/** compile() of spec.yaml among `files`: from the page's host, and from disk (a folder of its own). */
function bothWays(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'kft-page-host-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const source = { path: 'spec.yaml', text: files['spec.yaml']! };
    return { page: compile(source, { host: pageHost(files) }), disk: compile(source) };
  } finally {
    process.chdir(cwd);
  }
}

const hello = filesOf(join(repoRoot, 'examples', 'hello'));
const withComponent = (file: string) => ({ ...hello, 'spec.yaml': hello['spec.yaml']!.replace('{file: components/say.yaml}', `{file: ${file}}`) });

describe('the playground page host', () => {
  it.each(['hello', 'python-components'])('builds examples/%s as from disk', (name) => {
    const { page, disk } = bothWays(filesOf(join(repoRoot, 'examples', name)));
    expect(page.ok).toBe(true);
    expect(page.text).toBe(disk.text);
  });

  it.each([
    ['missing', 'components/none.yaml', 'file-not-found'],
    ['a folder', 'components', 'file-unreadable'],
    ['a folder (trailing slash)', 'components/', 'file-unreadable'],
    ['outside the spec folder', '../say.yaml', undefined],
  ])('reports a component file that is %s as from disk', (_, file, code) => {
    const { page, disk } = bothWays(withComponent(file));
    expect(page.ok).toBe(false);
    expect(page.diagnostics).toEqual(disk.diagnostics);
    if (code) expect(page.diagnostics.map((d) => d.code)).toContain(code);
  });
});
