/**
 * scripts/conformance.mjs against ../shared: every kfp-tekton case that has a spec under
 * fixtures/conformance must compare EQUIVALENT with its golden(s), or be listed in
 * docs/deviations.md. Skipped cleanly when ../shared is absent (the suite must pass without it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, sharedDir } from '../helpers.js';

const shared = process.env.KFT_SHARED ?? sharedDir;
const present = existsSync(join(shared, 'conformance')) && existsSync(join(shared, 'tools', 'tekton-semdiff'));

describe.skipIf(!present)('conformance against kfp-tekton goldens', () => {
  it('has no DIFFERENT case among those with a spec', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'conformance.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, KFT_SHARED: shared },
      encoding: 'utf8',
      timeout: 600_000,
    });
    const lines = run.stdout.split('\n');
    const regressions = lines.filter((l) => / DIFFERENT$/.test(l));
    expect(regressions, run.stdout + run.stderr).toEqual([]);
    expect(lines.some((l) => /^conformance: \d+\/\d+ EQUIVALENT$/.test(l)), run.stdout).toBe(true);
    expect(run.status, run.stderr).toBe(0);
  }, 600_000);
});
