import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/parse/readYaml.js';

const doc = (text: string) => {
  const { document } = readYaml('f.yaml', text);
  if (!document) throw new Error('no document');
  return document;
};
/** line:column..endLine:endColumn of the characters [start, end) of the value at `pointer`. */
const within = (text: string, pointer: string, start: number, end: number) => {
  const r = doc(text).rangeWithin(pointer, start, end);
  return r && `${r.line}:${r.column}..${r.endLine}:${r.endColumn}`;
};

describe('SourceDocument.rangeWithin', () => {
  it('maps offsets in plain, single-quoted and double-quoted one-line scalars', () => {
    expect(within('a: x {{p}}\n', '/a', 2, 7)).toBe('1:6..1:11');
    expect(within("a: 'x {{p}}'\n", '/a', 2, 7)).toBe('1:7..1:12');
    expect(within('a: "x {{p}}"\n', '/a', 2, 7)).toBe('1:7..1:12');
    expect(within('{"a": ["x {{p}}"]}', '/a/0', 2, 7)).toBe('1:11..1:16');
  });

  it('falls back to the whole value where source and value offsets differ', () => {
    expect(within('a: "\\tx {{p}}"\n', '/a', 3, 8)).toBe('1:4..1:15');
    expect(within("a: 'it''s {{p}}'\n", '/a', 5, 10)).toBe('1:4..1:17');
    expect(within('a: |\n  x {{p}}\nb: 1\n', '/a', 2, 7)).toBe('1:4..3:1');
    expect(within('a: x\n  {{p}}\n', '/a', 2, 7)).toBe('1:4..2:8');
  });

  it('falls back to the nearest range for a pointer without its own', () => {
    expect(within('a: x\n', '/a/b', 0, 1)).toBe('1:4..1:5');
  });
});
