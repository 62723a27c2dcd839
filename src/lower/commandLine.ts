/**
 * Resolves a KFP component's command/args placeholders at compile time, as the KFP SDK does:
 * inputValue → the argument's text, concat → joined text,
 * if/isPresent → the chosen branch. inputPath and outputPath are delegated: where the file lives
 * depends on how the data travels (src/lower/dataPassing).
 */
import type { CommandLineArgument } from '../generated/component.js';
import { isObject } from '../model/specModel.js';

export interface PlaceholderResolver {
  /** The argument text of an input, or undefined when the task passes none and it has no default. */
  inputValue(name: string): string | undefined;
  /** The file path of an input, or undefined when the task passes none and it has no default. */
  inputPath(name: string): string | undefined;
  outputPath(name: string): string;
}

export function resolveCommandLine(items: readonly CommandLineArgument[] | undefined, r: PlaceholderResolver): string[] {
  if (!items) return [];
  return items.flatMap((item) => resolveItem(item, r));
}

function resolveItem(item: CommandLineArgument, r: PlaceholderResolver): string[] {
  if (typeof item === 'string') return [item];
  if (typeof item === 'number' || typeof item === 'boolean') return [String(item)];
  if (!isObject(item)) return [];
  return resolvePlaceholder(item as Placeholder, r);
}

type Placeholder = Exclude<CommandLineArgument, string | number | boolean>;

function resolvePlaceholder(item: Placeholder, r: PlaceholderResolver): string[] {
  if ('inputValue' in item) {
    const value = r.inputValue(item.inputValue);
    return value === undefined ? [] : [value];
  }
  if ('inputPath' in item) {
    const path = r.inputPath(item.inputPath);
    return path === undefined ? [] : [path];
  }
  if ('outputPath' in item) return [r.outputPath(item.outputPath)];
  if ('concat' in item) return [item.concat.flatMap((part) => resolveItem(part, r)).join('')];
  if ('isPresent' in item) return [String(r.inputValue(item.isPresent) !== undefined)];
  if ('if' in item) {
    const branch = condition(item.if.cond, r) ? item.if.then : item.if.else;
    if (branch === undefined) return [];
    const list = Array.isArray(branch) ? branch : [branch];
    return list.flatMap((part) => resolveItem(part as CommandLineArgument, r));
  }
  return [];
}

function condition(cond: unknown, r: PlaceholderResolver): boolean {
  if (typeof cond === 'boolean') return cond;
  if (typeof cond === 'string') return cond.trim().toLowerCase() === 'true';
  if (isObject(cond) && typeof cond.isPresent === 'string') return r.inputValue(cond.isPresent) !== undefined;
  if (isObject(cond) && typeof cond.inputValue === 'string') return (r.inputValue(cond.inputValue) ?? '').trim().toLowerCase() === 'true';
  return false;
}
