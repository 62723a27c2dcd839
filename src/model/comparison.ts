/**
 * KFP's condition comparison (dsl.Condition): `left OP right` with OP one of == != < <= > >=.
 * Written as an object {left, operator, right} or as the shorthand string
 * "{{tasks.flip.outputs.output}} == heads". Operands are references ({{params.P}},
 * {{tasks.T.outputs.O}}, {{item}}, ...) or literals; a literal may be quoted ('heads' or "heads")
 * to keep spaces or operator characters. At run time numbers compare as numbers when both sides
 * parse as numbers, otherwise as strings (KFP's semantics).
 */
import { isObject } from './specModel.js';

export const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Comparison {
  /** Operand text: a literal, or a string with {{...}} references. */
  readonly left: string;
  readonly operator: Operator;
  readonly right: string;
}

export interface ComparisonError {
  readonly error: string;
}

export type ParsedComparison = Comparison | ComparisonError;

export function parseComparison(raw: unknown): ParsedComparison {
  if (typeof raw === 'string') return parseShorthand(raw);
  if (isObject(raw) && typeof raw.operator === 'string' && (OPERATORS as readonly string[]).includes(raw.operator)) {
    return { left: operandText(raw.left), operator: raw.operator as Operator, right: operandText(raw.right) };
  }
  return { error: 'a comparison is a string "LEFT OP RIGHT" or an object {left, operator, right}' };
}

/** Splits at the first operator outside {{...}} and outside quotes. */
function parseShorthand(text: string): ParsedComparison {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (text.startsWith('{{', i)) { depth++; i++; continue; }
    if (text.startsWith('}}', i) && depth > 0) { depth--; i++; continue; }
    if (depth > 0) continue;
    if (c === '"' || c === "'") { quote = c; continue; }
    const operator = OPERATORS.find((op) => text.startsWith(op, i));
    if (!operator) continue;
    const rest = text.slice(i + operator.length);
    const left = operand(text.slice(0, i));
    const right = operand(rest);
    if (left === '' || right === '') return { error: `'${text}' needs an operand on both sides of '${operator}'` };
    if (OPERATORS.some((op) => unquoted(rest).includes(op))) return { error: `'${text}' has more than one operator; quote a literal that contains one` };
    return { left, operator, right };
  }
  return { error: `'${text}' has no comparison operator (==, !=, <, <=, >, >=)` };
}

function operand(text: string): string {
  const t = text.trim();
  const m = /^(["'])(.*)\1$/s.exec(t);
  return m ? m[2]! : t;
}

/** The text outside quotes and references, to find stray operators. */
function unquoted(text: string): string {
  return text.replace(/\{\{.*?\}\}/g, '').replace(/"[^"]*"|'[^']*'/g, '');
}

/** KFP's text of a literal operand: numbers and booleans printed as YAML wrote them. */
function operandText(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

export function isComparisonError(c: ParsedComparison): c is ComparisonError {
  return 'error' in c;
}

/** A literal is text without references. */
export const isLiteral = (operand: string): boolean => !operand.includes('{{');

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Whether KFP would compare this literal as a number (the condition task's rule, after rstrip). */
export const isNumeric = (text: string): boolean => NUMBER.test(text.trimEnd());
