import { describe, expect, it } from 'vitest';
import { compileText, doc, locate, where } from '../../specs.js';

const component = ['components:', '  echo: {implementation: {container: {image: x}}}'];

describe('TaskDefaultsTargets', () => {
  it('reports unknown tasks and components in selectors', () => {
    const text = doc(...component, 'tasks:', '  print: {component: echo}', 'config:', '  taskDefaults:', '    - {tasks: [prnt], components: [ecko], labels: {a: b}}');
    const result = compileText(text);
    expect(where(result)).toEqual([`${locate(text, 'prnt')} unknown-task`, `${locate(text, 'ecko')} unknown-component`]);
    expect(result.diagnostics.map((d) => d.hint)).toEqual(["Did you mean 'print'?", "Did you mean 'echo'?"]);
  });
});
