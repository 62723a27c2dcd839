/**
 * Document symbols over the protocol, against the built `kft lsp`: the spec's outline (params,
 * components, graphs with their tasks, tasks and groups nested as written, finally), also while
 * the YAML is broken; a component file's outline is its inputs and outputs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.js';
import { startClient, uriOf, type Client } from './client.js';

const dir = join(fixturesDir, 'lsp', 'workspace');
const uri = uriOf(join(dir, 'spec.yaml'));
const text = readFileSync(join(dir, 'spec.yaml'), 'utf8');

let client: Client;
beforeAll(async () => {
  client = await startClient({ root: dir });
  await client.open(uri, text);
});
afterAll(() => client.stop());

/** The outline as indented `name (kind)` lines. */
function outline(symbols: DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [`${'  '.repeat(depth)}${s.name} (${s.detail})`, ...outline(s.children ?? [], depth + 1)]);
}

describe('document symbols', () => {
  const expected = [
    'who (String = "world")',
    'epochs (Integer = 3)',
    'say (components/say.yaml)',
    'train (components/train.yaml)',
    'echo (component)',
    '  msg (input)',
    '  times (input)',
    'twice (graph)',
    '  text (String, required)',
    '  first (task (component echo))',
    '  second (task (component echo))',
    'greet (task (component say))',
    'fit (task (component train))',
    'each (loop)',
    '  show (task (component echo))',
    'repeat (graph call (twice))',
    'finally (runs after the tasks)',
    '  report (task (component echo))',
  ];

  it('outlines the spec', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(outline(symbols)).toEqual(expected);
    const greet = symbols.find((s) => s.name === 'greet')!;
    expect(greet.selectionRange).toEqual({ start: { line: 33, character: 4 }, end: { line: 33, character: 9 } });
    expect(greet.range.start).toEqual({ line: 33, character: 4 });
    expect(greet.range.end.line).toBe(36);
  });

  it('keeps the outline of the last good model while the YAML is broken', async () => {
    await client.change(uri, text.replace('    fit:\n', '    fit: [\n'));
    expect(outline(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }))).toEqual(expected);
    await client.change(uri, text);
  });

  it('outlines a component file', async () => {
    const trainUri = uriOf(join(dir, 'components', 'train.yaml'));
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: trainUri, languageId: 'yaml', version: 1, text: readFileSync(join(dir, 'components', 'train.yaml'), 'utf8') } });
    expect(outline(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: trainUri } }))).toEqual([
      'train (components/train.yaml)',
      '  data (input)',
      '  epochs (input)',
      '  rate (input)',
      '  model (output)',
    ]);
    client.close(trainUri);
  });
});
