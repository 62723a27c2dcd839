/**
 * The condition task: kfp-tekton's lowering of dsl.Condition. A small task with params
 * operand1/operand2/operator and one result `outcome` ("true"/"false"); the guarded tasks carry
 * `when: [{input: $(tasks.<condition>.results.outcome), operator: in, values: ["true"]}]`.
 *
 * Unlike kfp-tekton's template, which substitutes `$(inputs.params.operator)` into the Python
 * source, every value (the operator too) reaches the script as a command-line argument: nothing
 * from the spec is ever part of a generated program. The comparison is KFP's: both operands
 * right-stripped (task outputs end in a newline), compared as numbers when both parse as numbers,
 * else as strings.
 */
import type { TaskSpecIR, WhenIR } from './ir.js';

export const OUTCOME = 'outcome';

const SCRIPT = `import re, sys
left, right, operator, result_path = sys.argv[1].rstrip(), sys.argv[2].rstrip(), sys.argv[3], sys.argv[4]
NUMBER = re.compile(r"[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")
def number(text):
    if not NUMBER.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)
a, b = number(left), number(right)
if a is None or b is None:
    a, b = left, right
tests = {"==": lambda: a == b, "!=": lambda: a != b, "<": lambda: a < b,
         "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}
if operator not in tests:
    sys.exit("unknown operator: " + operator)
with open(result_path, "w") as f:
    f.write("true" if tests[operator]() else "false")
`;

export function conditionTaskSpec(image: string): TaskSpecIR {
  return {
    params: [{ name: 'operand1' }, { name: 'operand2' }, { name: 'operator' }],
    results: [{ name: OUTCOME, type: 'string', description: 'Conditional task outcome' }],
    steps: [{
      name: 'main',
      image,
      command: ['sh', '-ec', 'program_path=$(mktemp); printf "%s" "$0" > "$program_path"; python3 -u "$program_path" "$1" "$2" "$3" "$4"'],
      args: [SCRIPT, '$(inputs.params.operand1)', '$(inputs.params.operand2)', '$(inputs.params.operator)', `$(results.${OUTCOME}.path)`],
    }],
    metadata: { labels: {}, annotations: {} },
  };
}

/** The guard a condition task puts on the tasks it holds. */
export const outcomeIsTrue = (conditionTask: string): WhenIR => ({ input: `$(tasks.${conditionTask}.results.${OUTCOME})`, operator: 'in', values: ['true'] });
