import { describe, expect, it } from 'vitest';
import { build } from '../../lower/loopSpecs.js';

describe('LoopItemFields', () => {
  it('accepts a field every static item has, and fields of lists known only at run time', () => {
    expect(build(`
    each:
      loop: {items: [{a: 1}, {a: 2, b: 3}]}
      tasks:
        show: {component: echo, arguments: {msg: '{{item.a}}'}}
    dyn:
      loop: {from: '{{params.names}}'}
      tasks:
        show2: {component: echo, arguments: {msg: '{{item.anything}}'}}
`).ok).toBe(true);
  });

  it('reports a field that some or all items lack, and fields of scalar items', () => {
    const { messages } = build(`
    each:
      loop: {items: [{a: 1}, {a: 2, b: 3}]}
      tasks:
        show: {component: echo, arguments: {msg: '{{item.b}} {{item.c}}'}}
    nums:
      loop: {items: [1, 2]}
      tasks:
        show2: {component: echo, arguments: {msg: '{{loops.nums.item.x}}'}}
`);
    expect(messages).toEqual([
      "unknown-loop-item-field: {{item.b}}: not every item of loop 'each' has a field 'b'",
      "unknown-loop-item-field: {{item.c}}: the items of loop 'each' have no field 'c'",
      "unknown-loop-item-field: {{loops.nums.item.x}}: the items of loop 'nums' are not objects, so they have no field 'x'",
    ]);
  });
});
