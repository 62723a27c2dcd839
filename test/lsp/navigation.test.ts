/**
 * Definition, references and rename over the protocol, against the built `kft lsp` on
 * fixtures/lsp/workspace. A rename is applied and the result checked with compile(): it must be
 * as valid as before, every use renamed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { fixturesDir } from '../helpers.js';
import { applyEdits, positionOf, startClient, uriOf, type Client } from './client.js';

const dir = join(fixturesDir, 'lsp', 'workspace');
const specPath = join(dir, 'spec.yaml');
const uri = uriOf(specPath);
const text = readFileSync(specPath, 'utf8');
const sayUri = uriOf(join(dir, 'components', 'say.yaml'));
const say = readFileSync(join(dir, 'components', 'say.yaml'), 'utf8');

let client: Client;
beforeAll(async () => {
  client = await startClient({ root: dir });
  await client.open(uri, text);
});
afterAll(() => client.stop());

const at = (needle: string, delta = 1, nth = 0) => ({ textDocument: { uri }, position: positionOf(text, needle, delta, nth) });

/** What a location's range covers, in the spec or say.yaml. */
function spelled(location: Location): string {
  const source = location.uri === uri ? text : location.uri === sayUri ? say : '';
  const lines = source.split('\n');
  const { start, end } = location.range;
  return start.line === end.line ? lines[start.line]!.slice(start.character, end.character) : `${start.line}:${start.character}`;
}

const where = (locations: Location[] | null) => (locations ?? []).map((l) => `${l.uri === uri ? 'spec' : l.uri.split('/').slice(-2).join('/')}:${l.range.start.line + 1}:${spelled(l)}`);

describe('definition', () => {
  it('leads from a reference to its task, param or loop', async () => {
    expect(where(await client.request('textDocument/definition', at('{{params.who}}', 10)))).toEqual(['spec:10:who']);
    expect(where(await client.request('textDocument/definition', at('{{tasks.greet.outputs.said}}', 9)))).toEqual(['spec:34:greet']);
    expect(where(await client.request('textDocument/definition', at('{{loops.each.index}}', 9)))).toEqual(['spec:43:each']);
    expect(where(await client.request('textDocument/definition', at('{{params.text}}', 10)))).toEqual(['spec:29:text']);
    expect(where(await client.request('textDocument/definition', at('after: [fit]', 9)))).toEqual(['spec:38:fit']);
    // {{item...}} names no loop: the innermost one.
    expect(where(await client.request('textDocument/definition', at('{{item.name}}', 4)))).toEqual(['spec:43:each']);
  });

  it("leads from an output name into the component's file", async () => {
    expect(where(await client.request('textDocument/definition', at('{{tasks.greet.outputs.said}}', 24)))).toEqual(['components/say.yaml:6:said']);
  });

  it('leads from `component:` to the component (into its file) and from `graph:` to the graph', async () => {
    expect(where(await client.request('textDocument/definition', at('component: say', 13)))).toEqual(['components/say.yaml:1:']); // the file's start
    expect(where(await client.request('textDocument/definition', at('component: echo', 13)))).toEqual(['spec:15:echo']);
    expect(where(await client.request('textDocument/definition', at('graph: twice', 8)))).toEqual(['spec:26:twice']);
  });

  it('leads from an argument name to the input', async () => {
    expect(where(await client.request('textDocument/definition', at('message: "hello', 2)))).toEqual(['components/say.yaml:4:message']);
  });
});

describe('references', () => {
  it('lists every use of a task, with or without its declaration', async () => {
    const all = await client.request<Location[]>('textDocument/references', { ...at('    greet:', 5), context: { includeDeclaration: true } });
    expect(where(all)).toEqual(['spec:34:greet', 'spec:42:greet', 'spec:51:greet', 'spec:57:greet']);
    const uses = await client.request<Location[]>('textDocument/references', { ...at('    greet:', 5), context: { includeDeclaration: false } });
    expect(where(uses)).toHaveLength(3);
  });

  it('lists the uses of a param and of a component', async () => {
    expect(where(await client.request('textDocument/references', { ...at('epochs: {type', 1), context: { includeDeclaration: true } }))).toEqual(['spec:11:epochs', 'spec:41:epochs']);
    expect(where(await client.request('textDocument/references', { ...at('    echo:', 5), context: { includeDeclaration: false } }))).toEqual(['spec:31:echo', 'spec:32:echo', 'spec:47:echo', 'spec:55:echo']);
  });
});

async function renameAt(needle: string, delta: number, newName: string, nth = 0): Promise<string> {
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(text, needle, delta, nth), newName });
  expect(Object.keys(edit.changes ?? {})).toEqual([uri]);
  return applyEdits(text, edit.changes![uri] as TextEdit[]);
}

const errorsOf = (source: string) => compile({ path: specPath, text: source }).diagnostics.filter((d) => d.severity === 'error');

describe('rename', () => {
  it('renames a task and every reference to it', async () => {
    const renamed = await renameAt('{{tasks.greet.outputs.said}}', 9, 'welcome');
    expect(renamed).not.toMatch(/greet:|tasks\.greet/);
    expect(renamed).toContain('    welcome:\n');
    expect(renamed.match(/tasks\.welcome\./g)).toHaveLength(3);
    expect(errorsOf(renamed)).toEqual([]);
  });

  it('renames a param, and a graph param with the argument names of its calls', async () => {
    const renamed = await renameAt('who: {type', 1, 'name');
    expect(renamed).toContain('name: {type: String');
    expect(renamed).toContain('{{params.name}}');
    expect(errorsOf(renamed)).toEqual([]);
    const graphParam = await renameAt('{{params.text}}', 10, 'words');
    expect(graphParam).toContain('words: {type: String}');
    expect(graphParam).toContain('arguments: {words: "{{tasks.greet.outputs.said}}"}');
    expect(graphParam).not.toMatch(/params\.text/);
    expect(errorsOf(graphParam)).toEqual([]);
  });

  it('renames a loop with its {{loops.L...}} references, a component and a graph', async () => {
    const loop = await renameAt('    each:', 5, 'per-user');
    expect(loop).toContain('{{loops.per-user.index}}');
    expect(errorsOf(loop)).toEqual([]);
    const component = await renameAt('component: echo', 13, 'print');
    expect(component.match(/component: print/g)).toHaveLength(4);
    expect(errorsOf(component)).toEqual([]);
    const graph = await renameAt('graph: twice', 8, 'double');
    expect(graph).toContain('    double:\n');
    expect(errorsOf(graph)).toEqual([]);
  });

  it('prepares a rename on names only, and refuses invalid and taken names', async () => {
    expect(await client.request('textDocument/prepareRename', at('{{tasks.greet.outputs.said}}', 9))).toEqual({ range: { start: { line: 41, character: 23 }, end: { line: 41, character: 28 } }, placeholder: 'greet' });
    expect(await client.request('textDocument/prepareRename', at('image: alpine', 2))).toBeNull();
    await expect(client.request('textDocument/rename', { ...at('    greet:', 5), newName: 'not valid' })).rejects.toThrow(/not a valid name/);
    await expect(client.request('textDocument/rename', { ...at('    greet:', 5), newName: 'fit' })).rejects.toThrow(/already the name of another task/);
  });

  it('renames uses in strings with escapes, and refuses a rename it could not apply to every use', async () => {
    // Escapes elsewhere in the string do not matter: each use is spelled out in the source.
    const escaped = text.replace('message: "hello, {{params.who}}"', 'message: "{{params.who}} \\u0021 {{params.who}}\\n{{params.who}}"');
    await client.change(uri, escaped);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: positionOf(escaped, 'who: {type', 1), newName: 'name' });
    expect(applyEdits(escaped, edit.changes![uri] as TextEdit[])).toContain('"{{params.name}} \\u0021 {{params.name}}\\n{{params.name}}"');
    // A use spelled with an escape inside it cannot be rewritten exactly.
    const spelledOtherwise = text.replace('message: "hello, {{params.who}}"', 'message: "hello, {{params.\\x77ho}}"');
    await client.change(uri, spelledOtherwise);
    await expect(client.request('textDocument/rename', { textDocument: { uri }, position: positionOf(spelledOtherwise, 'who: {type', 1), newName: 'name' })).rejects.toThrow(/rename it by hand/);
    await client.change(uri, text);
  });
});
