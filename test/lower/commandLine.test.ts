import { describe, expect, it } from 'vitest';
import { resolveCommandLine, type PlaceholderResolver } from '../../src/lower/commandLine.js';
import type { CommandLineArgument } from '../../src/generated/component.js';

const values: Record<string, string | undefined> = { a: 'A', flag: 'true', off: 'False' };
const resolver: PlaceholderResolver = {
  inputValue: (name) => values[name],
  inputPath: (name) => `/in/${name}`,
  outputPath: (name) => `$(results.${name}.path)`,
};
const resolve = (items: CommandLineArgument[]) => resolveCommandLine(items, resolver);

describe('resolveCommandLine', () => {
  it('resolves values, paths and constants; drops a missing optional input', () => {
    expect(resolve(['x', 1, true, { inputValue: 'a' }, { inputValue: 'missing' }, { inputPath: 'd' }, { outputPath: 'o' }])).toEqual(['x', '1', 'true', 'A', '/in/d', '$(results.o.path)']);
  });

  it('joins concat into one argument, recursively', () => {
    expect(resolve([{ concat: ['--a=', { inputValue: 'a' }, { concat: [',', { outputPath: 'o' }] }] }])).toEqual(['--a=A,$(results.o.path)']);
  });

  it('chooses if branches by isPresent, inputValue, booleans and strings; then/else may be single items', () => {
    expect(resolve([
      { if: { cond: { isPresent: 'a' }, then: ['--a', { inputValue: 'a' }], else: ['--none'] } },
      { if: { cond: { isPresent: 'missing' }, then: ['--m'], else: ['--no-m'] } },
      { if: { cond: { inputValue: 'flag' }, then: '--flag' } },
      { if: { cond: { inputValue: 'off' }, then: '--off' } },
      { if: { cond: false, then: ['x'] } },
      { if: { cond: 'True', then: ['y'] } },
      { isPresent: 'a' },
      { isPresent: 'missing' },
    ])).toEqual(['--a', 'A', '--no-m', '--flag', 'y', 'true', 'false']);
  });
});
