import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const echo = ['components:', '  echo: {implementation: {container: {image: alpine, command: [echo, hi]}}}'];

/** Graphs `${prefix}1` … `${prefix}${n}`, each calling the next one `width` times; the last runs one task. */
function chain(prefix: string, n: number, width = 1, last = ['      say: {component: echo}']): string[] {
  const lines: string[] = [];
  for (let k = 1; k < n; k++) {
    lines.push(`  ${prefix}${k}:`, '    tasks:');
    for (let w = 0; w < width; w++) lines.push(`      ${prefix}${k}-call${w}: {graph: ${prefix}${k + 1}}`);
  }
  lines.push(`  ${prefix}${n}:`, '    tasks:', ...last);
  return lines;
}

describe('GraphExpansion', () => {
  it('reports a 5,000-deep chain of graph calls at the call past 64 levels, not as an internal error', () => {
    const text = doc(...echo, 'graphs:', ...chain('g', 5000), 'tasks:', '  start: {graph: g1}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'g64-call0:')} graph-expansion-limit`]);
    expect(result.diagnostics[0]!.message).toBe("graph calls nest more than 64 levels deep: 'g64-call0' calls graph 'g65' at level 65");
  }, 60_000);

  it('accepts exactly 64 nested levels, and lowers them', () => {
    const result = compileText(doc(...echo, 'graphs:', ...chain('g', 64), 'tasks:', '  start: {graph: g1}'));
    expect(where(result)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('measures a doubling chain of 20 levels (a million copies) without expanding it, at the call that crosses the limit', () => {
    const text = doc(...echo, 'graphs:', ...chain('g', 20, 2), 'tasks:', '  start: {graph: g1}');
    const result = compileText(text);
    // g3 holds 2 calls + 2 × 196,606 instances of g4: its second call passes 200,000.
    expect(where(result)).toEqual([`${locate(text, 'g3-call1:')} graph-expansion-limit`]);
    expect(result.diagnostics[0]!.message).toContain("'g3-call1' adds graph 'g4' with 196,606");
  });

  it('compiles a modest doubling chain (6 levels, 32 copies of the last graph)', () => {
    const result = compileText(doc(...echo, 'graphs:', ...chain('g', 6, 2), 'tasks:', '  start: {graph: g1}'));
    expect(result.ok).toBe(true);
    const text = result.manifests.map((m) => JSON.stringify(m.object)).join('\n');
    expect(text.match(/"image":"alpine"/g)).toHaveLength(32);
  });

  it('finds the call past the limit inside a graph measured before at a shallower level', () => {
    // c1 … c40 is measured under `first` (40 levels); under `second` it starts at level 31.
    const text = doc(...echo, 'graphs:', ...chain('c', 40), ...chain('b', 30, 1, ['      b30-call0: {graph: c1}']), 'tasks:', '  first: {graph: c1}', '  second: {graph: b1}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'c34-call0:')} graph-expansion-limit`]);
  });

  it('does not expand recursive calls: they re-run the enclosing instance', () => {
    const recursive = ['  loop:', '    tasks:', '      step: {graph: g1}', '      more:', "        if: 'a == b'", '        tasks:', '          again: {graph: loop}'];
    const text = doc(...echo, 'graphs:', ...recursive, ...chain('g', 10, 2), 'tasks:', '  start: {graph: loop}', '  twice: {graph: loop}');
    expect(where(compileText(text))).toEqual([]);
  });
});
