/** The library API as docs/library.md shows it: compile from memory through a host, typed results, the catalogue and the schema. */
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, compile, pipelineSchema, type CompileHost, type CompileResult } from '../src/index.js';

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: from-memory}
spec:
  components:
    say: {file: components/say.yaml}
  tasks:
    hello: {component: say, arguments: {message: hi}}
`;
const component = `name: say
inputs: [{name: message, type: String}]
implementation: {container: {image: alpine, command: [echo, {inputValue: message}]}}
`;

describe('library API', () => {
  const files = new Map([['pipelines/components/say.yaml', component]]);
  const host: CompileHost = { readFile: (path) => files.get(relative(process.cwd(), path).replace(/\\/g, '/')) };

  it('compiles a spec whose component file comes from a host', () => {
    const result: CompileResult = compile({ path: 'pipelines/spec.yaml', text: spec }, { host, apiVersion: 'v1beta1' });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.manifests.map((m) => [m.apiVersion, m.kind, m.name])).toEqual([['tekton.dev/v1beta1', 'PipelineRun', 'from-memory']]);
    expect(result.text).toContain('kind: PipelineRun');
  });

  it('returns diagnostics, never throws, and nothing half-built on errors', () => {
    files.clear();
    const result = compile({ path: 'pipelines/spec.yaml', text: spec }, { host });
    expect(result.ok).toBe(false);
    expect(result.manifests).toEqual([]);
    expect(result.text).toBe('');
    expect(result.diagnostics[0]).toMatchObject({ code: 'file-not-found', severity: 'error', range: { file: 'pipelines/spec.yaml', line: 6 } });
    expect(catalogue['file-not-found'].fix).toBeTruthy();
  });

  it('exports the bundled schema', () => {
    expect(pipelineSchema()).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', definitions: { ComponentSpec: expect.any(Object) } });
  });
});
