import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  c: {implementation: {container: {image: x}}}'];

describe('KnownWorkspaces', () => {
  it('reports a task workspace the config does not declare, at its key', () => {
    const text = doc(...component, 'tasks:', '  t: {component: c, workspaces: {shard: {}}}', 'config:', '  workspaces: {shared: {emptyDir: {}}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'shard')} unknown-workspace`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'shared'?");
  });

  it('reports a workspace with no source or two sources', () => {
    const text = doc(...component, 'tasks:', '  t: {component: c}', 'config:', '  workspaces:', '    none: {subPath: x}', '    two: {emptyDir: {}, secret: {secretName: s}}');
    expect(where(compileText(text))).toEqual([`${locate(text, 'none')} invalid-workspace`, `${locate(text, 'two')} invalid-workspace`]);
  });
});
