import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = {
  make: { name: 'make', outputs: [{ name: 'out' }], implementation: { container: { image: 'alpine', command: ['sh', '-c', 'echo > $0', { outputPath: 'out' }] } } },
  echo: { name: 'echo', inputs: [{ name: 'text' }], implementation: { container: { image: 'alpine', command: ['echo', { inputValue: 'text' }] } } },
};
const codes = (spec: Record<string, unknown>) => compileSpec({ components, ...spec }).diagnostics.map((d) => d.code);

describe('FinallyDependencies', () => {
  it('lets a finally task read DAG outputs and statuses', () => {
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'echo', arguments: { text: '{{tasks.a.outputs.out}} {{tasks.a.status}}' } } } })).toEqual([]);
  });
  it('forbids after in finally, also inside an exit handler', () => {
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'echo', arguments: { text: 'x' }, after: ['a'] } } })).toEqual(['finally-dependency']);
    expect(codes({ tasks: { h: { tasks: { a: { component: 'make' } }, onExit: { e: { component: 'echo', arguments: { text: 'x' }, after: ['a'] } } } } })).toEqual(['finally-dependency']);
  });
  it('forbids reading finally outputs, from finally or from the DAG', () => {
    expect(codes({ tasks: { a: { component: 'echo', arguments: { text: '{{tasks.f.outputs.out}}' } } }, finally: { f: { component: 'make' } } })).toEqual(['finally-dependency']);
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'make' }, g: { component: 'echo', arguments: { text: '{{tasks.f.outputs.out}}' } } } })).toEqual(['finally-dependency']);
  });
  it('forbids a DAG task running after a finally task', () => {
    expect(codes({ tasks: { a: { component: 'make', after: ['f'] } }, finally: { f: { component: 'make' } } })).toEqual(['finally-dependency']);
  });
  it('forbids mounting the volume of a finally volume task outside its loop, whose name is a finally result', () => {
    const withPvc = { ...components, pvc: { implementation: { volume: { size: '1Gi' } } } };
    const mount = { component: 'echo', arguments: { text: 'x' }, pvolumes: { '/m': 'v' } };
    const build = (spec: Record<string, unknown>) => compileSpec({ components: withPvc, ...spec }).diagnostics.map((d) => d.code);
    expect(build({ tasks: { a: { component: 'make' } }, finally: { v: { component: 'pvc' }, f: mount } })).toEqual(['finally-dependency']);
    expect(build({ tasks: { a: mount }, finally: { v: { component: 'pvc' } } })).toEqual(['finally-dependency']);
    expect(build({ tasks: { v: { component: 'pvc' } }, finally: { f: mount } })).toEqual([]);
    expect(build({ tasks: { a: { component: 'make' } }, finally: { l: { loop: { items: [1] }, tasks: { v: { component: 'pvc' }, f: mount } } } })).toEqual([]);
  });
  it('allows dependencies inside a loop in finally that reach into the loops nested there', () => {
    const nested = { loop: { items: [1] }, tasks: { b: { component: 'echo', arguments: { text: '{{tasks.a.outputs.out}}' } } } };
    expect(codes({ tasks: { w: { component: 'make' } }, finally: { l: { loop: { items: [1] }, tasks: { a: { component: 'make' }, n: nested, c: { component: 'make', after: ['b'] } } } } })).toEqual([]);
    expect(codes({ tasks: { w: { component: 'make' } }, finally: { l: { loop: { items: [1] }, tasks: { n: { loop: { items: [1] }, tasks: { a: { component: 'make' } } } } }, c: { component: 'make', after: ['a'] } } })).toEqual(['finally-dependency']);
  });
  it('forbids afterAny on a finally task, which would run after its sequencer, but not in a loop there or on a standalone sequencer', () => {
    const waiter = { component: 'echo', arguments: { text: 'x' }, afterAny: { tasks: ['f'] } };
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'make' }, w: waiter } })).toEqual(['finally-dependency']);
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'make' }, s: { anySequencer: { tasks: ['f'] } } } })).toEqual([]);
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { l: { loop: { items: [1] }, tasks: { f: { component: 'make' }, w: waiter } } } })).toEqual([]);
  });
  it('forbids after from inside a loop in finally to a task outside it, which would put runAfter on the finally loop task', () => {
    const loop = (after: string) => ({ l: { loop: { items: [1] }, tasks: { c: { component: 'make' }, t: { component: 'make', after: [after] } } } });
    expect(codes({ tasks: { a: { component: 'make' } }, finally: loop('a') })).toEqual(['finally-dependency']);
    expect(codes({ tasks: { a: { component: 'make' } }, finally: { f: { component: 'make' }, ...loop('f') } })).toEqual(['finally-dependency']);
    expect(codes({ tasks: { a: { component: 'make' } }, finally: loop('c') })).toEqual([]);
  });
});
