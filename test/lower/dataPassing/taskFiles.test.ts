import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const show = { inputs: [{ name: 'f' }], implementation: { container: { image: 'alpine', command: ['cat', { inputPath: 'f' }] } } };
const make = (command: unknown[]) => ({ outputs: [{ name: 'out' }], implementation: { container: { image: 'alpine', command } } });

describe('TaskFiles', () => {
  it('reports an output read as a file that the command line never writes, instead of a reader without a file', () => {
    const result = compileSpec({ components: { make: make(['echo', 'hi']), show }, tasks: { q: { component: 'make' }, r: { component: 'show', arguments: { f: '{{tasks.q.outputs.out}}' } } } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unwritten-output']);
  });
  it('passes an output the command line writes, or a fileOutputs entry names', () => {
    const written = compileSpec({ components: { make: make(['sh', '-c', 'echo hi > $0', { outputPath: 'out' }]), show }, tasks: { q: { component: 'make' }, r: { component: 'show', arguments: { f: '{{tasks.q.outputs.out}}' } } } });
    expect(written.diagnostics).toEqual([]);
    const fileOutput = { outputs: [{ name: 'out' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo hi > /tmp/o'], fileOutputs: { out: '/tmp/o' } } } };
    expect(compileSpec({ components: { make: fileOutput, show }, tasks: { q: { component: 'make' }, r: { component: 'show', arguments: { f: '{{tasks.q.outputs.out}}' } } } }).diagnostics).toEqual([]);
  });
});
