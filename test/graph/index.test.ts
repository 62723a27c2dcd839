/**
 * specGraph(): the task graph of a spec through the library (parse and validate, component files
 * through the host), as `kft graph` and the playground draw it; no graph for a spec with errors.
 */
import { describe, expect, it } from 'vitest';
import { renderMermaid, specGraph } from '../../src/graph/index.js';

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: demo}
spec:
  components:
    c: {file: components/c.yaml}
  tasks:
    first: {component: c}
    second: {component: c, arguments: {x: "{{tasks.first.outputs.out}}"}}
`;
const component = `name: c
inputs: [{name: x, type: String, optional: true}]
outputs: [{name: out, type: String}]
implementation: {container: {image: alpine, command: [sh, -c, 'echo > $0', {outputPath: out}]}}
`;

describe('specGraph', () => {
  const host = { readFile: (path: string) => (path.endsWith('/components/c.yaml') ? component : undefined) };

  it('draws the tasks and the data edges, reading component files through the host', () => {
    const { graph, diagnostics } = specGraph({ path: 'spec.yaml', text: spec }, { host });
    expect(diagnostics).toEqual([]);
    expect(renderMermaid(graph!)).toBe('flowchart TD\n  n0["first"]\n  n1["second"]\n  n0 -->|"out"| n1\n');
  });

  it('gives no graph, and the diagnostics, when the spec has errors', () => {
    const { graph, diagnostics } = specGraph({ path: 'spec.yaml', text: spec.replace('first: {component: c}', 'first: {component: missing}') }, { host });
    expect(graph).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.range?.line])).toContainEqual(['unknown-component', 8]);
  });
});
