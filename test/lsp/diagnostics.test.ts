/**
 * Diagnostics over the protocol, against the built `kft lsp`: for every error fixture exactly what
 * `kft validate` reports (codes, messages, ranges, hints), in the files they are in; re-checked on
 * every change, on a change to a component file (also one saved on disk), and for a component
 * file opened on its own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { fixtureCases, fixturesDir, repoRoot } from '../helpers.js';
import { lspDiagnosticsText, startClient, uriOf, workspaceDir, type Client } from './client.js';

/** `kft validate`'s diagnostics of a spec, as text per file (absolute paths), the hint on its own line. */
function expectedByFile(specPath: string): Map<string, string> {
  const result = compile({ path: specPath, text: readFileSync(specPath, 'utf8') });
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of result.diagnostics) {
    const file = d.range?.file ?? specPath;
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  return new Map([...byFile].map(([file, list]) => [file, list.map((d) => {
    const r = d.range ?? { line: 1, column: 1 };
    return `${file}:${r.line}:${r.column}: ${d.severity}: ${d.message} [${d.code}]${d.hint ? `\n  hint: ${d.hint}` : ''}\n`;
  }).join('')]));
}

describe('diagnostics', () => {
  let client: Client;
  beforeAll(async () => {
    client = await startClient({ root: repoRoot });
  });
  afterAll(() => client.stop());

  const cases = fixtureCases('errors');
  it.each(cases)('fixtures/errors/%s: the same as kft validate, in the files they are in', async (name) => {
    const specPath = join(fixturesDir, 'errors', name, 'spec.yaml');
    const expected = expectedByFile(specPath);
    const uri = uriOf(specPath);
    const since = client.published.length;
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(specPath, 'utf8') } });
    // The fast check publishes first; when it finds no error, kft validate's full run follows.
    for (const [file, text] of expected) {
      const published = await client.diagnostics(uriOf(file), (p) => lspDiagnosticsText(file, p.diagnostics) === text, since).catch(() => undefined);
      expect(published, `diagnostics of ${file}`).toBeDefined();
    }
    client.close(uri);
  });
});

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata:
  name: demo
spec:
  components:
    say: {file: components/say.yaml}
  tasks:
    hello:
      component: say
      arguments: {message: hi}
`;
const component = `name: say
inputs:
  - {name: message, type: String}
implementation:
  container: {image: alpine:3.19, command: [echo, {inputValue: message}]}
`;

describe('re-checking', () => {
  it('publishes on open and after each change, for that version', async () => {
    const dir = workspaceDir({ 'spec.yaml': spec, 'components/say.yaml': component });
    const client = await startClient({ root: dir });
    const uri = uriOf(join(dir, 'spec.yaml'));
    expect((await client.open(uri, spec)).diagnostics).toEqual([]);
    const broken = await client.change(uri, spec.replace('component: say', 'component: sya'));
    expect(broken.diagnostics.map((d) => [d.code, d.range.start])).toEqual([['unknown-component', { line: 9, character: 17 }]]);
    expect(broken.diagnostics[0]!.message).toBe("task 'hello' uses unknown component 'sya'\nhint: Did you mean 'say'?");
    expect((await client.change(uri, spec)).diagnostics).toEqual([]);
    await client.stop();
  });

  it('runs the whole kft validate once the user pauses: problems found only when lowering show too', async () => {
    // A task in finally whose condition needs a condition task: found by lowering (unsupported-feature).
    const lowering = readFileSync(join(fixturesDir, 'errors', 'condition_in_finally_numeric', 'spec.yaml'), 'utf8');
    const dir = workspaceDir({ 'spec.yaml': lowering });
    const client = await startClient({ root: dir, initializationOptions: { compileDelayMs: 50 } });
    const uri = uriOf(join(dir, 'spec.yaml'));
    const first = await client.open(uri, lowering);
    expect(first.diagnostics).toEqual([]);
    const full = await client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    expect(full.diagnostics.map((d) => d.code)).toEqual(['unsupported-feature']);
    expect(full.version).toBe(1);
    await client.stop();
  });

  it('re-checks the specs using a component file when its unsaved text changes, and puts its problems in it', async () => {
    const dir = workspaceDir({ 'spec.yaml': spec, 'components/say.yaml': component });
    const client = await startClient({ root: dir });
    const uri = uriOf(join(dir, 'spec.yaml'));
    const componentUri = uriOf(join(dir, 'components', 'say.yaml'));
    await client.open(uri, spec);
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: componentUri, languageId: 'yaml', version: 1, text: component } });
    const since = client.published.length;
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: componentUri, version: 2 }, contentChanges: [{ text: component.replace('type: String}', 'typ: String}').replace('{inputValue: message}', '{inputValue: mesage}') }] });
    const inComponent = await client.diagnostics(componentUri, (p) => p.diagnostics.length > 0, since);
    expect(lspDiagnosticsText('say.yaml', inComponent.diagnostics)).toBe(
      "say.yaml:3:21: error: inputs.0: unknown field 'typ' [unknown-field]\n  hint: Did you mean 'type'?\n" +
      "say.yaml:5:64: error: component 'say' has no input 'mesage' [invalid-placeholder]\n  hint: Did you mean 'message'?\n",
    );
    // The spec's own diagnostics stay in the spec (none here), re-published after the re-check.
    const specAgain = await client.diagnostics(uri, () => true, since);
    expect(specAgain.diagnostics).toEqual([]);
    // Fixed: cleared in the component file.
    const fixedSince = client.published.length;
    client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: componentUri, version: 3 }, contentChanges: [{ text: component }] });
    expect((await client.diagnostics(componentUri, () => true, fixedSince)).diagnostics).toEqual([]);
    await client.stop();
  });

  it('finds the spec using a component file opened on its own in the workspace', async () => {
    const broken = component.replace('{inputValue: message}', '{inputValue: mesage}');
    const dir = workspaceDir({ 'pipelines/spec.yaml': spec.replace('components/say.yaml', '../components/say.yaml'), 'components/say.yaml': broken, 'other/unrelated.yaml': 'a: 1\n' });
    const client = await startClient({ root: dir, initializationOptions: { allowOutsideRoot: true, compileDelayMs: 0 } });
    const componentUri = uriOf(join(dir, 'components', 'say.yaml'));
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: componentUri, languageId: 'yaml', version: 1, text: broken } });
    const published = await client.diagnostics(componentUri, (p) => p.diagnostics.length > 0);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['invalid-placeholder']);
    // The spec is not open: its own diagnostics are not published.
    expect(client.published.some((p) => p.uri.endsWith('pipelines/spec.yaml'))).toBe(false);
    await client.stop();
  });

  it('re-checks when a component file changes on disk (the client\'s file watcher)', async () => {
    const dir = workspaceDir({ 'spec.yaml': spec, 'components/say.yaml': component });
    const client = await startClient({ root: dir, watchFiles: true });
    const uri = uriOf(join(dir, 'spec.yaml'));
    await client.open(uri, spec);
    const componentPath = join(dir, 'components', 'say.yaml');
    writeFileSync(componentPath, component.replace('{name: message, type: String}', '{name: text, type: String}').replace('inputValue: message', 'inputValue: text'));
    const since = client.published.length;
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(componentPath), type: 2 }] });
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, since);
    expect(published.diagnostics.map((d) => d.code)).toEqual(['missing-argument', 'unknown-input']);
    await client.stop();
  });

  it('clears the diagnostics of a spec when it is closed, and ignores YAML that is not a spec', async () => {
    const dir = workspaceDir({ 'spec.yaml': spec });
    const client = await startClient({ root: dir });
    const uri = uriOf(join(dir, 'spec.yaml'));
    expect((await client.open(uri, spec)).diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
    const since = client.published.length;
    client.close(uri);
    expect((await client.diagnostics(uri, () => true, since)).diagnostics).toEqual([]);
    const other = uriOf(join(dir, 'workflow.yaml'));
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'yaml', version: 1, text: 'on: push\njobs: {}\n' } });
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
    expect(symbols).toEqual([]);
    expect(client.published.filter((p) => p.uri === other)).toEqual([]);
    await client.stop();
  });
});
