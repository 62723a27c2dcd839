/**
 * src/python/component.ts: the component kfp 1.8's create_component_from_func makes of a function,
 * written as kfp writes component.yaml. Goldens: fixtures/python/<case>/component.yaml (each made by
 * kfp 1.8.22 itself, see fixtures/python/README.md) and ../shared/kfp-python-components (the
 * reference functions), compared byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentFromPython, componentYaml, type PythonComponentOptions } from '../../src/python/index.js';
import { fixturesDir, sharedDir } from '../helpers.js';

interface CaseOptions extends PythonComponentOptions {
  readonly function: string;
}

const pythonFixtures = join(fixturesDir, 'python');
const cases = readdirSync(pythonFixtures).filter((name) => existsSync(join(pythonFixtures, name, 'module.py'))).sort();

describe('fixtures/python: byte-identical to kfp 1.8', () => {
  it('covers at least 15 functions', () => expect(cases.length).toBeGreaterThanOrEqual(15));
  for (const name of cases) {
    it(name, () => {
      const dir = join(pythonFixtures, name);
      const { function: fn, ...options } = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as CaseOptions;
      const result = componentFromPython(readFileSync(join(dir, 'module.py'), 'utf8'), fn, options);
      expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(componentYaml(result.component!)).toBe(readFileSync(join(dir, 'component.yaml'), 'utf8'));
    });
  }
});

/** The reference functions' options (the CASES list of reference_functions.py). */
const SHARED_OPTIONS: Readonly<Record<string, PythonComponentOptions>> = {
  uses_packages: { packages: ['requests==2.31.0', 'urllib3<2'] },
  custom_image: { baseImage: 'python:3.10-slim' },
};

const shared = join(sharedDir, 'kfp-python-components');
const sharedPresent = existsSync(join(shared, 'reference_functions.py'));
if (!sharedPresent) console.warn(`notice: ${shared} is absent; the kfp-python-components goldens are skipped`);

describe.skipIf(!sharedPresent)('../shared/kfp-python-components: byte-identical to kfp 1.8', () => {
  const text = sharedPresent ? readFileSync(join(shared, 'reference_functions.py'), 'utf8') : '';
  const functions = [...text.matchAll(/^def (\w+)\(/gm)].map((m) => m[1]!);
  it('reads all 21 reference functions', () => expect(functions).toHaveLength(21));
  for (const fn of functions) {
    const golden = join(shared, `${fn}.component.yaml`);
    it(fn, () => {
      const result = componentFromPython(text, fn, SHARED_OPTIONS[fn] ?? {});
      if (!existsSync(golden)) {
        // kfp refuses it (output_with_default); so must kft, pointing at the default.
        expect(result.component).toBeUndefined();
        expect(result.problems.map((p) => p.code)).toEqual(['python-path-default']);
        expect(text.slice(result.problems[0]!.start, result.problems[0]!.end)).toBe('None');
        return;
      }
      expect(componentYaml(result.component!)).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
