/** src/python/functionSource.ts: the source kfp copies: inspect.getsource, dedent, lib2to3 hint stripping. */
import { describe, expect, it } from 'vitest';
import { functionSource, stripTypeHints } from '../../src/python/functionSource.js';
import { readModule } from '../../src/python/module.js';

const source = (text: string, name: string) => {
  const m = readModule(text);
  return functionSource(m, m.functions.get(name)!);
};

describe('functionSource', () => {
  it('starts at def (decorators dropped) and ends where inspect ends the block', () => {
    const text = '@deco(\n  1)\n@other\ndef f(x: int) -> int:\n    y = x\n   \n    return y\n    # kept: indented like the body\n# not kept\nz = 1\n';
    expect(source(text, 'f')).toBe('def f(x):\n    y = x\n\n    return y\n    # kept: indented like the body\n');
  });

  it('handles a body on the def line', () => {
    expect(source('def f(a: int) -> int: return a\nx = 2\n', 'f')).toBe('def f(a): return a\n');
  });
});

describe('stripTypeHints', () => {
  it('removes parameter and return annotations of every def, with what precedes them', () => {
    expect(stripTypeHints('def f(a: int, b : str=1, *c: int, d: Dict[str, int] = {}, **e: str) -> NamedTuple(\n  "O", [("x", int)]):\n    def g(y: int) -> str: pass\n    h = lambda z: z\n    k: int = 3\n')).toBe(
      'def f(a, b=1, *c, d = {}, **e):\n    def g(y): pass\n    h = lambda z: z\n    k: int = 3\n',
    );
  });

  it('keeps comments after an annotation and lambdas in defaults', () => {
    expect(stripTypeHints('def f(\n    a: int,  # first\n    key=lambda p: p[0],\n    b: str = "x",\n):\n    pass\n')).toBe('def f(\n    a,  # first\n    key=lambda p: p[0],\n    b = "x",\n):\n    pass\n');
  });
});
