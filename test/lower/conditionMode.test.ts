import { describe, expect, it } from 'vitest';
import { expressibleAsWhen } from '../../src/lower/conditionMode.js';

describe('expressibleAsWhen', () => {
  it('allows == and != against a literal that is not a number', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'heads' })).toBe(true);
    expect(expressibleAsWhen({ left: 'tails', operator: '!=', right: '{{params.a}}' })).toBe(true);
  });
  it('keeps the condition task where KFP compares numbers or Tekton cannot compare', () => {
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '10' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: '{{params.b}}' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '<', right: 'm' })).toBe(false);
    expect(expressibleAsWhen({ left: '{{params.a}}', operator: '==', right: 'x ' })).toBe(false);
  });
});

describe('conditionMode with custom task outputs', () => {
  it('compares a custom task output with ==/!= in a direct when, as kfp-tekton does', async () => {
    const { compileSpec, pipelineTasks } = await import('../specs.js');
    const result = compileSpec({
      components: {
        cel: { inputs: [{ name: 'e' }], outputs: [{ name: 'outcome' }], implementation: { customTask: { apiVersion: 'cel.tekton.dev/v1alpha1', kind: 'CEL', name: 'cel', params: { outcome: { inputValue: 'e' } } } } },
        echo: { implementation: { container: { image: 'alpine', command: ['echo'] } } },
      },
      tasks: { check: { component: 'cel', arguments: { e: '1 == 1' } }, ok: { if: '{{tasks.check.outputs.outcome}} == true', tasks: { say: { component: 'echo' } } } },
    });
    const tasks = pipelineTasks(result);
    expect(tasks.map((t) => t.name)).toEqual(['check', 'say']);
    expect(tasks[1]!.when).toEqual([{ input: '$(tasks.check.results.outcome)', operator: 'in', values: ['true'] }]);
  });
});
