import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const echo = ['components:', '  echo: {implementation: {container: {image: alpine, command: [echo, hi]}}}'];

describe('GuardedRecursion', () => {
  it('reports a graph that calls itself outside any condition, at the call', () => {
    const text = doc(...echo, 'graphs:', '  g:', '    tasks:', '      show: {component: echo}', '      again: {graph: g}', 'tasks:', '  run: {graph: g}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'again')} unguarded-recursion`]);
    expect(result.diagnostics[0]!.message).toContain('(g → g)');
  });

  it('accepts recursion under an if, also when the condition guards another call of the cycle', () => {
    const guarded = doc(...echo, 'graphs:', '  g:', '    tasks:', '      show: {component: echo}', '      more:', "        if: 'a == b'", '        tasks:', '          again: {graph: g}', 'tasks:', '  run: {graph: g}');
    expect(compileText(guarded).ok).toBe(true);
    const mutual = doc(...echo, 'graphs:', '  a:', '    tasks:', '      more:', "        if: 'a == b'", '        tasks:', '          to-b: {graph: b}', '  b:', '    tasks:', '      to-a: {graph: a}', 'tasks:', '  run: {graph: a}');
    expect(where(compileText(mutual))).toEqual([]);
  });

  it('finds a cycle at the end of a long acyclic chain of graphs, and none in the chain itself', () => {
    // Graphs that cannot be on a cycle are set aside first; the cycle (g40 ⇄ g39) must still be found.
    const n = 40;
    const graphs = Array.from({ length: n }, (_, k) => k + 1).flatMap((i) => [`  g${i}:`, '    tasks:', '      show: {component: echo}', ...(i < n ? [`      call-g${i + 1}: {graph: g${i + 1}}`] : ['      back: {graph: g39}'])]);
    const text = doc(...echo, 'graphs:', ...graphs, 'tasks:', '  run: {graph: g1}');
    expect(where(compileText(text)).filter((line) => line.endsWith('unguarded-recursion'))).toEqual([`${locate(text, 'back')} unguarded-recursion`]);
  });

  it('reports a cycle through other graphs once', () => {
    const text = doc(...echo, 'graphs:', '  a:', '    tasks:', '      to-b: {graph: b}', '  b:', '    tasks:', '      to-a: {graph: a}', 'tasks:', '  run: {graph: a}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'to-a')} unguarded-recursion`]);
  });
});

describe('GuardedRecursion through dependencies', () => {
  it('accepts a call that reads an output of a task inside an if, or runs after one', () => {
    const reads = doc('components:', '  echo: {outputs: [{name: out}], implementation: {container: {image: alpine, command: [echo, {outputPath: out}]}}}',
      'graphs:', '  g:', '    params: {x: {type: String}}', '    tasks:', '      more:', "        if: '{{params.x}} == a'", '        tasks:', '          flip: {component: echo}',
      "      again: {graph: g, arguments: {x: '{{tasks.flip.outputs.out}}'}}", '      after-flip: {graph: g, arguments: {x: b}, after: [flip]}', 'tasks:', '  run: {graph: g, arguments: {x: a}}');
    expect(where(compileText(reads))).toEqual([]);
  });

  it('follows a chain of 100,000 dependencies to find a call unguarded (a worklist, not recursion)', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, k) => k + 1).map((i) => `      t${i}: {component: echo${i < n ? `, after: [t${i + 1}]` : ''}}`);
    const text = doc(...echo, 'graphs:', '  g:', '    tasks:', ...chain, '      again: {graph: g, after: [t1]}', 'tasks:', '  run: {graph: g}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'again')} unguarded-recursion`]);
  }, 300_000);
});
