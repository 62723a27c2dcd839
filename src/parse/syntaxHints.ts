/**
 * Hints for YAML syntax errors, by the YAML library's error code. Most syntax errors in specs come
 * from flow collections ({...} and [...]) whose values hold ': ', ',' or brackets unquoted: inside
 * a flow collection those characters are YAML syntax, not text.
 */
const FLOW_QUOTING = "Inside {...} and [...], ': ', ',', '{', '}', '[' and ']' are YAML syntax: quote a value that holds them (msg: 'a: b', args: [\"x, y\"]), or write the collection in block style, one entry per line.";

const BY_CODE: Readonly<Record<string, string>> = {
  BLOCK_IN_FLOW: FLOW_QUOTING,
  MISSING_CHAR: `Check the brackets and commas here. ${FLOW_QUOTING}`,
  UNEXPECTED_TOKEN: `Check the brackets, commas and quotes here. ${FLOW_QUOTING}`,
  MULTILINE_IMPLICIT_KEY: `A key must be on one line. ${FLOW_QUOTING}`,
};

export const GENERIC_SYNTAX_HINT = 'Fix the YAML syntax at this position.';

/** The hint for a YAML library error: specific for errors flow collections cause, else generic. */
export function syntaxHint(code: string, message: string): string {
  if (code === 'BAD_INDENT' && /^Flow (map|sequence)/.test(message)) return `Close the ${message.startsWith('Flow map') ? '{ with }' : '[ with ]'} on the same level, and indent continuation lines deeper than the key. ${FLOW_QUOTING}`;
  return BY_CODE[code] ?? GENERIC_SYNTAX_HINT;
}
