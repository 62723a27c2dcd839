import { describe, expect, it } from 'vitest';
import { build } from '../../lower/loopSpecs.js';

const group = '{apiVersion: custom.tekton.dev/v1alpha1, kind: G}';

describe('CustomGroupOutputScope', () => {
  it('allows reading outputs of tasks in the same or an enclosing custom group, and outer outputs inside a group', () => {
    const result = build(`
    first: {component: echo}
    outer:
      group: ${group}
      tasks:
        a: {component: echo, arguments: {msg: '{{tasks.first.outputs.out}}'}}
        inner:
          group: ${group}
          tasks:
            b: {component: echo, arguments: {msg: '{{tasks.a.outputs.out}}'}}
            c: {component: echo, arguments: {msg: '{{tasks.b.outputs.out}}'}}
`);
    expect(result.messages).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reports reading an output of a task inside a custom group from outside it', () => {
    const { messages } = build(`
    grp:
      group: ${group}
      tasks:
        a: {component: echo}
    after-grp: {component: echo, arguments: {msg: 'got {{tasks.a.outputs.out}}'}}
`);
    expect(messages).toEqual(["custom-group-output-out-of-scope: {{tasks.a.outputs.out}}: 'a' runs inside custom group 'grp', which runs as one custom task; its inner results are not visible outside the group"]);
  });

  it('reports it from a sibling custom group, from a condition outside and from the group\'s own params', () => {
    const { messages } = build(`
    one:
      group: ${group}
      tasks:
        a: {component: echo}
    two:
      group: {apiVersion: custom.tekton.dev/v1alpha1, kind: G, params: {x: '{{tasks.a.outputs.out}}'}}
      tasks:
        b: {component: echo, arguments: {msg: '{{tasks.a.outputs.out}}'}}
    check:
      if: '{{tasks.b.outputs.out}} == yes'
      tasks:
        c: {component: echo}
`);
    expect(messages.map((m) => m.split(': ').slice(0, 2).join(': '))).toEqual([
      'custom-group-output-out-of-scope: {{tasks.a.outputs.out}}',
      'custom-group-output-out-of-scope: {{tasks.a.outputs.out}}',
      'custom-group-output-out-of-scope: {{tasks.b.outputs.out}}',
    ]);
  });

  it('lets a task outside run after a task inside a group (the dependency is on the whole group)', () => {
    const result = build(`
    grp:
      group: ${group}
      tasks:
        a: {component: echo}
    later: {component: echo, after: [a]}
`);
    expect(result.ok).toBe(true);
  });
});
