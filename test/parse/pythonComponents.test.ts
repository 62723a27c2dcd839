/**
 * parse() with `python:` implementations: the module is read through the host relative to the file
 * that declares the component (the spec, or a component file), once per module, inside the spec's
 * tree; the component made of the function replaces the declaration; problems point into the
 * module (or at the inline source).
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import type { CompileHost } from '../../src/host.js';
import { parse } from '../../src/parse/index.js';

const MODULE = `from kfp.components import OutputPath


def add(a: float, b: float = 2.5) -> float:
    """Adds two numbers."""
    return a + b


def write(text: str, out_path: OutputPath('Text')):
    open(out_path, 'w').write(text)
`;

const spec = (components: string, tasks = 't: {component: add, arguments: {a: 1}}') =>
  `apiVersion: kft.dev/v1alpha1\nkind: Pipeline\nmetadata: {name: p}\nspec:\n  components:\n${components}\n  tasks: {${tasks}}\n`;

function host(files: Record<string, string>, reads: string[] = []): CompileHost {
  return { readFile: (p) => (reads.push(p), files[p]), realpath: (p) => p };
}

describe('parse: python components', () => {
  it('makes the component of a function in a module beside the spec', () => {
    const reads: string[] = [];
    const parsed = parse(
      { path: '/repo/p/spec.yaml', text: spec('    add: {implementation: {python: {file: steps/m.py, function: add}}}\n    write: {implementation: {python: {file: steps/m.py, function: write}}}') },
      { host: host({ '/repo/p/steps/m.py': MODULE }, reads) },
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(reads).toEqual(['/repo/p/steps/m.py']);
    const add = parsed.pythonComponents.get('add')!;
    expect(add.file).toBe('/repo/p/steps/m.py');
    expect(add.value).toMatchObject({ name: 'Add', description: 'Adds two numbers.', inputs: [{ name: 'a', type: 'Float' }, { name: 'b', type: 'Float', default: '2.5', optional: true }], outputs: [{ name: 'Output', type: 'Float' }] });
    expect(parsed.pythonComponents.get('write')!.value).toMatchObject({ inputs: [{ name: 'text', type: 'String' }], outputs: [{ name: 'out', type: 'Text' }] });
    // Positions of the generated component are the function's name in the module.
    expect(add.rangeOf('/inputs/0')).toMatchObject({ file: '/repo/p/steps/m.py', line: 4, column: 5 });
  });

  it('resolves the module relative to a component file that declares it', () => {
    const files = {
      '/repo/p/components/add.yaml': 'implementation: {python: {file: ../steps/m.py, function: add, baseImage: "python:3.11"}}\n',
      '/repo/p/steps/m.py': MODULE,
    };
    const parsed = parse({ path: '/repo/p/spec.yaml', text: spec('    add: {file: components/add.yaml}') }, { host: host(files) });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.pythonComponents.get('add')!.value).toMatchObject({ implementation: { container: { image: 'python:3.11' } } });
  });

  it('keeps modules inside the spec\'s tree unless allowed', () => {
    const files = { '/repo/shared/m.py': MODULE };
    const text = spec('    add: {implementation: {python: {file: ../shared/m.py, function: add}}}');
    expect(parse({ path: '/repo/p/spec.yaml', text }, { host: host(files) }).diagnostics.map((d) => d.code)).toEqual(['file-outside-root']);
    expect(parse({ path: '/repo/p/spec.yaml', text }, { host: host(files), allowOutsideRoot: true }).diagnostics).toEqual([]);
    const url = spec('    add: {implementation: {python: {file: "https://example.com/m.py", function: add}}}');
    expect(parse({ path: '/repo/p/spec.yaml', text: url }, { host: host(files) }).diagnostics.map((d) => d.code)).toEqual(['remote-reference']);
  });

  it('reads inline source, and points problems in it at the source field with the line', () => {
    const text = spec('    add:\n      implementation:\n        python:\n          function: add\n          source: |\n            def add(*numbers):\n                return sum(numbers)\n');
    const parsed = parse({ path: '/repo/p/spec.yaml', text }, { host: host({}) });
    expect(parsed.diagnostics.map((d) => [d.code, d.range?.line, d.message])).toEqual([
      ['python-unsupported-parameter', 10, "'*numbers' cannot be a component input: kfp passes every input by name (line 1 of the source)"],
    ]);
  });

  it('compiles a task of a python component like any other (outputs become results)', () => {
    const result = compile(
      { path: '/repo/p/spec.yaml', text: spec('    add: {implementation: {python: {file: m.py, function: add}}}', 't: {component: add, arguments: {a: 1}}, u: {component: add, arguments: {a: "{{tasks.t.outputs.Output}}"}}') },
      { host: host({ '/repo/p/m.py': MODULE }) },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.text).toContain('_outputs = add(**_parsed_args)');
    expect(result.text).toContain('$(tasks.t.results.Output)');
  });

  it('does not add errors about tasks of a component whose function failed', () => {
    const result = compile({ path: '/repo/p/spec.yaml', text: spec('    add: {implementation: {python: {file: m.py, function: missing}}}') }, { host: host({ '/repo/p/m.py': MODULE }) });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['python-function-not-found']);
  });
});

describe('parse: python modules as bytes', () => {
  it('decodes a module the host returns as bytes, and reports one that is not UTF-8 at its first bad byte', () => {
    const text = spec('    add: {implementation: {python: {file: steps/m.py, function: add}}}');
    const bytesHost = (content: Uint8Array): CompileHost => ({ readFile: (p) => (p === '/repo/p/steps/m.py' ? content : undefined), realpath: (p) => p });
    const good = parse({ path: '/repo/p/spec.yaml', text }, { host: bytesHost(new Uint8Array(Buffer.from(`# é\n${MODULE}`))) });
    expect(good.diagnostics).toEqual([]);
    expect(good.pythonComponents.get('add')?.value).toMatchObject({ name: 'Add' });
    const bad = parse({ path: '/repo/p/spec.yaml', text }, { host: bytesHost(new Uint8Array(Buffer.from(`# caf\xe9\n${MODULE}`, 'latin1'))) });
    expect(bad.diagnostics.map((d) => `${d.range?.file}:${d.range?.line}:${d.range?.column} ${d.code}`)).toEqual(['/repo/p/steps/m.py:1:6 file-encoding']);
  });
});
