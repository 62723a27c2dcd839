/**
 * Workspace: which documents are specs, when a change is checked (at once after a pause; edits
 * within the window checked together), the full compile after the pause, the last good model
 * while the YAML is broken, and component files mapped to the specs that use them.
 */
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { Workspace, pathOf, type WorkspaceOptions } from '../../src/lsp/workspace.js';
import { uriOf, workspaceDir } from './client.js';

const spec = (component = 'say') => `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: demo}
spec:
  components:
    say: {file: components/say.yaml}
  tasks:
    hello: {component: ${component}, arguments: {message: hi}}
`;
const component = 'name: say\ninputs: [{name: message}]\nimplementation: {container: {image: alpine, command: [echo, {inputValue: message}]}}\n';

function setup(options: WorkspaceOptions) {
  const dir = workspaceDir({ 'spec.yaml': spec(), 'components/say.yaml': component });
  const published: { uri: string; codes: (string | number | undefined)[]; version?: number }[] = [];
  const errors: string[] = [];
  const workspace = new Workspace({ publish: (uri, diagnostics: Diagnostic[], version) => published.push({ uri, codes: diagnostics.map((d) => d.code), version }), error: (m) => errors.push(m) }, options);
  workspace.setRoots([dir]);
  return { dir, workspace, published, errors, uri: uriOf(join(dir, 'spec.yaml')), componentUri: uriOf(join(dir, 'components', 'say.yaml')) };
}

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Workspace', () => {
  it('checks a spec when it opens, and a change after a pause at once', () => {
    const { workspace, published, uri } = setup({ debounceMs: 0, compileDelayMs: 60_000 });
    workspace.open(uri, spec(), 1);
    expect(published).toEqual([{ uri, codes: [], version: 1 }]);
    workspace.change(uri, spec('sya'), 2);
    expect(published.at(-1)).toEqual({ uri, codes: ['unknown-component'], version: 2 });
    workspace.dispose();
  });

  it('checks edits that arrive within the window together, once', () => {
    const { workspace, published, uri } = setup({ debounceMs: 60_000, compileDelayMs: 60_000 });
    workspace.open(uri, spec(), 1);
    workspace.change(uri, spec('s'), 2);
    workspace.change(uri, spec('sy'), 3);
    workspace.change(uri, spec('sya'), 4);
    expect(published.map((p) => p.version)).toEqual([1]);
    // A request needs the current text: the planned check runs now, on the latest edit.
    expect(workspace.spec(uri)!.check.text).toBe(spec('sya'));
    expect(published.map((p) => [p.version, p.codes])).toEqual([[1, []], [4, ['unknown-component']]]);
    workspace.dispose();
  });

  it('runs the full kft validate after the pause, publishing again for the same version', async () => {
    const { workspace, published, uri } = setup({ debounceMs: 0, compileDelayMs: 0 });
    workspace.open(uri, spec(), 1);
    await tick();
    expect(published).toEqual([{ uri, codes: [], version: 1 }, { uri, codes: [], version: 1 }]);
    // With errors, validation is all kft validate reports: no second run.
    workspace.change(uri, spec('sya'), 2);
    await tick();
    expect(published.filter((p) => p.version === 2)).toHaveLength(1);
    workspace.dispose();
  });

  it('keeps the last good model while the YAML is broken', () => {
    const { workspace, uri } = setup({ debounceMs: 0, compileDelayMs: 60_000 });
    workspace.open(uri, spec(), 1);
    workspace.change(uri, spec().replace('  tasks:', '  tasks: ['), 2);
    const view = workspace.spec(uri)!;
    expect(view.check.model).toBeUndefined();
    expect(view.check.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect([...view.lastGood!.model!.pipeline.nodes.keys()]).toEqual(['hello']);
    workspace.dispose();
  });

  it('knows the component files a spec uses and re-checks it when one changes', () => {
    const { workspace, published, uri, componentUri } = setup({ debounceMs: 0, compileDelayMs: 60_000 });
    workspace.open(uri, spec(), 1);
    workspace.open(componentUri, component, 1);
    expect(workspace.componentUses(componentUri).map((u) => [u.component.name, u.spec.uri])).toEqual([['say', uri]]);
    workspace.change(componentUri, component.replace('{inputValue: message}', '{inputValue: mesage}'), 2);
    expect(published.at(-1)).toEqual({ uri: componentUri, codes: ['invalid-placeholder'], version: undefined });
    // Its unsaved text is what the spec's check read.
    expect(workspace.spec(uri)!.check.parsed.componentFiles.get('say')!.text).toContain('mesage');
    workspace.dispose();
  });

  it('ignores documents that are not specs, and drops a spec that stops being one', () => {
    const { workspace, published, dir, uri } = setup({ debounceMs: 0, compileDelayMs: 60_000 });
    const other = uriOf(join(dir, 'notes.yaml'));
    workspace.open(other, 'a: 1\n', 1);
    expect(workspace.spec(other)).toBeUndefined();
    workspace.open(uri, spec('sya'), 1);
    workspace.change(uri, 'a: 1\n', 2);
    expect(workspace.spec(uri)).toBeUndefined();
    expect(published.filter((p) => p.uri === other)).toEqual([]);
    expect(published.at(-1)).toEqual({ uri, codes: [], version: 2 });
    workspace.dispose();
  });
});

describe('pathOf', () => {
  it('reads file URIs, and gives other schemes a path of their own', () => {
    expect(pathOf('file:///tmp/a%20b/spec.yaml')).toBe('/tmp/a b/spec.yaml');
    expect(pathOf('untitled:Untitled-1')).toBe('/untitled_Untitled-1.yaml');
  });
});
