import { describe, expect, it } from 'vitest';
import { build } from '../../lower/loopSpecs.js';

describe('LoopOutputScope', () => {
  it('allows reading outputs of tasks in the same or an enclosing loop', () => {
    expect(build(`
    outer:
      loop: {items: [1]}
      tasks:
        a: {component: echo}
        inner:
          loop: {items: [2]}
          tasks:
            b: {component: echo, arguments: {msg: '{{tasks.a.outputs.out}}'}}
            c: {component: echo, arguments: {msg: '{{tasks.b.outputs.out}}'}}
`).ok).toBe(true);
  });

  it('reports reading an output of a task inside a loop from outside that loop', () => {
    const { messages } = build(`
    outer:
      loop: {items: [1]}
      tasks:
        a: {component: echo}
        inner:
          loop: {items: [2]}
          tasks:
            b: {component: echo}
        c: {component: echo, arguments: {msg: '{{tasks.b.outputs.out}}'}}
`);
    expect(messages).toEqual(["loop-output-out-of-scope: {{tasks.b.outputs.out}}: task 'b' runs inside loop 'inner', so its outputs exist only inside that loop"]);
  });
});
