/**
 * Strings that a YAML reader of a manifest would not read back as strings when written plain:
 * YAML 1.2's core schema, and YAML 1.1 as Kubernetes (sigs.k8s.io/yaml, go-yaml v2), PyYAML and the
 * `yaml` library read it. Shared by the manifest writer (src/emit/yamlScalar.ts) and the YAML text
 * kft embeds in manifests (a resource op's manifest, which kubectl-wrapper reads with Kubernetes'
 * reader).
 */

/**
 * Words some reader takes for null (`~`, `null`, empty), a boolean (YAML 1.2's true/false; YAML
 * 1.1's y/n/yes/no/on/off, Kubernetes also reads `y`, `Y`, `n`, `N`), a merge key (`<<`) or PyYAML's
 * value key (`=`, which its safe loader cannot construct).
 */
export const SPECIAL_WORD = /^(?:~|[Nn]ull|NULL|[Yy]|[Yy]es|YES|[Nn]|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF|<<|=)?$/;
/**
 * Numbers, once every `_` is removed (go-yaml removes them before Go's ParseInt and ParseFloat;
 * YAML 1.1 allows them between digits): decimal and leading-zero octal integers, `0x`/`0o`/`0b`
 * ones (either case, signed; go-yaml even reads `0b-1`), decimal floats; also hex floats (`0x1p-2`),
 * which no reader takes for numbers today, to be safe.
 */
const NUMBER = /^[-+]?(?:[0-9]+\.?[0-9]*(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|0[xX][0-9a-fA-F]+|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][-+]?[0-9]+|0[oO][0-7]+|0[bB][01]+)$|^0b[-+][01]+$/;
/** YAML 1.1's float patterns, by which the yaml package also reads `.`, `1.`, `-.`, `e5` and `.e5` as numbers. */
const YAML_11_FLOAT = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)$/;
/** YAML 1.1's binary and hex integers, whose digits may all be `_` (`0x_`: PyYAML then fails to load the file). */
const YAML_11_PREFIXED_INT = /^[-+]?0(?:b[01_]+|x[0-9a-fA-F_]+)$/;
/** YAML's names for infinity and NaN. */
const NON_FINITE = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** Go's ParseFloat spellings of infinity and NaN, after a sign (without one they are strings everywhere). */
const SIGNED_NON_FINITE = /^[-+](?:inf|infinity|nan)$/i;
/** YAML 1.1's base-60 integers and floats (`1:20`, `190:20:30.15`), as PyYAML and the yaml library read them. */
const BASE_60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
/**
 * A date first (`2001-12-14`, `2001-1-2`), alone or followed by a time (`T`, `t`, blanks): YAML
 * 1.1 timestamps, which readers turn into dates. Any text after such a start is quoted, to be safe.
 */
const TIMESTAMP_START = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \t]|$)/;
/** Only an exponent (`e5`, `E-3`): the yaml library's YAML 1.1 float pattern reads it as a number. */
export const EXPONENT_ONLY = /^[eE][-+]?[0-9]+$/;

/**
 * Whether a plain scalar of this text would be read as something other than this string by YAML
 * 1.2's core schema, go-yaml v2 (Kubernetes), PyYAML or the yaml library reading YAML 1.1. Only text
 * starting with a digit, a sign, a dot or `e`/`E` can be a number, a date or a base-60 value.
 */
export function readsAsOtherThanString(value: string): boolean {
  if (value.length <= 5 && SPECIAL_WORD.test(value)) return true;
  const c = value.charCodeAt(0);
  const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
  if (!numeric) return (c | 0x20) === 0x65 && EXPONENT_ONLY.test(value);
  if (YAML_11_FLOAT.test(value) || YAML_11_PREFIXED_INT.test(value) || NON_FINITE.test(value) || BASE_60.test(value) || TIMESTAMP_START.test(value) || SIGNED_NON_FINITE.test(value)) return true;
  return NUMBER.test(value.includes('_') ? value.replace(/_/g, '') : value);
}
