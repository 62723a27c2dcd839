/**
 * Quick fixes over the protocol, against the built `kft lsp`: every "Did you mean" hint of every
 * error fixture becomes a fix, and applying it makes that diagnostic go away (checked with
 * compile()); a missing required argument is added to block and flow tasks alike.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { nodeHost } from '../../src/host.js';
import { fixtureCases, fixturesDir, repoRoot } from '../helpers.js';
import { applyEdits, startClient, uriOf, workspaceDir, type Client } from './client.js';

let client: Client;
beforeAll(async () => {
  client = await startClient({ root: repoRoot });
});
afterAll(() => client.stop());

/** The messages of compile()'s diagnostics in `file`, with `file` (spec or component file) read as `text`. */
function messagesIn(specPath: string, file: string, text: string): string[] {
  const overlay = { readFile: (p: string) => (resolve(p) === file ? text : nodeHost.readFile(p)), realpath: nodeHost.realpath };
  const result = compile({ path: specPath, text: file === specPath ? text : readFileSync(specPath, 'utf8') }, { host: overlay });
  return result.diagnostics.filter((d) => (d.range?.file ?? specPath) === file).map((d) => d.message);
}

const withHint = fixtureCases('errors').filter((name) => readFileSync(join(fixturesDir, 'errors', name, 'diagnostics.txt'), 'utf8').includes('Did you mean'));

describe('Did you mean', () => {
  it.each(withHint)('fixtures/errors/%s: each suggestion is a fix that removes its diagnostic', async (name) => {
    const specPath = join(fixturesDir, 'errors', name, 'spec.yaml');
    const expected = compile({ path: specPath, text: readFileSync(specPath, 'utf8') }).diagnostics.filter((d) => d.hint?.startsWith('Did you mean'));
    const uri = uriOf(specPath);
    const since = client.published.length;
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(specPath, 'utf8') } });
    let fixes = 0;
    for (const file of new Set(expected.map((d) => d.range!.file))) {
      const fileUri = uriOf(file);
      const published = await client.diagnostics(fileUri, (p) => expected.filter((d) => d.range!.file === file).every((e) => p.diagnostics.some((d) => d.code === e.code)), since);
      const text = readFileSync(file, 'utf8');
      for (const diagnostic of published.diagnostics.filter((d: Diagnostic) => typeof d.message === 'string' && d.message.includes('\nhint: Did you mean'))) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: fileUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        expect(actions, diagnostic.message as string).toHaveLength(1);
        const fixed = applyEdits(text, actions[0]!.edit!.changes![fileUri] as TextEdit[]);
        const before = (diagnostic.message as string).split('\nhint: ')[0]!;
        expect(messagesIn(specPath, file, fixed), `${actions[0]!.title} fixes: ${before}`).not.toContain(before);
        fixes++;
      }
    }
    expect(fixes).toBe(expected.length);
    client.close(uri);
  });
});

describe('missing argument', () => {
  const component = `    echo:
      inputs:
        - {name: message}
        - {name: count, type: Integer}
        - {name: times, type: Integer, default: 1}
      implementation: {container: {image: alpine, command: [echo, {inputValue: message}, {inputValue: count}]}}
`;
  const spec = (tasks: string) => `apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata:\n  name: m\nspec:\n  components:\n${component}  tasks:\n${tasks}`;

  it.each([
    // Both message and count are missing; the first diagnostic (by message) is count's.
    ['a flow task without arguments', '    a: {component: echo}\n', '    a: {component: echo, arguments: {count: 0}}\n'],
    ['a flow task with flow arguments', '    a: {component: echo, arguments: {count: 2}}\n', '    a: {component: echo, arguments: {count: 2, message: ""}}\n'],
    ['a block task without arguments', '    a:\n      component: echo\n    b: {component: echo, arguments: {message: x, count: 1}}\n', '    a:\n      component: echo\n      arguments:\n        count: 0\n    b:'],
    ['a block task with block arguments', '    a:\n      component: echo\n      arguments:\n        count: 3\n      retries: 1\n', '      arguments:\n        count: 3\n        message: ""\n      retries: 1\n'],
  ])('adds it to %s', async (_, tasks, expectedText) => {
    const text = spec(tasks);
    const dir = workspaceDir({ 'spec.yaml': text });
    const uri = uriOf(join(dir, 'spec.yaml'));
    const published = await client.open(uri, text);
    const missing = published.diagnostics.filter((d) => d.code === 'missing-argument');
    expect(missing.length).toBeGreaterThan(0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing[0]!.range, context: { diagnostics: [missing[0]] } });
    expect(actions.map((a) => a.title)).toEqual([`Add argument '${(missing[0]!.message as string).match(/input '([^']+)'/)![1]}'`]);
    const fixed = applyEdits(text, actions[0]!.edit!.changes![uri] as TextEdit[]);
    expect(fixed).toContain(expectedText);
    const after = compile({ path: join(dir, 'spec.yaml'), text: fixed }).diagnostics.filter((d) => d.code === 'missing-argument');
    expect(after).toHaveLength(missing.length - 1);
    client.close(uri);
  });

  it('fills an empty value of the input type', async () => {
    const text = spec('    a: {component: echo, arguments: {message: hi}}\n');
    const dir = workspaceDir({ 'spec.yaml': text });
    const uri = uriOf(join(dir, 'spec.yaml'));
    const [missing] = (await client.open(uri, text)).diagnostics;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing!.range, context: { diagnostics: [missing] } });
    const fixed = applyEdits(text, actions[0]!.edit!.changes![uri] as TextEdit[]);
    expect(fixed).toContain('arguments: {message: hi, count: 0}');
    expect(compile({ path: join(dir, 'spec.yaml'), text: fixed }).ok).toBe(true);
    client.close(uri);
  });
});
