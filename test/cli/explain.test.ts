/** `kft explain`: prints catalogue entries; unknown codes get a suggestion and exit 2. */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/diagnostics/codes.js';
import { kft } from './run.js';

describe('kft explain', () => {
  it('prints the entry of a code', () => {
    const entry = catalogue['dependency-cycle'];
    const r = kft(['explain', 'dependency-cycle']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`dependency-cycle (error)\n\n${entry.summary}\n\nWhy: ${entry.explanation}\n\nFix: ${entry.fix}\n`);
  });

  it('accepts the code as printed in brackets', () => {
    expect(kft(['explain', '[unknown-task]']).stdout).toMatch(/^unknown-task \(error\)/);
  });

  it('suggests the closest code for a typo', () => {
    const r = kft(['explain', 'unknown-tsk']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("kft: unknown diagnostic code 'unknown-tsk'. Did you mean 'unknown-task'?\n");
  });

  it('lists every code without an argument', () => {
    const r = kft(['explain']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0])).toEqual(Object.keys(catalogue));
  });
});
