/**
 * fast-check arbitraries for random VALID pipeline specs: unique DNS-safe names, tasks that pass
 * constants (any unicode, hostile characters included), params and earlier tasks' outputs,
 * `after` dependencies, env, display names, and condition groups nested on earlier outputs.
 * Loops join when this build lowers them (`withLoops`).
 */
import fc from 'fast-check';

const HOSTILE_FRAGMENTS = ['{{', '}}', '{', '$(', ')', '`', "'", '"', '\n', ': ', ' #', '- ', '\\', '&a', '*a', '!!str', '---', '😀', '\u202e', '\t', ' '];

/**
 * Any text that is not a kft reference, rich in characters that break shells, YAML and templates:
 * `{{` is written as kft's literal escape, and a trailing `{` gets a space so that it cannot join
 * a reference that follows it.
 */
export const constantText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom(...HOSTILE_FRAGMENTS)), { maxLength: 5 })
  .map((parts) => parts.join('').replaceAll('{{', '{{"{{"}}'))
  .map((s) => (s.endsWith('{') ? `${s} ` : s));

const name = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);

interface ComponentPlan { inputs: string[]; outputs: string[] }

const componentPlan: fc.Arbitrary<ComponentPlan> = fc.record({
  inputs: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
  outputs: fc.uniqueArray(name, { maxLength: 2 }),
});

interface TaskPlan {
  component: number;
  /** Per input: 0 constant, 1 param, 2 output of an earlier task, 3 interpolation of all three. */
  sources: number[];
  constants: string[];
  picks: number[];
  after: number[];
  env: string | null;
  displayName: string | null;
  retries: number;
  /** Depth of condition groups around the task (0: top level). */
  guardDepth: number;
}

const taskPlan: fc.Arbitrary<TaskPlan> = fc.record({
  component: fc.nat(),
  sources: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  constants: fc.array(constantText, { minLength: 3, maxLength: 3 }),
  picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  after: fc.array(fc.nat(), { maxLength: 2 }),
  env: fc.option(constantText),
  displayName: fc.option(constantText.filter((s) => s.length > 0)),
  retries: fc.integer({ min: 0, max: 3 }),
  guardDepth: fc.integer({ min: 0, max: 3 }),
});

export interface SpecPlan {
  params: { name: string; value: string }[];
  components: ComponentPlan[];
  tasks: TaskPlan[];
}

export const specPlan = (maxTasks = 12): fc.Arbitrary<SpecPlan> =>
  fc.record({
    params: fc.uniqueArray(fc.record({ name, value: constantText }), { maxLength: 3, selector: (p) => p.name }),
    components: fc.array(componentPlan, { minLength: 1, maxLength: 3 }),
    tasks: fc.array(taskPlan, { minLength: 1, maxLength: maxTasks }),
  });

/** Renders a plan as the `spec` of a pipeline document. */
export function renderSpec(plan: SpecPlan): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  plan.components.forEach((c, i) => {
    components[`c${i}`] = {
      inputs: c.inputs.map((n) => ({ name: n, type: 'String' })),
      outputs: c.outputs.map((n) => ({ name: n, type: 'String' })),
      implementation: {
        container: {
          image: 'alpine:3.18',
          command: ['sh', '-c', 'echo "$@"', 'sh', ...c.inputs.map((n) => ({ inputValue: n })), ...c.outputs.map((n) => ({ outputPath: n }))],
        },
      },
    };
  });
  const top: Record<string, unknown> = {};
  /** Top-level tasks with outputs so far: [task name, output name]. */
  const outputs: [string, string][] = [];
  const topNames: string[] = [];
  plan.tasks.forEach((t, i) => {
    const component = plan.components[t.component % plan.components.length]!;
    const taskName = `t${i}`;
    const args: Record<string, string> = {};
    component.inputs.forEach((input, j) => {
      const constant = t.constants[j % 3]!;
      const param = plan.params.length ? `{{params.${plan.params[t.picks[j % 3]! % plan.params.length]!.name}}}` : constant;
      const out = outputs.length ? outputs[t.picks[j % 3]! % outputs.length]! : undefined;
      const output = out ? `{{tasks.${out[0]}.outputs.${out[1]}}}` : constant;
      args[input] = [constant, param, output, `${constant}${param}-${output}`][t.sources[j % 3]!]!;
    });
    const task: Record<string, unknown> = { component: `c${t.component % plan.components.length}`, arguments: args };
    const after = [...new Set(t.after.filter(() => topNames.length > 0).map((a) => topNames[a % topNames.length]!))];
    if (after.length) task.after = after;
    if (t.env !== null) task.env = { USER_ENV: t.env };
    if (t.displayName !== null) task.displayName = t.displayName;
    if (t.retries) task.retries = t.retries;
    if (t.guardDepth > 0 && outputs.length) {
      // Conditions nested guardDepth deep, each comparing an earlier output with a literal.
      const [producer, output] = outputs[t.picks[0]! % outputs.length]!;
      let node: Record<string, unknown> = task;
      let nodeName = taskName;
      for (let d = t.guardDepth; d > 0; d--) {
        node = { if: `{{tasks.${producer}.outputs.${output}}} == v${d}`, tasks: { [nodeName]: node } };
        nodeName = `g${i}x${d}`;
      }
      top[nodeName] = node;
      return;
    }
    top[taskName] = task;
    topNames.push(taskName);
    for (const o of component.outputs) outputs.push([taskName, o]);
  });
  return {
    params: Object.fromEntries(plan.params.map((p) => [p.name, { type: 'String', default: p.value }])),
    components,
    tasks: top,
  };
}
