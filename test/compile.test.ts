import { describe, expect, it } from 'vitest';
import { compile } from '../src/compile.js';

const spec = 'apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  components: {c: {file: c.yaml}}\n  tasks: {t: {component: c}}\n';

describe('compile', () => {
  it('turns an unexpected exception into an internal-error diagnostic, never a throw', () => {
    const host = { readFile: () => { throw new Error('disk on fire'); } };
    const result = compile({ path: 'spec.yaml', text: spec }, { host });
    expect(result.ok).toBe(false);
    expect(result.manifests).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['internal-error', 'kft failed on spec.yaml: disk on fire']]);
  });

  it('returns no manifests and no text when the spec has errors', () => {
    const result = compile({ path: 'spec.yaml', text: spec }, { host: { readFile: () => undefined } });
    expect(result).toMatchObject({ ok: false, manifests: [], text: '' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
  });
});
