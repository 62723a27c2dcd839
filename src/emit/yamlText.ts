/**
 * One manifest as deterministic YAML text: key order is construction order, no line folding,
 * sequences not indented under their key (as kubectl and kfp-tekton write them).
 *
 * yaml's stringify writes a string made only of blanks and line breaks that starts with a blank
 * (" \n") as a literal block scalar whose first line holds only spaces, which every YAML reader
 * takes for indentation: Tekton would read "\n". Such strings are written double-quoted instead.
 */
import { Document, isScalar, stringify, visit } from 'yaml';

const createOptions = { aliasDuplicateObjects: false } as const;
const textOptions = { lineWidth: 0, minContentWidth: 0, indentSeq: false } as const;

/** Strings a literal block scalar cannot carry: blanks only, with a line break. */
export const blockUnsafe = (s: string): boolean => s.includes('\n') && /^[ \t\n]*$/.test(s) && /[ \t]/.test(s);

export function yamlText(value: unknown): string {
  if (!containsString(value, blockUnsafe)) return stringify(value, { ...createOptions, ...textOptions });
  const doc = new Document(value, createOptions);
  visit(doc, {
    Scalar(_, node) {
      if (isScalar(node) && typeof node.value === 'string' && blockUnsafe(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString(textOptions);
}

function containsString(value: unknown, test: (s: string) => boolean): boolean {
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) return value.some((v) => containsString(v, test));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => containsString(v, test));
  return false;
}
