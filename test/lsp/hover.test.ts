/**
 * Hover over the protocol, against the built `kft lsp` on fixtures/lsp/workspace: schema
 * descriptions of fields, a component's signature at `component:`, what a reference resolves to,
 * what an argument, param or task name declares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.js';
import { positionOf, startClient, uriOf, type Client } from './client.js';

const dir = join(fixturesDir, 'lsp', 'workspace');
const uri = uriOf(join(dir, 'spec.yaml'));
const text = readFileSync(join(dir, 'spec.yaml'), 'utf8');

let client: Client;
beforeAll(async () => {
  client = await startClient({ root: dir });
  await client.open(uri, text);
});
afterAll(() => client.stop());

async function hoverAt(needle: string, delta = 1, nth = 0, at = text): Promise<string | undefined> {
  if (at !== text) await client.change(uri, at);
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(at, needle, delta, nth) });
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

describe('hover', () => {
  it('shows the schema description of a field', async () => {
    const value = await hoverAt('arguments:', 2, 1);
    // The task's own description of the field (over that of the Arguments definition it refers to).
    expect(value).toBe("**Arguments**\n\nValues for the component's inputs by input name: constants or strings with {{params.P}} / {{tasks.T.outputs.O}} references.");
    expect(await hoverAt('description: Greets', 2)).toContain('**Description**');
  });

  it("shows a task's component signature at `component:`", async () => {
    expect(await hoverAt('component: train', 'component: t'.length)).toBe(
      '**component `train`** (components/train.yaml)\n\nTrains a model for a number of epochs.\n\nInputs:\n' +
        '- `data`: String, required — Training data.\n- `epochs`: Integer, required — How many passes over the data.\n- `rate`: Float = "0.1"\n\n' +
        'Outputs:\n- `model`: String — Where the model was written.',
    );
  });

  it('shows what a reference resolves to', async () => {
    expect(await hoverAt('{{tasks.greet.outputs.said}}', 10)).toBe('`{{tasks.greet.outputs.said}}`: output said (String) of task greet (component say)\n\nThe message that was printed.');
    expect(await hoverAt('{{params.who}}', 10)).toBe('`{{params.who}}`: pipeline param who: String = "world"\n\nWho to greet.');
    expect(await hoverAt('{{params.text}}', 10)).toBe('`{{params.text}}`: graph param text: String');
    expect(await hoverAt('{{item.name}}', 4)).toBe('`{{item.name}}`: field name of the current item of loop each');
    expect(await hoverAt('{{tasks.greet.status}}', 4)).toBe('`{{tasks.greet.status}}`: the status of task greet: Succeeded, Failed or None');
  });

  it('says why a reference does not resolve', async () => {
    const broken = text.replace('{{tasks.greet.outputs.said}}', '{{tasks.greet.outputs.sad}}');
    expect(await hoverAt('{{tasks.greet.outputs.sad}}', 4, 0, broken)).toBe("`{{tasks.greet.outputs.sad}}` does not resolve: task 'greet' has no output 'sad'\n\nDid you mean 'said'?");
    await client.change(uri, text);
  });

  it('describes argument names, params, tasks and components where they are declared', async () => {
    expect(await hoverAt('epochs: "{{params.epochs}}"', 1)).toBe('**input `epochs`** of component `train`: Integer, required\n\nHow many passes over the data.');
    expect(await hoverAt('who: {type', 1)).toBe('**pipeline param `who`**: String = "world"\n\nWho to greet.');
    expect(await hoverAt('    fit:', 5)).toMatch(/^\*\*fit\*\*: task \(component train\)\n\n\*\*component `train`\*\*/);
    expect(await hoverAt('    each:', 5)).toBe('**each**: loop');
    expect(await hoverAt('after: [fit]', 'after: [f'.length)).toMatch(/^\*\*fit\*\*: task/);
    expect(await hoverAt('text: "{{tasks', 1)).toBe('**graph twice param `text`**: String, required');
    expect(await hoverAt('graph: twice', 8)).toBe('**graph `twice`**\n\nSays something twice.\n\nParams:\n- `text`: String, required');
  });

  it('describes the fields of a component file', async () => {
    const trainPath = join(dir, 'components', 'train.yaml');
    const trainUri = uriOf(trainPath);
    const train = readFileSync(trainPath, 'utf8');
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: trainUri, languageId: 'yaml', version: 1, text: train } });
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: trainUri }, position: positionOf(train, 'implementation:', 3) });
    expect((hover!.contents as MarkupContent).value).toMatch(/^\*\*Implementation\*\*\n\n/);
    client.close(trainUri);
  });

  it('is silent where there is nothing to say', async () => {
    expect(await hoverAt('# The language server', 5)).toBeUndefined();
  });
});
