/** src/python/annotations.ts: annotations as Python 3.11 evaluates them, and kfp's type names of them. */
import { describe, expect, it } from 'vitest';
import { AnnotationReader, stripOptional, typeStruct } from '../../src/python/annotations.js';
import { readModule } from '../../src/python/module.js';

const MODULE = `import typing as t
from typing import List, Optional, Union, Any, NamedTuple
from kfp.components import InputPath
import kfp.components as comp
from kfp.v2.dsl import Output

class Pair(NamedTuple):
    a: int
    b: 'Metrics'

def f(p1: int, p2: List[str], p3: t.Dict[str, Any], p4: Optional[int], p5: Union[int, None, str], p6: 'Integer', p7: int | None,
      p8: List[Optional[int]], p9: InputPath('CSV'), p10: comp.OutputPath(int), p11: Any, p12: list[int], p13: Union[str, List['X']],
      p14: {'GCSPath': {'data_type': 'CSV'}}, p15: Output, p16: DataFrame) -> Pair:
    pass
`;

describe('AnnotationReader', () => {
  const module = readModule(MODULE);
  const reader = new AnnotationReader(module);
  const params = module.functions.get('f')!.params;
  const type = (i: number) => typeStruct(stripOptional(reader.read(params[i]!.annotation!)));

  it('names types as kfp does', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 10, 11, 12].map(type)).toEqual([
      'Integer', 'typing.List[str]', 'typing.Dict[str, typing.Any]', 'Integer', 'Integer', 'Integer', 'int | None',
      'typing.List[typing.Optional[int]]', 'Any', 'list[int]', "typing.Union[str, typing.List[ForwardRef('X')]]",
    ]);
    expect(type(13)).toEqual({ GCSPath: { data_type: 'CSV' } });
  });

  it('reads data passing styles and NamedTuple classes', () => {
    expect(reader.read(params[8]!.annotation!)).toEqual({ kind: 'passing', style: 'InputPath', type: { kind: 'string', value: 'CSV' } });
    expect(typeStruct((reader.read(params[9]!.annotation!) as { type?: never }).type)).toBe('Integer');
    const ret = reader.read(module.functions.get('f')!.returns!);
    expect(ret.kind === 'namedTuple' && ret.fields.map((f) => [f.name, typeStruct(f.type)])).toEqual([['a', 'Integer'], ['b', 'Metrics']]);
  });

  it('refuses kfp v2 annotations and names that are not imported', () => {
    expect(() => reader.read(params[14]!.annotation!)).toThrow(/kfp v2/);
    expect(() => reader.read(params[15]!.annotation!)).toThrow(/neither imported nor defined/);
  });
});
