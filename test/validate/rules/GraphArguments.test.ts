import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const graph = ['components:', '  echo: {implementation: {container: {image: alpine, command: [echo, hi]}}}', 'graphs:', '  g:', '    params:', '      who: {type: String}', '      greeting: {type: String, default: hi}', '      maybe: {type: String, optional: true}', '    tasks:', '      show: {component: echo}'];

describe('GraphArguments', () => {
  it('reports an argument the graph has no param for, at its key, with a suggestion', () => {
    const text = doc(...graph, 'tasks:', '  run: {graph: g, arguments: {who: x, greting: y}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'greting')} unknown-input`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'greeting'?");
  });

  it('reports a required param without argument; defaults and optional params may be left out', () => {
    const text = doc(...graph, 'tasks:', '  run: {graph: g}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'run')} missing-argument`]);
    expect(result.diagnostics[0]!.message).toContain("param 'who'");
  });
});
