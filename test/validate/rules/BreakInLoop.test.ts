import { describe, expect, it } from 'vitest';
import { build } from '../../lower/loopSpecs.js';

describe('BreakInLoop', () => {
  it('accepts a break in a loop body', () => {
    expect(build(`
    each:
      loop: {items: [1]}
      tasks:
        stop: {break: true}
`).ok).toBe(true);
  });

  it('reports a break outside any loop', () => {
    expect(build(`
    stop: {break: true}
`).messages).toEqual(["break-outside-loop: break 'stop' is not inside a loop"]);
  });
});
