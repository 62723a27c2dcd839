/** KFP's base types and how constants are checked against them. */
import type { KfpParamType } from './specModel.js';

const BASE_TYPES: Record<string, KfpParamType> = {
  string: 'String', str: 'String', text: 'String',
  integer: 'Integer', int: 'Integer',
  float: 'Float', double: 'Float',
  boolean: 'Boolean', bool: 'Boolean',
  jsonobject: 'JsonObject', dict: 'JsonObject',
  jsonarray: 'JsonArray', list: 'JsonArray',
};

/** The base type of a KFP type name, or undefined for artifact/custom types (unchecked). */
export function kfpBaseType(type: unknown): KfpParamType | undefined {
  return typeof type === 'string' ? BASE_TYPES[type.toLowerCase()] : undefined;
}

/** 'a String', 'an Integer'. */
export const article = (word: string): string => (/^[AEIOUaeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export function valueFitsType(value: unknown, type: KfpParamType): boolean {
  switch (type) {
    case 'String':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    case 'Integer':
      return (typeof value === 'number' && Number.isInteger(value)) || (typeof value === 'string' && /^[-+]?\d+$/.test(value.trim()));
    case 'Float':
      return (typeof value === 'number') || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
    case 'Boolean':
      return typeof value === 'boolean' || (typeof value === 'string' && /^(true|false)$/i.test(value));
    case 'JsonObject':
      return (typeof value === 'object' && value !== null && !Array.isArray(value)) || (typeof value === 'string' && parsesAs(value, 'object'));
    case 'JsonArray':
      return Array.isArray(value) || (typeof value === 'string' && parsesAs(value, 'array'));
  }
}

function parsesAs(text: string, kind: 'object' | 'array'): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return kind === 'array' ? Array.isArray(v) : typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
