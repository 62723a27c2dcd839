/**
 * The reference for kft's YAML writer: how kft wrote manifests before it had its own writer, through
 * the yaml library's Document (yaml 2.9.1, lineWidth 0, indentSeq false, blank-only multi-line
 * strings forced double-quoted). Tests compare the writer with it byte for byte.
 */
import { Document, isScalar, stringify, visit } from 'yaml';

const createOptions = { aliasDuplicateObjects: false } as const;
const textOptions = { lineWidth: 0, minContentWidth: 0, indentSeq: false } as const;

const blockUnsafe = (s: string): boolean => s.includes('\n') && /^[ \t\n]*$/.test(s) && /[ \t]/.test(s);

export function oracleYamlText(value: unknown): string {
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
