/**
 * Fixture cases: fixtures/<group>/<case>/spec.yaml with either expected.yaml (the manifests a
 * successful build emits, default options) or diagnostics.txt (the exact diagnostics of a
 * failing spec). An options.json beside the spec passes compile options.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsText, expectGolden, fixtureCases, fixturesDir } from './helpers.js';

for (const group of ['build', 'errors', 'conformance']) {
  const cases = fixtureCases(group);
  // A group without cases yet is skipped, not failed (vitest fails an empty suite).
  describe.skipIf(cases.length === 0)(`fixtures/${group}`, () => {
    if (cases.length === 0) it.skip('no cases yet', () => {});
    for (const name of cases) {
      const dir = join(fixturesDir, group, name);
      const optionsFile = join(dir, 'options.json');
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      it(name, () => {
        const result = compileFixture(join(dir, 'spec.yaml'), options);
        const expectsErrors = existsSync(join(dir, 'diagnostics.txt'));
        if (expectsErrors || group === 'errors') {
          expect(result.ok, 'an error fixture must fail to compile').toBe(false);
          expectGolden(join(dir, 'diagnostics.txt'), diagnosticsText(result.diagnostics));
        } else {
          expect(diagnosticsText(result.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
          expect(result.ok).toBe(true);
          expectGolden(join(dir, 'expected.yaml'), result.text);
          const again = compileFixture(join(dir, 'spec.yaml'), options);
          expect(again.text, 'same input must give byte-identical output').toBe(result.text);
        }
      });
    }
  });
}
