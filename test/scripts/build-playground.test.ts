/**
 * scripts/build-playground.mjs (`npm run playground`): the static files of the playground, with
 * the licences of the bundled packages, the same bytes on every build (into any folder).
 * test/playground/playground.test.ts runs the page in a browser.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// @ts-expect-error: a plain ES module script without types
const { buildPlayground } = (await import('../../scripts/build-playground.mjs')) as { buildPlayground: (outDir: string) => Promise<{ outDir: string }> };

const files = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('build-playground', () => {
  it('writes the same static files on every build', async () => {
    const first = (await buildPlayground(mkdtempSync(join(tmpdir(), 'kft-playground-a-')))).outDir;
    const second = (await buildPlayground(join(mkdtempSync(join(tmpdir(), 'kft-playground-b-')), 'elsewhere'))).outDir;
    expect(Object.keys(files(first))).toEqual(['THIRD-PARTY-LICENSES.txt', 'index.html', 'mermaid.js', 'playground.css', 'playground.js']);
    expect(files(second)).toEqual(files(first));

    expect(readFileSync(join(first, 'index.html'), 'utf8')).toContain('<script src="playground.js"></script>');
    const licences = readFileSync(join(first, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const pkg of ['@codemirror/view', '@codemirror/lang-python', 'codemirror-json-schema', 'mermaid', 'yaml', '@noble/hashes', 'pathe']) expect(licences).toMatch(new RegExp(`^${pkg.replace('/', '\\/')} \\d+\\.\\d+\\.\\d+ `, 'm'));
  }, 120_000);
});
