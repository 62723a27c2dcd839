/**
 * .pre-commit-hooks.yaml, run for real by pre-commit (skipped when `pre-commit` is not on PATH):
 * a temporary git repository uses a hook repository holding this repo's .pre-commit-hooks.yaml,
 * and a stale manifest (or a broken spec) blocks the commit. The *-system hooks run the kft of
 * this checkout through a `kft` shim on PATH, so no network is needed. Setting
 * KFT_TEST_PRE_COMMIT_NODE=1 also runs the `language: node` hooks, which let pre-commit install
 * this repository (at HEAD) with npm.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../helpers.js';
import { brokenSpec, kftBin, tempTree, validSpec } from './run.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const hasGit = spawnSync('git', ['--version'], { encoding: 'utf8' }).status === 0;

function sh(cwd: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function setup(hookIds: { validate: string; check: string }, hookRepo: string, rev: string) {
  const home = tempTree();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'kft'), `#!/bin/sh\nexec "${process.execPath}" "${kftBin}" "$@"\n`);
  chmodSync(join(bin, 'kft'), 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    PRE_COMMIT_HOME: join(home, 'cache'),
    GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com',
    NO_COLOR: '1',
  };
  const project = tempTree({
    'pipelines/hello.yaml': validSpec('hello'),
    '.pre-commit-config.yaml': `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: ${hookIds.validate}\n        args: [pipelines]\n      - id: ${hookIds.check}\n        args: [pipelines, --output, manifests]\n`,
  });
  const git = (...args: string[]) => sh(project, 'git', args, env);
  git('init', '-q');
  expect(sh(project, 'kft', ['build', 'pipelines', '-o', 'manifests'], env).code).toBe(0);
  expect(sh(project, 'pre-commit', ['install'], env).code).toBe(0);
  return { project, env, git };
}

function commitScenario(ids: { validate: string; check: string }, hookRepo: string, rev: string) {
  const { project, env, git } = setup(ids, hookRepo, rev);
  git('add', '-A');
  const first = git('commit', '-qm', 'fresh manifests');
  expect(first.code, first.out).toBe(0);

  writeFileSync(join(project, 'pipelines/hello.yaml'), validSpec('hello', 'changed'));
  git('add', '-A');
  const stale = git('commit', '-qm', 'spec changed, manifests not rebuilt');
  expect(stale.code, stale.out).not.toBe(0);
  expect(stale.out).toContain('manifests/hello.yaml: stale');
  expect(git('log', '--oneline').out.trim().split('\n')).toHaveLength(1);

  expect(sh(project, 'kft', ['build', 'pipelines', '-o', 'manifests'], env).code).toBe(0);
  git('add', '-A');
  const fixed = git('commit', '-qm', 'manifests rebuilt');
  expect(fixed.code, fixed.out).toBe(0);

  writeFileSync(join(project, 'pipelines/hello.yaml'), brokenSpec);
  git('add', '-A');
  const broken = git('commit', '-qm', 'broken spec');
  expect(broken.code, broken.out).not.toBe(0);
  expect(broken.out).toContain('[unknown-component]');
}

describe.skipIf(!hasPreCommit || !hasGit)('pre-commit hooks', () => {
  it('declares the four hooks', () => {
    const hooks = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string }[];
    expect(hooks.map((h) => h.id)).toEqual(['kft-validate', 'kft-check', 'kft-validate-system', 'kft-check-system']);
  });

  it('blocks a commit whose manifests are stale or whose spec is broken (system hooks)', () => {
    const hookRepo = tempTree();
    copyFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), join(hookRepo, '.pre-commit-hooks.yaml'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    sh(hookRepo, 'git', ['init', '-q'], env);
    sh(hookRepo, 'git', ['add', '-A'], env);
    sh(hookRepo, 'git', ['commit', '-qm', 'hooks'], env);
    const rev = sh(hookRepo, 'git', ['rev-parse', 'HEAD'], env).out.trim();
    commitScenario({ validate: 'kft-validate-system', check: 'kft-check-system' }, hookRepo, rev);
  }, 120_000);

  it.skipIf(process.env.KFT_TEST_PRE_COMMIT_NODE !== '1')('blocks a stale commit with the language: node hooks (installs this repo at HEAD)', () => {
    const rev = sh(repoRoot, 'git', ['rev-parse', 'HEAD'], process.env).out.trim();
    commitScenario({ validate: 'kft-validate', check: 'kft-check' }, repoRoot, rev);
  }, 600_000);
});
