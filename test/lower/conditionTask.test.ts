import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionTaskSpec, outcomeIsTrue } from '../../src/lower/conditionTask.js';

const spec = conditionTaskSpec('python:3.9');
const script = spec.steps[0]!.args![0]!;

function hasPython(): boolean {
  try { execFileSync('python3', ['--version']); return true; } catch { return false; }
}

/** Runs the generated script as the step would, with the operands as arguments. */
function outcome(left: string, operator: string, right: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kft-cond-'));
  const path = join(dir, 'outcome');
  execFileSync('python3', ['-c', script, left, right, operator, path]);
  return readFileSync(path, 'utf8');
}

describe('conditionTaskSpec', () => {
  it('has kfp-tekton\'s interface: operand1, operand2, operator → outcome', () => {
    expect(spec.params.map((p) => p.name)).toEqual(['operand1', 'operand2', 'operator']);
    expect(spec.results.map((r) => r.name)).toEqual(['outcome']);
    expect(outcomeIsTrue('c-1')).toEqual({ input: '$(tasks.c-1.results.outcome)', operator: 'in', values: ['true'] });
  });
  it('never puts a param into the program text', () => {
    expect(script).not.toContain('$(');
    expect(spec.steps[0]!.command!.join(' ')).not.toContain('$(inputs');
  });
  it.runIf(hasPython())('compares numbers as numbers and everything else as strings', () => {
    expect(outcome('10\n', '>', '9')).toBe('true');
    expect(outcome('10', '<', '9')).toBe('false');
    expect(outcome('1.0', '==', '1')).toBe('true');
    expect(outcome('heads\n', '==', 'heads')).toBe('true');
    expect(outcome('10', '>', 'abc')).toBe('false');
    expect(outcome('b', '>=', 'a')).toBe('true');
    expect(outcome("'; import os #", '!=', 'x')).toBe('true');
  });
});
