/**
 * How YAML 1.1 readers resolve a plain scalar, written after their sources so the writer's quoting
 * can be checked against them string by string (the property tests then check the real readers):
 *
 * - go-yaml v2's `resolve` (what Kubernetes reads through sigs.k8s.io/yaml): a table of words, then
 *   by the first character: `.` → Go's ParseFloat; a digit or sign → a timestamp (Go's time.Parse
 *   with four layouts), else with every `_` removed Go's ParseInt(s, 0, 64), ParseUint, a YAML-style
 *   float through ParseFloat, and `0b`/`-0b` binary.
 * - PyYAML's implicit resolvers (yaml/resolver.py), the patterns as PyYAML compiles them.
 * - The yaml package reading YAML 1.1 (its yaml-1.1 schema), and YAML 1.2's core schema.
 */
import { parse } from 'yaml';

const GO_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's strconv.ParseInt(s, base, 64) (base 0: prefixes 0x, 0o, 0b in either case, or a leading 0 for octal) succeeds. */
function goParseInt(s: string, base: 0 | 2, unsigned = false): boolean {
  const m = /^([-+]?)([^]*)$/.exec(s)!;
  if (unsigned && m[1]) return false;
  let digits = m[2]!;
  let radix = base || 10;
  if (base === 0) {
    if (/^0[xX]/.test(digits)) [radix, digits] = [16, digits.slice(2)];
    else if (/^0[oO]/.test(digits)) [radix, digits] = [8, digits.slice(2)];
    else if (/^0[bB]/.test(digits)) [radix, digits] = [2, digits.slice(2)];
    else if (/^0./.test(digits)) [radix, digits] = [8, digits.slice(1)];
  }
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[radix as 2 | 8 | 10 | 16];
  if (!valid.test(digits)) return false;
  const prefix = { 2: '0b', 8: '0o', 10: '', 16: '0x' }[radix as 2 | 8 | 10 | 16];
  let value = BigInt(prefix + digits);
  if (m[1] === '-') value = -value;
  return unsigned ? value <= UINT64_MAX : value >= INT64_MIN && value <= INT64_MAX;
}

/** Go's ParseFloat on a decimal literal (underscores only between digits) succeeds: syntax, and no overflow to ±Inf. */
function goParseDecimalFloat(s: string): boolean {
  const digits = '[0-9](?:_?[0-9])*';
  if (!new RegExp(`^[-+]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][-+]?${digits})?$`).test(s)) return false;
  return Number.isFinite(Number(s.replace(/_/g, '')));
}

const GO_YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** go-yaml's parseTimestamp: four digits and `-`, then one of its time.Parse layouts (which check the date). */
function goTimestamp(s: string): boolean {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[-+](\d{2}):(\d{2}))|[ ](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/.exec(s);
  if (!m) return false;
  const [, , month, day] = m.map(Number);
  const [hour, minute, second] = [m[4] ?? m[9], m[5] ?? m[10], m[6] ?? m[11]].map((x) => Number(x ?? 0));
  const [zoneHour, zoneMinute] = [Number(m[7] ?? 0), Number(m[8] ?? 0)];
  const year = Number(m[1]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysIn = month === 2 && !leap ? 28 : DAYS[month! - 1];
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysIn! && hour! < 24 && minute! < 60 && second! < 60 && zoneHour < 24 && zoneMinute < 60;
}

/** go-yaml v2 reads this plain scalar as something other than the string (bool, null, number, timestamp, merge key). */
export function goYamlNotString(s: string): boolean {
  if (GO_WORDS.has(s)) return true;
  const first = s[0]!;
  if (first === '.') return goParseDecimalFloat(s);
  if (!/[-+0-9]/.test(first)) return false;
  if (goTimestamp(s)) return true;
  const plain = s.replace(/_/g, '');
  if (goParseInt(plain, 0) || goParseInt(plain, 0, true)) return true;
  if (GO_YAML_STYLE_FLOAT.test(plain) && Number.isFinite(Number(plain))) return true;
  if (plain.startsWith('0b')) return goParseInt(plain.slice(2), 2) || goParseInt(plain.slice(2), 2, true);
  if (plain.startsWith('-0b')) return goParseInt('-' + plain.slice(3), 2);
  return false;
}

/** PyYAML's implicit resolvers (yaml/resolver.py), by tag; `yaml` is for `!`, `&`, `*` alone. */
const PYYAML_RESOLVERS: Record<string, RegExp> = {
  bool: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  float: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  int: /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  merge: /^(?:<<)$/,
  null: /^(?:~|null|Null|NULL|)$/,
  timestamp: /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  value: /^(?:=)$/,
  yaml: /^(?:!|&|\*)$/,
};

/** PyYAML's resolver gives this plain scalar a tag other than str (Python's `$` also matches before a final line break). */
export function pyYamlNotString(s: string): boolean {
  const text = s.endsWith('\n') ? s.slice(0, -1) : s;
  return Object.values(PYYAML_RESOLVERS).some((re) => re.test(text));
}

/** The yaml package reads `k: <s>` as something other than the string s, as YAML 1.1 or 1.2. */
export function yamlPackageNotString(s: string, version: '1.1' | '1.2'): boolean {
  try {
    return parse(`k: ${s}\n`, { version })?.k !== s;
  } catch {
    return true;
  }
}

/**
 * A plain scalar of this text is read as something other than the string by one of the readers:
 * only for single-line text that a plain scalar can hold at all (no indicators, blanks at the ends…).
 */
export function someReaderNotString(s: string): boolean {
  return goYamlNotString(s) || pyYamlNotString(s) || yamlPackageNotString(s, '1.1') || yamlPackageNotString(s, '1.2');
}
