import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../specs.js';

const components = { echo: { name: 'echo', implementation: { container: { image: 'alpine', command: ['echo', 'hi'] } } } };
const handler = { tasks: { work: { component: 'echo' } }, onExit: { bye: { component: 'echo' } } };
const codes = (spec: Record<string, unknown>) => compileSpec({ components, ...spec }).diagnostics.map((d) => d.code);

describe('ExitHandlerPlacement', () => {
  it('accepts an exit handler at the top level and lowers onExit to finally', () => {
    const result = compileSpec({ components, tasks: { h: handler } });
    expect(result.diagnostics).toEqual([]);
    const spec = (result.manifests[0]!.object.spec as { pipelineSpec: { tasks: { name: string }[]; finally: { name: string }[] } }).pipelineSpec;
    expect([spec.tasks.map((t) => t.name), spec.finally.map((t) => t.name)]).toEqual([['work'], ['bye']]);
  });
  it('rejects an exit handler inside a group, in finally or in a graph', () => {
    expect(codes({ params: { p: { default: 'a' } }, tasks: { c: { if: '{{params.p}} == a', tasks: { h: handler } } } })).toEqual(['exit-handler-placement']);
    expect(codes({ tasks: { w: { component: 'echo' } }, finally: { h: handler } })).toEqual(['exit-handler-placement']);
    expect(codes({ graphs: { g: { tasks: { h: handler } } }, tasks: { w: { component: 'echo' } } })).toContain('exit-handler-placement');
  });
});
