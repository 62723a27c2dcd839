import { describe, expect, it } from 'vitest';
import { compileText, doc, where } from '../../specs.js';

const component = 'components: {c: {inputs: [{name: a}, {name: b, default: x}, {name: c, optional: true}], implementation: {container: {image: alpine}}}}';

describe('RequiredArguments', () => {
  it('requires inputs without default that are not optional, and reports at the task', () => {
    const result = compileText(doc(component, 'tasks:', '  t: {component: c}'));
    expect(where(result)).toEqual(['7:5 missing-argument']);
    expect(result.diagnostics[0]!.message).toBe("task 't' passes no argument for required input 'a' of component 'c'");
  });

  it('accepts a task that passes the required input', () => {
    expect(compileText(doc(component, 'tasks: {t: {component: c, arguments: {a: "1"}}}')).diagnostics).toEqual([]);
  });
});
