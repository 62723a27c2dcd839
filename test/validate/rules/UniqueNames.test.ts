import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const echo = 'components: {echo: {implementation: {container: {image: alpine}}}}';

describe('UniqueNames', () => {
  it('accepts distinct names', () => {
    expect(compileText(doc(echo, 'tasks: {a: {component: echo}, b: {component: echo}}')).diagnostics).toEqual([]);
  });

  it('reports two names that become one Tekton name, at the later one', () => {
    const text = doc(echo, 'tasks:', '  My_Task: {component: echo}', '  my-task: {component: echo}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'my-task')} name-collision`]);
    expect(result.diagnostics[0]!.message).toBe("'my-task' and 'My_Task' both become the Tekton name 'my-task'");
  });
});
