import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const echo = 'components: {c: {implementation: {container: {image: alpine}}}}';

describe('KnownDependencies', () => {
  it('reports an unknown name in after, at the list item', () => {
    const text = doc(echo, 'tasks:', '  first: {component: c}', '  second: {component: c, after: [first, frist]}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'frist')} unknown-task`]);
    expect(result.diagnostics[0]!.hint).toBe("Did you mean 'first'?");
  });

  it('reports a task that runs after itself', () => {
    const text = doc(echo, 'tasks:', '  t: {component: c, after: [t]}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 't]')} dependency-cycle`]);
  });
});
