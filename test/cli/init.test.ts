/** `kft init`: the scaffold builds at once, carries the schema modeline, and never overwrites silently. */
import AjvModule from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { kft, tempTree } from './run.js';

const Ajv = AjvModule as unknown as typeof AjvModule.default;

describe('kft init', () => {
  it('scaffolds a spec, a component and the schema; the spec builds and validates against the schema', () => {
    const dir = tempTree();
    const init = kft(['init', 'My Pipeline'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('kft: created My Pipeline/spec.yaml\n');
    const spec = readFileSync(join(dir, 'My Pipeline/spec.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe('# yaml-language-server: $schema=./kft.schema.json');
    const build = kft(['build', 'My Pipeline/spec.yaml'], { cwd: dir });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('  name: my-pipeline\n');
    expect(build.stdout).toContain('value: $(tasks.greet.results.said)');
    const schema = JSON.parse(readFileSync(join(dir, 'My Pipeline/kft.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate(parseYaml(spec)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('with --python, scaffolds components made from Python functions that build at once', () => {
    const dir = tempTree();
    expect(kft(['init', 'py', '--python'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'py/components/steps.py'), 'utf8')).toContain('def count_words(text: str)');
    const build = kft(['build', 'py/spec.yaml'], { cwd: dir });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('_outputs = count_words(**_parsed_args)');
    expect(build.stdout).toContain('value: $(tasks.greet.results.Output)');
  });

  it('refuses to overwrite without --force', () => {
    const dir = tempTree({ 'spec.yaml': 'mine\n' });
    const r = kft(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kft: not overwriting spec.yaml (use --force)\n');
    expect(readFileSync(join(dir, 'spec.yaml'), 'utf8')).toBe('mine\n');
    expect(kft(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'spec.yaml'), 'utf8')).toContain('kind: Pipeline');
  });
});
