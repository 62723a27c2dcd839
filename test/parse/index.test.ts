import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse/index.js';

const spec = (file: string) => `apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  components:\n    c: {file: "${file}"}\n  tasks: {t: {component: c}}\n`;
const component = 'name: c\nimplementation: {container: {image: alpine}}\n';

function parseWith(file: string, files: Record<string, string>, realpath: (p: string) => string = (p) => p, allowOutsideRoot = false) {
  return parse({ path: '/repo/pipelines/spec.yaml', text: spec(file) }, { host: { readFile: (p) => files[p], realpath }, allowOutsideRoot });
}

describe('parse', () => {
  it('loads component files relative to the spec and shows their path as the spec was named', () => {
    const parsed = parseWith('components/c.yaml', { '/repo/pipelines/components/c.yaml': component });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.componentFiles.get('c')?.file).toBe('/repo/pipelines/components/c.yaml');
    expect(parsed.componentFiles.get('c')?.value).toMatchObject({ name: 'c' });
  });

  it('reports a missing file at the file field', () => {
    const parsed = parseWith('missing.yaml', {});
    expect(parsed.diagnostics.map((d) => `${d.range?.line}:${d.range?.column} ${d.code}`)).toEqual(['6:15 file-not-found']);
  });

  it('refuses files outside the spec\'s directory, also through a symbolic link, unless allowed', () => {
    const files = { '/repo/shared/c.yaml': component, '/repo/pipelines/link.yaml': component };
    expect(parseWith('../shared/c.yaml', files).diagnostics.map((d) => d.code)).toEqual(['file-outside-root']);
    expect(parseWith('/etc/passwd', files).diagnostics.map((d) => d.code)).toEqual(['file-outside-root']);
    const viaLink = parseWith('link.yaml', files, (p) => (p === '/repo/pipelines/link.yaml' ? '/repo/shared/c.yaml' : p));
    expect(viaLink.diagnostics.map((d) => d.code)).toEqual(['file-outside-root']);
    expect(parseWith('../shared/c.yaml', files, undefined, true).diagnostics).toEqual([]);
  });

  it('refuses URLs: builds never use the network', () => {
    expect(parseWith('https://example.com/c.yaml', {}).diagnostics.map((d) => d.code)).toEqual(['remote-reference']);
  });

  it('reports YAML errors inside a component file at the file\'s own position', () => {
    const parsed = parseWith('c.yaml', { '/repo/pipelines/c.yaml': 'name: c\nname: d\n' });
    expect(parsed.diagnostics.map((d) => `${d.range?.file}:${d.range?.line} ${d.code}`)).toEqual(['/repo/pipelines/c.yaml:2 yaml-duplicate-key']);
  });
});
