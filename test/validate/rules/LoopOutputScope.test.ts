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
    expect(messages).toEqual(["loop-output-out-of-scope: {{tasks.b.outputs.out}}: 'b' runs inside loop 'inner', so its outputs exist only inside that loop"]);
  });
});

describe('LoopOutputScope on loop outputs', () => {
  it('lets tasks after a loop read its last-idx and last-elem, and not tasks inside it', () => {
    expect(build(`
    each:
      loop: {items: [1, 2]}
      tasks:
        inside: {component: echo, arguments: {msg: '{{tasks.each.outputs.last-idx}}'}}
    after: {component: echo, arguments: {msg: '{{tasks.each.outputs.last-elem}}'}}
`).messages).toEqual(["invalid-reference: {{tasks.each.outputs.last-idx}}: loop 'each' sets last-idx when it ends, so tasks inside it cannot read it"]);
  });
});
