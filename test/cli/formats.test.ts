/** Diagnostics formats (text with colour rules, json, sarif, github) and exit codes of `kft validate`. */
import { describe, expect, it } from 'vitest';
import { brokenSpec, kft, tempTree, validSpec } from './run.js';

const ESC = '\u001b[';

describe('kft validate formats', () => {
  const dir = tempTree({ 'bad.yaml': brokenSpec, 'good.yaml': validSpec('good') });

  it('text: file:line:col: message [code], the source line and a caret; no colour off a TTY', () => {
    const r = kft(['validate', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "bad.yaml:7:20: error: task 'a' uses unknown component 'missing' [unknown-component]\n" +
        '7 |     a: {component: missing}\n' +
        '  |                    ^~~~~~~\n' +
        '  hint: Declare it under spec.components.\n',
    );
  });

  it('colour: FORCE_COLOR turns it on, NO_COLOR and --no-color win', () => {
    expect(kft(['validate', 'bad.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stderr).toContain(ESC);
    expect(kft(['validate', 'bad.yaml'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stderr).not.toContain(ESC);
    expect(kft(['--no-color', 'validate', 'bad.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stderr).not.toContain(ESC);
  });

  it('json: the diagnostics as an array on stdout ([] when clean)', () => {
    const r = kft(['validate', '--format', 'json', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const list = JSON.parse(r.stdout);
    expect(list).toEqual([expect.objectContaining({ code: 'unknown-component', severity: 'error', range: { file: 'bad.yaml', line: 7, column: 20, endLine: 7, endColumn: 27 } })]);
    expect(kft(['validate', '-f', 'json', 'good.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('sarif: a SARIF 2.1.0 log with the catalogue entry as rule', () => {
    const r = kft(['validate', '--format', 'sarif', 'bad.yaml', 'good.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kft');
    expect(run.tool.driver.rules).toEqual([expect.objectContaining({ id: 'unknown-component', defaultConfiguration: { level: 'error' } })]);
    expect(run.results).toEqual([
      {
        ruleId: 'unknown-component',
        ruleIndex: 0,
        level: 'error',
        message: { text: "task 'a' uses unknown component 'missing'\nDeclare it under spec.components." },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.yaml' }, region: { startLine: 7, startColumn: 20, endLine: 7, endColumn: 27 } } }],
      },
    ]);
  });

  it('github: one workflow command per diagnostic on stdout', () => {
    const r = kft(['validate', '--format', 'github', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("::error file=bad.yaml,line=7,col=20,endColumn=27,title=kft unknown-component::task 'a' uses unknown component 'missing' [unknown-component]%0ADeclare it under spec.components.\n");
  });

  it('exit codes: 0 clean, 1 spec errors, 2 usage or unreadable input', () => {
    expect(kft(['validate', 'good.yaml'], { cwd: dir }).code).toBe(0);
    expect(kft(['validate', 'bad.yaml', 'good.yaml'], { cwd: dir }).code).toBe(1);
    expect(kft(['validate', 'nope.yaml'], { cwd: dir }).code).toBe(2);
    expect(kft(['validate', '--format', 'xml', 'good.yaml'], { cwd: dir }).code).toBe(2);
    expect(kft(['frobnicate'], { cwd: dir }).code).toBe(2);
  });
});
