/**
 * Completion over the protocol, against the built `kft lsp` on fixtures/lsp/workspace: schema
 * fields and enum values, component and task names, argument names (required first, with types),
 * and inside `{{...}}` only references that resolve there. While the YAML is broken, the last
 * good model still answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, MarkupContent } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.js';
import { applyEdits, positionOf, startClient, uriOf, type Client } from './client.js';

const dir = join(fixturesDir, 'lsp', 'workspace');
const specPath = join(dir, 'spec.yaml');
const uri = uriOf(specPath);
const original = readFileSync(specPath, 'utf8');

let client: Client;
beforeAll(async () => {
  client = await startClient({ root: dir });
  await client.open(uri, original);
});
afterAll(() => client.stop());

/** Completion at `needle` (+delta) after replacing the text with `text`. */
async function complete(text: string, needle: string, delta = needle.length, nth = 0): Promise<CompletionItem[]> {
  await client.change(uri, text);
  return client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, delta, nth) });
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const docOf = (item: CompletionItem | undefined) => (item?.documentation as MarkupContent | undefined)?.value ?? '';

describe('completion', () => {
  it('offers the fields a task may have, with their descriptions, on a key typed without its colon', async () => {
    const text = original.replace('      component: say\n', '      component: say\n      ret\n');
    const items = await complete(text, '      ret');
    expect(labels(items)).toContain('retries');
    expect(labels(items)).not.toContain('component'); // written already
    expect(labels(items)).not.toContain('loop'); // a task, not a loop: narrowed by its `component`
    const retries = items.find((i) => i.label === 'retries')!;
    expect(docOf(retries)).toContain('Retries');
    // Replaces the typed word with `retries: `.
    expect(applyEdits(text, [retries.textEdit as never])).toContain('      retries: \n');
  });

  it('offers enum values', async () => {
    const text = original.replace('      component: say\n', '      component: say\n      imagePullPolicy: \n');
    expect(labels(await complete(text, 'imagePullPolicy: '))).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('offers component names after `component:`, with their signatures', async () => {
    const items = await complete(original, 'component: say', 'component: '.length);
    expect(labels(items)).toEqual(['say', 'train', 'echo']);
    expect(docOf(items.find((i) => i.label === 'train'))).toContain('`epochs`: Integer, required');
  });

  it('offers task names in `after`, not the task itself', async () => {
    const text = original.replace('after: [fit]', 'after: [fit, ]');
    const items = await complete(text, 'after: [fit, ');
    expect(labels(items)).toEqual(expect.arrayContaining(['greet', 'fit', 'each']));
    expect(labels(items)).not.toContain('repeat');
  });

  it('offers the inputs a task does not pass yet, required first, with types', async () => {
    const text = original.replace('        epochs: "{{params.epochs}}"\n', '        epochs: "{{params.epochs}}"\n        \n').replace('        data: "{{tasks.greet.outputs.said}}"\n', '');
    const items = await complete(text, '        epochs: "{{params.epochs}}"\n        ');
    expect(labels(items)).toEqual(['data', 'rate']);
    expect(items.map((i) => i.detail)).toEqual(['String, required', 'Float = "0.1"']);
  });

  it('offers params, tasks and only the outputs that exist inside {{', async () => {
    const text = original.replace('"hello, {{params.who}}"', '"hello, {{params.}}"');
    expect(labels(await complete(text, 'hello, {{params.'))).toEqual(['who', 'epochs']);
    expect(labels(await complete(text, '{{params.', undefined, 0))).toEqual(['text']); // in graph twice: its own params
    const tasks = original.replace('data: "{{tasks.greet.outputs.said}}"', 'data: "{{tasks.}}"');
    expect(labels(await complete(tasks, 'data: "{{tasks.'))).toEqual(expect.arrayContaining(['greet', 'each', 'repeat', 'report']));
    const outputs = original.replace('data: "{{tasks.greet.outputs.said}}"', 'data: "{{tasks.greet.outputs.}}"');
    const items = await complete(outputs, 'data: "{{tasks.greet.outputs.');
    expect(labels(items)).toEqual(['said']);
    expect(items[0]!.detail).toBe('output said (String) of task greet (component say)');
  });

  it('completes a reference segment by segment, closing it at the end', async () => {
    const text = original.replace('data: "{{tasks.greet.outputs.said}}"', 'data: "{{tasks.gr');
    const [greet] = await complete(text, 'data: "{{tasks.gr');
    expect(greet).toMatchObject({ label: 'greet', textEdit: { newText: 'greet.' } });
    const next = applyEdits(text, [greet!.textEdit as never]);
    const [outputs] = await complete(next, 'data: "{{tasks.greet.');
    expect(outputs).toMatchObject({ label: 'outputs', textEdit: { newText: 'outputs.' } });
    const last = await complete(applyEdits(next, [outputs!.textEdit as never]), 'data: "{{tasks.greet.outputs.');
    expect(applyEdits(applyEdits(next, [outputs!.textEdit as never]), [last[0]!.textEdit as never])).toContain('data: "{{tasks.greet.outputs.said}}\n');
  });

  it('offers loop item fields and enclosing loops inside a loop, statuses in finally', async () => {
    const item = original.replace('{{item.name}}', '{{item.}}');
    expect(labels(await complete(item, '{{item.'))).toEqual(['name', 'size']);
    const loops = original.replace('{{loops.each.index}}', '{{loops.}}');
    expect(labels(await complete(loops, '{{loops.'))).toEqual(['each']);
    const status = original.replace('{{tasks.greet.status}}', '{{tasks.greet.}}');
    expect(labels(await complete(status, 'greet {{tasks.greet.'))).toEqual(['outputs', 'status']);
    // Outside finally a task has no status to read, and outside a loop there is no item.
    const outside = original.replace('message: "hello, {{params.who}}"', 'message: "{{}}"');
    expect(labels(await complete(outside, 'message: "{{'))).toEqual(['params', 'tasks']);
  });

  it('offers the Argo variables kfp-tekton maps in a component command line', async () => {
    const text = original.replace('command: [echo, {inputValue: msg}, {inputValue: times}]', 'command: [echo, "{{workflow.}}", {inputValue: msg}]');
    expect(labels(await complete(text, '{{workflow.'))).toEqual(['uid', 'name', 'namespace', 'parameters']);
    const params = original.replace('command: [echo, {inputValue: msg}, {inputValue: times}]', 'command: [echo, "{{workflow.parameters.}}"]');
    expect(labels(await complete(params, '{{workflow.parameters.'))).toEqual(['who', 'epochs']);
  });

  it('offers input names in placeholders', async () => {
    const text = original.replace('{inputValue: times}', '{inputValue: }');
    expect(labels(await complete(text, '{inputValue: ', undefined, 1))).toEqual(['msg', 'times']);
  });

  it('keeps the last good model while the YAML is broken', async () => {
    const broken = original.replace('    fit:\n', '    fit: [\n').replace('    greet:\n      component: say', '    greet:\n      component: ');
    const published = await client.change(uri, broken);
    expect(published.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(broken, '      component: ', '      component: '.length) });
    expect(labels(items)).toEqual(['say', 'train', 'echo']);
  });

  it('completes in a component file with the component schema and its own names', async () => {
    const trainPath = join(dir, 'components', 'train.yaml');
    const trainUri = uriOf(trainPath);
    const train = readFileSync(trainPath, 'utf8');
    await client.change(uri, original);
    client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: trainUri, languageId: 'yaml', version: 1, text: train } });
    const keys = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: trainUri }, position: positionOf(train, 'outputs:', 0) });
    expect(labels(keys)).toEqual(expect.arrayContaining(['outputs', 'metadata']));
    const placeholder = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: trainUri }, position: positionOf(train, '{outputPath: model}', '{outputPath: '.length) });
    expect(labels(placeholder)).toEqual(['model']);
    client.close(trainUri);
  });
});
