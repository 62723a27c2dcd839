import { describe, expect, it } from 'vitest';
import { compileSpec, compileText, doc, where } from '../../specs.js';

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

  it('an input named like an Object.prototype member is not "passed" by the prototype', () => {
    const inputs = [{ name: 'constructor' }, { name: 'toString' }, { name: 'valueOf', optional: true }];
    const result = compileSpec({ components: { c: { inputs, implementation: { container: { image: 'alpine', command: ['echo', ...inputs.map((i) => ({ inputValue: i.name }))] } } } }, tasks: { t: { component: 'c' } } });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "task 't' passes no argument for required input 'constructor' of component 'c'",
      "task 't' passes no argument for required input 'toString' of component 'c'",
    ]);
  });
});
