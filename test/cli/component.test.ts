/**
 * `kft component python FILE.py:FUNCTION`: kfp's component.yaml on stdout or in -o FILE (never half
 * written); diagnostics and exit 1 when the function cannot be a component; exit 2 on bad usage.
 * And `kft validate` on component files.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers.js';
import { kft, tempTree } from './run.js';

const fixture = (name: string) => join(repoRoot, 'fixtures', 'python', name);

describe('kft component python', () => {
  it('prints the component.yaml kfp writes, byte for byte', () => {
    const r = kft(['component', 'python', `${fixture('google_docstring')}/module.py:resize`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(fixture('google_docstring'), 'component.yaml'), 'utf8'));
  });

  it('takes --base-image and --packages (commas inside a version specifier stay)', () => {
    const dir = tempTree();
    const out = join(dir, 'out', 'fetch.component.yaml');
    const r = kft(['component', 'python', `${fixture('packages_and_image')}/module.py:fetch_json`, '--base-image', 'python:3.11-slim', '--packages', 'requests>=2.28,<3,certifi', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(fixture('packages_and_image'), 'component.yaml'), 'utf8'));
  });

  it('adds index URLs and annotations', () => {
    const r = kft(['component', 'python', `${fixture('plain_types')}/module.py:scale`, '--packages', 'numpy', '--index-urls', 'https://a.example/simple,https://b.example/simple', '--annotation', 'author=me']);
    expect(r.code).toBe(0);
    const component = parse(r.stdout) as { metadata: unknown; implementation: { container: { command: string[] } } };
    expect(component.implementation.container.command[2]).toContain("install --quiet --no-warn-script-location --index-url 'https://a.example/simple' --extra-index-url 'https://b.example/simple' 'numpy' ||");
    expect(component.metadata).toEqual({ annotations: { author: 'me' } });
  });

  it('reports a function that cannot be a component, with its position, and writes nothing', () => {
    const dir = tempTree({ 'm.py': 'def f(*args):\n    pass\n' });
    const r = kft(['component', 'python', 'm.py:f', '-o', 'c.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.py:1:8: error:');
    expect(r.stderr).toContain('[python-unsupported-parameter]');
    expect(existsSync(join(dir, 'c.yaml'))).toBe(false);
  });

  it('is a usage error without FILE:FUNCTION or with a missing file', () => {
    expect(kft(['component', 'python', 'module.py']).code).toBe(2);
    expect(kft(['component', 'python', 'no-such.py:f']).code).toBe(2);
  });
});

describe('kft validate on component files', () => {
  it('checks a component file as a component, also one made from a Python function', () => {
    const dir = tempTree({
      'good.yaml': 'name: Echo\ninputs: [{name: text}]\nimplementation: {container: {image: alpine, command: [echo, {inputValue: text}]}}\n',
      'py.yaml': 'implementation: {python: {file: steps.py, function: add}}\n',
      'steps.py': 'def add(a: float, b: float) -> float:\n    return a + b\n',
    });
    const r = kft(['validate', 'good.yaml', 'py.yaml'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('reports component problems (not pipeline fields) and finds component files in directories', () => {
    const dir = tempTree({ 'c/bad.yaml': 'name: Echo\nimplementation: {container: {image: alpine, command: [echo, {inputValue: txt}]}}\n' });
    const r = kft(['validate', 'c'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("c/bad.yaml:2:74: error: component 'bad' has no input 'txt' [invalid-placeholder]");
    expect(r.stderr).not.toContain('apiVersion');
  });

  it('kft build refuses a component file with a hint', () => {
    const dir = tempTree({ 'c.yaml': 'implementation: {container: {image: alpine}}\n' });
    const r = kft(['build', 'c.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a component file, not a pipeline spec');
  });

  it('kft validate reads a component file as leniently as kfp (a warning), and a module or component that is not UTF-8 is an error at its first bad byte', () => {
    const dir = tempTree({ 'c/flow.yaml': 'name: Echo\nimplementation:\n  container:\n    image: alpine\n    command: [\necho, hi]\n' });
    writeFileSync(join(dir, 'c', 'latin1.yaml'), Buffer.from('name: Echo\n# caf\xe9\nimplementation: {container: {image: alpine}}\n', 'latin1'));
    writeFileSync(join(dir, 'm.py'), Buffer.from('# caf\xe9\ndef f(a: int) -> int:\n    return a\n', 'latin1'));
    const flow = kft(['validate', 'c/flow.yaml'], { cwd: dir });
    expect(flow.code).toBe(0);
    expect(flow.stderr).toContain('c/flow.yaml:6:1: warning: this line of the flow sequence opened at 5:14 is indented no deeper than the key that holds it');
    const latin1 = kft(['validate', 'c/latin1.yaml'], { cwd: dir });
    expect(latin1.code).toBe(1);
    expect(latin1.stderr).toContain('c/latin1.yaml:2:6: error: byte 0xE9 (at byte offset 16) is not valid UTF-8 [file-encoding]');
    const module = kft(['component', 'python', 'm.py:f'], { cwd: dir });
    expect(module.code).toBe(1);
    expect(module.stderr).toContain('m.py:1:6: error: byte 0xE9 (at byte offset 5) is not valid UTF-8 [file-encoding]');
    expect(module.stdout).toBe('');
  });
});
