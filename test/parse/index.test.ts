/**
 * parse(): component files referenced by path stay inside the spec's directory tree (`..`,
 * absolute paths and symbolic links are all checked on the real path) unless the user allows it,
 * and a URL is an error: a build never touches the network.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { nodeHost, type CompileHost } from '../../src/host.js';
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

const echoComponent = `name: echo
inputs: [{name: msg}]
implementation: {container: {image: alpine, command: [echo, {inputValue: msg}]}}
`;

const specWith = (file: string) => `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: files}
spec:
  components:
    echo: {file: ${JSON.stringify(file)}}
  tasks:
    hello: {component: echo, arguments: {msg: hi}}
`;

let root: string;
let specDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kft-parse-'));
  specDir = join(root, 'project');
  mkdirSync(join(specDir, 'components'), { recursive: true });
  writeFileSync(join(specDir, 'components', 'echo.yaml'), echoComponent);
  writeFileSync(join(specDir, '..echo.yaml'), echoComponent);
  writeFileSync(join(root, 'outside.yaml'), echoComponent);
  symlinkSync(join(root, 'outside.yaml'), join(specDir, 'components', 'link-out.yaml'));
  symlinkSync(join(specDir, 'components', 'echo.yaml'), join(specDir, 'link-in.yaml'));
  symlinkSync(root, join(specDir, 'components', 'up'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = (file: string, allowOutsideRoot = false, host: CompileHost = nodeHost) =>
  compile({ path: join(specDir, 'spec.yaml'), text: specWith(file) }, { allowOutsideRoot, host, kfpMetadata: false });
const codes = (r: ReturnType<typeof build>) => r.diagnostics.map((d) => d.code);

describe('component files', () => {
  it('loads a file inside the spec directory, also through a link that stays inside', () => {
    expect(codes(build('components/echo.yaml'))).toEqual([]);
    expect(codes(build('./components/../components/echo.yaml'))).toEqual([]);
    expect(codes(build('link-in.yaml'))).toEqual([]);
  });

  it('a name that merely starts with two dots is inside the tree', () => {
    expect(codes(build('..echo.yaml'))).toEqual([]);
  });

  it.each([
    ['a parent path', '../outside.yaml'],
    ['a path that climbs out and back', 'components/../../outside.yaml'],
    ['an absolute path', '/etc/passwd'],
    ['a symbolic link to a file outside', 'components/link-out.yaml'],
    ['a symbolic link to a directory outside', 'components/up/outside.yaml'],
  ])('rejects %s with file-outside-root, without reading it', (_, file) => {
    const read: string[] = [];
    const spy: CompileHost = { realpath: nodeHost.realpath, readFile: (p) => (read.push(p), nodeHost.readFile(p)) };
    const result = build(file, false, spy);
    expect(codes(result)).toEqual(['file-outside-root']);
    expect(result.diagnostics[0]!.range?.line).toBe(6);
    expect(read).toEqual([]);
  });

  it('loads a file outside the tree when allowed', () => {
    expect(codes(build('../outside.yaml', true))).toEqual([]);
    expect(codes(build('components/link-out.yaml', true))).toEqual([]);
  });

  it.each(['https://example.com/component.yaml', 'http://10.0.0.1/c.yaml', 'file:///etc/passwd', 'git+ssh://host/repo.yaml', 'HTTPS://EXAMPLE.COM/c.yaml'])(
    'rejects the URL %s with remote-reference, even when outside files are allowed, and reads nothing',
    (url) => {
      const read: string[] = [];
      const spy: CompileHost = { realpath: nodeHost.realpath, readFile: (p) => (read.push(p), undefined) };
      const result = build(url, true, spy);
      expect(codes(result)).toEqual(['remote-reference']);
      expect(read).toEqual([]);
    },
  );

  it('says what is there instead of a readable file: a directory, a device, or nothing', () => {
    symlinkSync('/dev/zero', join(specDir, 'zero.yaml'));
    const messages = (r: ReturnType<typeof build>) => r.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages(build('zero.yaml', true))).toEqual(["file-unreadable: component file 'zero.yaml' is not a regular file (a pipe, a socket or a device)"]);
    expect(messages(build('components'))).toEqual(["file-unreadable: component file 'components' is a directory"]);
    expect(build('components/').diagnostics[0]?.hint).toBe("Name the component's YAML file in it, e.g. components/component.yaml.");
    expect(messages(build('components/nope.yaml'))).toEqual(["file-not-found: component file 'components/nope.yaml' was not found"]);
  });

  it('a host without kindOf (no file system of its own) reports any unreadable file as not found', () => {
    const host: CompileHost = { realpath: nodeHost.realpath, readFile: () => undefined };
    expect(codes(build('components', false, host))).toEqual(['file-not-found']);
  });

  it('component files are subject to the same read limits', () => {
    writeFileSync(join(specDir, 'bomb.yaml'), 'a: &a [x, x, x, x, x, x, x, x, x, x]\n' + Array.from({ length: 8 }, (_, i) => `b${i}: &b${i} [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`).join('\n') + '\n');
    const parsed = parse({ path: join(specDir, 'spec.yaml'), text: specWith('bomb.yaml') }, { host: nodeHost, limits: { maxBytes: 1 << 20, maxNodes: 10_000, maxDepth: 64 } });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['input-limit']);
    expect(parsed.diagnostics[0]!.range?.file).toBe(join(specDir, 'bomb.yaml'));
  });
});

describe('parse: bytes', () => {
  const at = (r: { diagnostics: readonly { code: string; range?: { line: number; column: number } }[] }) => r.diagnostics.map((d) => `${d.range?.line}:${d.range?.column} ${d.code}`);
  const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
  const host = (files: Record<string, Uint8Array | string>): CompileHost => ({ readFile: (p) => files[p], realpath: (p) => p });

  it('decodes a spec given as bytes, and reports a byte that is not UTF-8 at its line and column', () => {
    expect(parse({ path: 's.yaml', bytes: new Uint8Array(Buffer.from('a: café\n')) }, { host: host({}) }).spec?.value).toEqual({ a: 'café' });
    const r = parse({ path: 's.yaml', bytes: latin1('a: 1\nb: caf\xe9\n') }, { host: host({}) });
    expect(at(r)).toEqual(['2:7 file-encoding']);
    expect(r.diagnostics[0]!.message).toBe('byte 0xE9 (at byte offset 11) is not valid UTF-8');
  });

  it('reads component files from a host that returns bytes (UTF-8 or UTF-16) or text', () => {
    const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(component, 'utf16le')]));
    for (const content of [new Uint8Array(Buffer.from(component)), utf16, component]) {
      const r = parse({ path: '/repo/pipelines/spec.yaml', text: spec('c.yaml') }, { host: host({ '/repo/pipelines/c.yaml': content }) });
      expect(r.diagnostics).toEqual([]);
      expect(r.componentFiles.get('c')?.value).toEqual({ name: 'c', implementation: { container: { image: 'alpine' } } });
    }
    const bad = parse({ path: '/repo/pipelines/spec.yaml', text: spec('c.yaml') }, { host: host({ '/repo/pipelines/c.yaml': latin1('name: c\n# \xe9\n') }) });
    expect(bad.diagnostics.map((d) => `${d.range?.file}:${d.range?.line}:${d.range?.column} ${d.code}`)).toEqual(['/repo/pipelines/c.yaml:2:3 file-encoding']);
  });

  it('refuses bytes over the size limit before decoding them', () => {
    const r = parse({ path: 's.yaml', bytes: new Uint8Array(Buffer.from(`a: ${'漢'.repeat(40)}\n`)) }, { host: host({}), limits: { maxBytes: 100, maxNodes: 1000, maxDepth: 10 } });
    expect(r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['input-limit input rejected: the file is 124 bytes; the limit is 100']);
  });

  it('reads component files as leniently as kfp (with a warning), specs strictly', () => {
    const flow = 'name: c\nimplementation:\n  container:\n    image: alpine\n    command: [\necho, hi]\n';
    const r = parse({ path: '/repo/pipelines/spec.yaml', text: spec('c.yaml') }, { host: host({ '/repo/pipelines/c.yaml': flow }) });
    expect(r.diagnostics.map((d) => `${d.range?.line}:${d.range?.column} ${d.severity} ${d.code}`)).toEqual(['6:1 warning yaml-nonportable']);
    expect(r.componentFiles.get('c')?.value).toMatchObject({ implementation: { container: { command: ['echo', 'hi'] } } });
    expect(parse({ path: 's.yaml', text: flow }, { host: host({}) }).diagnostics.map((d) => d.code)).toContain('yaml-syntax');
  });
});
