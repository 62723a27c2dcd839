/** src/python/docstring.ts: docstring_parser's choice among its four styles, and what kfp takes. */
import { describe, expect, it } from 'vitest';
import { cleandoc, parseDocstring } from '../../src/python/docstring.js';

describe('parseDocstring', () => {
  it('Google style: summary and Args (type in parentheses dropped, continuation lines kept)', () => {
    const d = parseDocstring('Sums.\n\n    Args:\n        a (int): First\n            number.\n        b: Second.\n    Returns:\n        The sum.\n    ');
    expect(d.shortDescription).toBe('Sums.');
    expect([...d.params]).toEqual([['a', 'First\nnumber.'], ['b', 'Second.']]);
  });

  it('reST, numpydoc and epydoc fields', () => {
    expect([...parseDocstring('S.\n:param x: the x\n:param int y: the y\n:returns: z').params]).toEqual([['x', 'the x'], ['y', 'the y']]);
    expect([...parseDocstring('S.\n\nParameters\n----------\nx : int\n    The x.\ny\n    The y.\n').params]).toEqual([['x', 'The x.'], ['y', 'The y.']]);
    expect([...parseDocstring('S.\n@param x: an x\n@type x: int\n').params]).toEqual([['x', 'an x']]);
  });

  it('the style that finds the most fields wins; a tie keeps the first (reST)', () => {
    expect(parseDocstring('Summary: with a colon.\n').shortDescription).toBe('Summary: with a colon.');
    expect(parseDocstring(undefined)).toEqual({ params: new Map() });
  });

  it('cleandoc as inspect: tabs expanded, common indent and blank edge lines removed', () => {
    expect(cleandoc('  First\n\n\t  second\n\t third\n\n')).toBe('First\n\n second\nthird');
  });
});
