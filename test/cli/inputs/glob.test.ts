import { describe, expect, it } from 'vitest';
import { globBase, globToRegExp, isGlob } from '../../../src/cli/inputs/glob.js';

describe('glob', () => {
  it('tells globs from plain paths', () => {
    expect(isGlob('a/b.yaml')).toBe(false);
    expect(isGlob('a/*.yaml')).toBe(true);
    expect(isGlob('a/{x,y}.yaml')).toBe(true);
  });

  it('finds the fixed directory to search from', () => {
    expect(globBase('pipelines/**/*.yaml')).toBe('pipelines');
    expect(globBase('*.yaml')).toBe('.');
    expect(globBase('a/b/c?.yaml')).toBe('a/b');
    expect(globBase('/abs/x/*.yml')).toBe('/abs/x');
  });

  it('matches * and ? within a segment, ** across segments', () => {
    const star = globToRegExp('p/*.yaml');
    expect(star.test('p/a.yaml')).toBe(true);
    expect(star.test('p/x/a.yaml')).toBe(false);
    const deep = globToRegExp('p/**/*.yaml');
    expect(deep.test('p/a.yaml')).toBe(true);
    expect(deep.test('p/x/y/a.yaml')).toBe(true);
    expect(deep.test('q/a.yaml')).toBe(false);
    expect(globToRegExp('p/a?.yaml').test('p/ab.yaml')).toBe(true);
    expect(globToRegExp('p/a?.yaml').test('p/a/.yaml')).toBe(false);
  });

  it('supports classes and alternatives, and treats dots literally', () => {
    expect(globToRegExp('p/[ab].yaml').test('p/b.yaml')).toBe(true);
    expect(globToRegExp('p/[!ab].yaml').test('p/b.yaml')).toBe(false);
    const alt = globToRegExp('p/*.{yaml,yml}');
    expect(alt.test('p/a.yml')).toBe(true);
    expect(alt.test('p/a.json')).toBe(false);
    expect(globToRegExp('p/a.yaml').test('p/aXyaml')).toBe(false);
  });
});
