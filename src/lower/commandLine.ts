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
  const out: string[] = [];
  if (items) for (let i = 0; i < items.length; i++) resolveItem(items[i]!, r, out);
  return out;
}

const constantLines = new WeakMap<readonly CommandLineArgument[], readonly string[] | null>();

/**
 * The command line as it is when it holds only strings, else undefined: one frozen list shared by
 * every task of the component (steps keep theirs until emit). Callers that edit the resolved
 * list must resolve it instead.
 */
export function constantCommandLine(items: readonly CommandLineArgument[] | undefined): readonly string[] | undefined {
  if (!items) return undefined;
  let line = constantLines.get(items);
  if (line === undefined) {
    line = items.every((item) => typeof item === 'string') ? Object.freeze([...(items as string[])]) : null;
    constantLines.set(items, line);
  }
  return line ?? undefined;
}

// Every container task resolves its component's whole command line, so items are appended to
// one output list (no per-item arrays, flatMap closures or spreads on this hot, cold-run path).
function resolveItem(item: CommandLineArgument, r: PlaceholderResolver, out: string[]): void {
  if (typeof item === 'string') out.push(item);
  else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
  else if (isObject(item)) resolvePlaceholder(item as Placeholder, r, out);
}

type Placeholder = Exclude<CommandLineArgument, string | number | boolean>;

function resolvePlaceholder(item: Placeholder, r: PlaceholderResolver, out: string[]): void {
  if ('inputValue' in item) {
    const value = r.inputValue(item.inputValue);
    if (value !== undefined) out.push(value);
  } else if ('inputPath' in item) {
    const path = r.inputPath(item.inputPath);
    if (path !== undefined) out.push(path);
  } else if ('outputPath' in item) out.push(r.outputPath(item.outputPath));
  else if ('concat' in item) out.push(resolveCommandLine(item.concat, r).join(''));
  else if ('isPresent' in item) out.push(String(r.inputValue(item.isPresent) !== undefined));
  else if ('if' in item) {
    const branch = condition(item.if.cond, r) ? item.if.then : item.if.else;
    if (branch === undefined) return;
    if (Array.isArray(branch)) for (const part of branch) resolveItem(part as CommandLineArgument, r, out);
    else resolveItem(branch as CommandLineArgument, r, out);
  }
}

function condition(cond: unknown, r: PlaceholderResolver): boolean {
  if (typeof cond === 'boolean') return cond;
  if (typeof cond === 'string') return cond.trim().toLowerCase() === 'true';
  if (isObject(cond) && typeof cond.isPresent === 'string') return r.inputValue(cond.isPresent) !== undefined;
  if (isObject(cond) && typeof cond.inputValue === 'string') return (r.inputValue(cond.inputValue) ?? '').trim().toLowerCase() === 'true';
  return false;
}
