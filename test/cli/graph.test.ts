/** `kft graph`: mermaid and dot renderings of the task graph. */
import { describe, expect, it } from 'vitest';
import { brokenSpec, kft, tempTree } from './run.js';

const spec = `apiVersion: kft.dev/v1alpha1
kind: Pipeline
metadata: {name: demo}
spec:
  components:
    c:
      inputs: [{name: x, type: String, optional: true}]
      outputs: [{name: out, type: String}]
      implementation: {container: {image: alpine, command: [sh, -c, 'echo > $0', {outputPath: out}]}}
  tasks:
    first: {component: c}
    second: {component: c, arguments: {x: "{{tasks.first.outputs.out}}"}}
    third: {component: c, after: [first]}
  finally:
    cleanup: {component: c}
`;

describe('kft graph', () => {
  const sequencerSpec = spec.replace(/  finally:[\s\S]*/, '    either: {anySequencer: {tasks: [first, third]}}\n');
  const dir = tempTree({ 'spec.yaml': spec, 'bad.yaml': brokenSpec, 'sequencer.yaml': sequencerSpec });

  it('renders mermaid by default: data edges labelled, after edges dotted, finally marked', () => {
    const r = kft(['graph', 'spec.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'flowchart TD',
        '  n0["first"]',
        '  n1["second"]',
        '  n2["third"]',
        '  n3["finally: cleanup"]',
        '  n0 -->|"out"| n1',
        '  n0 -.-> n2',
        '  classDef finally stroke-dasharray: 5 5',
        '  class n3 finally',
        '',
      ].join('\n'),
    );
  });

  it('renders dot', () => {
    const r = kft(['graph', '--format', 'dot', 'spec.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('digraph "demo" {');
    expect(r.stdout).toContain('  n3 [label="cleanup\\n(finally)", style="rounded,dashed"];');
    expect(r.stdout).toContain('  n0 -> n1 [label="out"];');
  });

  it('draws a standalone any-sequencer as a node with "any" edges from the tasks it watches', () => {
    const r = kft(['graph', 'sequencer.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  n3["either<br/>(any-sequencer)"]');
    expect(r.stdout).toContain('  n0 -->|"any"| n3');
    expect(r.stdout).toContain('  n2 -->|"any"| n3');
  });

  it('reports spec errors instead of drawing (exit 1)', () => {
    const r = kft(['graph', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[unknown-component]');
  });
});
