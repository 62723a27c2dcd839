/**
 * Components named by URL are read from the local files spec.componentUrls maps them to: exact
 * URLs, or prefixes (ending in '/') mapped to directories; graph components nest (a mapped file may
 * be a graph naming more URLs; an inline componentRef.spec may be one), and a pinned digest is
 * checked against the file.
 */
import { describe, expect, it } from 'vitest';
import { componentDigest, componentUrlMap, urlReferencesIn } from '../../src/parse/componentUrls.js';
import { parse } from '../../src/parse/index.js';
import { readYaml } from '../../src/parse/readYaml.js';

const graph = (tasks: Record<string, string>) =>
  ['name: g', 'implementation:', '  graph:', '    tasks:', ...Object.entries(tasks).map(([id, ref]) => `      ${id}: {componentRef: ${ref}}`), ''].join('\n');
const leaf = 'name: leaf\nimplementation: {container: {image: alpine}}\n';

function parseSpec(urls: Record<string, string>, files: Record<string, string>, component = 'g: {file: g.yaml}') {
  const text = ['apiVersion: kft.dev/v1alpha1', 'kind: Pipeline', 'metadata: {name: p}', 'spec:', `  components: {${component}}`, `  componentUrls: ${JSON.stringify(urls)}`, '  tasks: {t: {component: g}}', ''].join('\n');
  return parse({ path: '/repo/spec.yaml', text }, { host: { readFile: (p) => files[p.replace('/repo/', '')], realpath: (p) => p } });
}

describe('componentUrlMap', () => {
  const doc = (urls: Record<string, string>) => readYaml('s.yaml', JSON.stringify({ spec: { componentUrls: urls } })).document;
  it('maps an exact URL, else the longest prefix ending in / (the rest of the URL under its directory)', () => {
    const map = componentUrlMap(doc({ 'https://x.example/a/': 'v/a', 'https://x.example/a/b/': 'v/ab/', 'https://x.example/a/b/c.yaml': 'exact.yaml' }));
    expect(map('https://x.example/a/b/c.yaml')).toBe('exact.yaml');
    expect(map('https://x.example/a/b/d/e.yaml')).toBe('v/ab/d/e.yaml');
    expect(map('https://x.example/a/z.yaml')).toBe('v/a/z.yaml');
    expect(map('https://x.example/a/')).toBeUndefined();
    expect(map('https://y.example/a/z.yaml')).toBeUndefined();
  });
  it('maps nothing without the field', () => {
    expect(componentUrlMap(readYaml('s.yaml', 'spec: {}').document)('https://x.example/c.yaml')).toBeUndefined();
  });
});

describe('urlReferencesIn', () => {
  it('finds the URLs of a graph, through inline specs that are graphs, with their digests and tasks', () => {
    const text = graph({ A: "{url: 'https://x.example/a.yaml', digest: abc}", B: `{spec: {implementation: {graph: {tasks: {C: {componentRef: {url: 'https://x.example/c.yaml'}}}}}}}` });
    const refs = urlReferencesIn(readYaml('g.yaml', text).document!, '');
    expect(refs.map((r) => [r.url, r.task, r.pointer, r.digest?.value])).toEqual([
      ['https://x.example/a.yaml', 'A', '/implementation/graph/tasks/A/componentRef/url', 'abc'],
      ['https://x.example/c.yaml', 'C', '/implementation/graph/tasks/B/componentRef/spec/implementation/graph/tasks/C/componentRef/url', undefined],
    ]);
  });
});

describe('parse: components named by URL', () => {
  it('reads each mapped URL once, also URLs named by the files it reads (a nested graph)', () => {
    const files = {
      'g.yaml': graph({ A: "{url: 'https://x.example/inner.yaml'}", B: "{url: 'https://x.example/leaf.yaml'}" }),
      'vendor/inner.yaml': graph({ C: "{url: 'https://x.example/leaf.yaml'}" }),
      'vendor/leaf.yaml': leaf,
    };
    const parsed = parseSpec({ 'https://x.example/': 'vendor/' }, files);
    expect(parsed.diagnostics).toEqual([]);
    expect([...parsed.urlComponents.keys()]).toEqual(['https://x.example/inner.yaml', 'https://x.example/leaf.yaml']);
    expect(parsed.urlComponents.get('https://x.example/leaf.yaml')?.file).toBe('/repo/vendor/leaf.yaml');
  });

  it('reports an unmapped URL at the reference, naming the URL and componentUrls, once per URL', () => {
    const parsed = parseSpec({}, { 'g.yaml': graph({ A: "{url: 'https://x.example/a.yaml'}", B: "{url: 'https://x.example/a.yaml'}" }) });
    expect(parsed.diagnostics.map((d) => [d.code, d.range?.file, d.range?.line, d.message])).toEqual([
      ['remote-reference', '/repo/g.yaml', 5, "graph task 'A' names its component by URL (https://x.example/a.yaml), and kft never uses the network"],
    ]);
    expect(parsed.diagnostics[0]!.hint).toContain('spec.componentUrls: {"https://x.example/a.yaml": path/to/component.yaml}');
  });

  it('reports a mapped file that is missing or outside the spec\'s directory', () => {
    const missing = parseSpec({ 'https://x.example/a.yaml': 'vendor/a.yaml' }, { 'g.yaml': graph({ A: "{url: 'https://x.example/a.yaml'}" }) });
    expect(missing.diagnostics.map((d) => [d.code, d.message])).toEqual([['file-not-found', "component file 'vendor/a.yaml' (mapped for https://x.example/a.yaml) was not found"]]);
    const outside = parseSpec({ 'https://x.example/': '../elsewhere/' }, { 'g.yaml': graph({ A: "{url: 'https://x.example/a.yaml'}" }) });
    expect(outside.diagnostics.map((d) => d.code)).toEqual(['file-outside-root']);
  });

  it('warns, once per URL and digest, when the mapped file is not the one the digest pins', () => {
    const ref = (digest: string) => `{url: 'https://x.example/leaf.yaml', digest: ${digest}}`;
    const good = parseSpec({ 'https://x.example/': 'vendor/' }, { 'g.yaml': graph({ A: ref(componentDigest(leaf)) }), 'vendor/leaf.yaml': leaf });
    expect(good.diagnostics).toEqual([]);
    const bad = parseSpec({ 'https://x.example/': 'vendor/' }, { 'g.yaml': graph({ A: ref('f'.repeat(64)), B: ref('f'.repeat(64)) }), 'vendor/leaf.yaml': leaf });
    expect(bad.diagnostics.map((d) => [d.code, d.severity, d.range?.line])).toEqual([['component-digest-mismatch', 'warning', 5]]);
  });

  it('reads a {file: URL} component through the map, and reports it unmapped with both remedies', () => {
    const mapped = parseSpec({ 'https://x.example/leaf.yaml': 'vendor/leaf.yaml' }, { 'vendor/leaf.yaml': leaf }, "g: {file: 'https://x.example/leaf.yaml'}");
    expect(mapped.diagnostics).toEqual([]);
    expect(mapped.componentFiles.get('g')?.value).toMatchObject({ name: 'leaf' });
    const unmapped = parseSpec({}, {}, "g: {file: 'https://x.example/leaf.yaml'}");
    expect(unmapped.diagnostics.map((d) => d.code)).toEqual(['remote-reference']);
    expect(unmapped.diagnostics[0]!.hint).toMatch(/reference it by relative path, or map the URL to it under spec.componentUrls/);
  });
});
