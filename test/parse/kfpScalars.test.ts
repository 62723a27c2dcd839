import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { coreReading, kfpScalarDifferences, pyReading, sameReading, type Reading } from '../../src/parse/kfpScalars.js';
import { readWithYamlLibrary, readYaml } from '../../src/parse/readYaml.js';
import { compileText, doc } from '../specs.js';
import { hasPyYaml, runSeed } from '../emit/yamlReaders.js';

/** Spellings where YAML 1.1 (PyYAML) and 1.2 differ, and some where they agree. */
const CASES = ['-0', '+0', '-0.0', '._', '._1', '.1_', 'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', '~', 'null', '010', '0o10', '08', '0x1F', '0x_1', '0b101', '1_000', '1:20', '1:20.5', '-1:30', '1e-05', '1.0e-05', '1.5e+3', '1E5', '.5', '1.', '+1', '-0', '.inf', '-.Inf', '.nan', '2001-12-14', '2001-12-14 21:59:43.10 -5', '2001-1-2', 'abc', '1.2.3', '0', '00', '+.5', '-.5e-3'];

/** A reading in the form PyYAML's loader gives it back through JSON (see the python below). */
const asPython = (r: Reading, source: string): unknown => {
  switch (r.kind) {
    case 'null': return null;
    case 'bool': return { bool: r.value };
    case 'int':
    case 'float': return Number.isFinite(r.value as number) ? { num: r.value } : { num: String(r.value) };
    case 'date': return 'date';
    case 'str': return source;
  }
};

const PYTHON = `
import json, math, sys, datetime, yaml
out = []
for s in json.load(sys.stdin):
    try:
        v = yaml.safe_load('v: ' + s)['v']
    except Exception:
        out.append({'error': True})
        continue
    if isinstance(v, bool): out.append({'bool': v})
    elif isinstance(v, (int, float)): out.append({'num': v if math.isfinite(v) else ('NaN' if math.isnan(v) else ('Infinity' if v > 0 else '-Infinity'))})
    elif isinstance(v, (datetime.date, datetime.datetime)): out.append('date')
    else: out.append(v)
json.dump(out, sys.stdout)
`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const pyYaml = (scalars: readonly string[]): unknown[] => JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(scalars) }).toString('utf8')) as unknown[];

/** The yaml package's core-schema reading, in the same form. */
const yamlCore = (s: string): unknown => {
  const v = (parse(`v: ${s}`) as { v: unknown }).v;
  if (typeof v === 'boolean') return { bool: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { num: v } : { num: String(v) };
  return v;
};

const scalar = fc.stringMatching(/^[-+.0-9_:eExXbBoOyYnNtTfFaA~]{1,8}$/).filter((s) => !/^[-?:]($|[\s])|^[~]./.test(s) && !s.startsWith(':'));

describe('kfpScalars', () => {
  it('reads as the yaml package (YAML 1.2 core) reads, on chosen and random spellings', () => {
    for (const s of CASES) expect(asPython(coreReading(s), s), s).toEqual(yamlCore(s));
    fc.assert(fc.property(scalar, (s) => {
      let expected: unknown;
      try {
        expected = yamlCore(s);
      } catch {
        return; // not a plain scalar in that position
      }
      expect(asPython(coreReading(s), s), s).toEqual(expected);
    }), { seed: runSeed(), numRuns: 3000 });
  });

  it.runIf(hasPyYaml())('reads as PyYAML (kfp\'s reader) reads, on chosen and random spellings', () => {
    const seed = runSeed();
    const random = fc.sample(scalar, { seed, numRuns: 3000 });
    const all = [...CASES, ...random];
    const py = pyYaml(all);
    // A spelling PyYAML cannot read in that position (a stray ':', say) is no plain scalar to compare.
    all.forEach((s, i) => (isObject(py[i]) && 'error' in py[i] ? undefined : expect(asPython(pyReading(s), s), `${s} (KFT_SEED=${seed} replays)`).toEqual(py[i])));
  });

  it('finds every plain scalar the two read differently (its quick filter drops none), on random spellings', () => {
    fc.assert(fc.property(scalar, (s) => {
      const read = readYaml('c.yaml', `v: ${s}\n`);
      if (!read.document || typeof (read.document.value as { v?: unknown }).v === 'object') return;
      const differs = !sameReading(pyReading(s), coreReading(s));
      expect(kfpScalarDifferences(read.document).map((d) => d.source), s).toEqual(differs ? [s] : []);
    }), { seed: runSeed(), numRuns: 3000 });
  });

  it('finds the plain scalars, keys included, that the two read differently, and nothing quoted', () => {
    const text = "a: yes\nb: 'yes'\nc: [010, 1e-05, plain]\non: 1\nd: |\n  yes\ne: 1.5\nf:\n  - no # comment\n  - {g: 1_000}\n";
    for (const read of [readYaml('c.yaml', text), readWithYamlLibrary('c.yaml', text)]) {
      expect(kfpScalarDifferences(read.document!).map((d) => [d.source, d.kfp, d.kft])).toEqual([
        ['yes', 'the boolean true', "the string 'yes'"],
        ['010', 'the number 8', 'the number 10'],
        ['1e-05', "the string '1e-05'", 'the number 0.00001'],
        ['on', 'the boolean true', "the string 'on'"],
        ['no', 'the boolean false', "the string 'no'"],
        ['1_000', 'the number 1000', "the string '1_000'"],
      ]);
    }
  });

  it('warns in a component file at the value, and not in a spec', () => {
    const component = 'inputs: [{name: x, default: yes}]\nimplementation: {container: {image: alpine, command: [echo, {inputValue: x}]}}\n';
    const fromFile = compileText(doc('components:', '  c: {file: c.yaml}', 'tasks:', '  t: {component: c}'), { 'c.yaml': component });
    expect(fromFile.diagnostics.map((d) => [d.code, d.range?.file, d.range?.line, d.range?.column, d.message])).toEqual([
      ['yaml-1-1-scalar', '/virtual/c.yaml', 1, 29, "'yes' is the boolean true to kfp's reader (PyYAML, YAML 1.1) but the string 'yes' to kft (YAML 1.2), which kft uses"],
    ]);
    const inline = compileText(doc('components:', '  c: {inputs: [{name: x, default: yes}], implementation: {container: {image: alpine, command: [echo, {inputValue: x}]}}}', 'tasks:', '  t: {component: c}'));
    expect(inline.diagnostics).toEqual([]);
  });
});
