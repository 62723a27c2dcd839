/**
 * readsAsOtherThanString against models of the readers (test/emit/yamlResolvers.ts): every string
 * one of them takes for something else is caught, and nothing beyond the documented conservative
 * cases is (kft keeps ordinary strings plain).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readsAsOtherThanString } from '../../src/util/yaml11.js';
import { readerString } from '../emit/yamlArbitraries.js';
import { kftConservative } from '../emit/yamlOracle.js';
import { goYamlNotString, pyYamlNotString, someReaderNotString, yamlPackageNotString } from '../emit/yamlResolvers.js';

/** The yaml library (YAML 1.2 core schema) would write this string as a plain scalar in a block map value. */
const plainForCore = (s: string): boolean => stringify({ k: s }, { lineWidth: 0 }) === `k: ${s}\n`;

describe('readsAsOtherThanString', () => {
  it('holds for every string one of the readers takes for something else, as a plain scalar', () => {
    fc.assert(
      fc.property(readerString, (s) => {
        fc.pre(plainForCore(s));
        if (someReaderNotString(s)) expect(readsAsOtherThanString(s) || s.includes('\t')).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('holds for no other string but the documented conservative cases (kft keeps ordinary strings plain)', () => {
    fc.assert(
      fc.property(readerString, (s) => {
        fc.pre(plainForCore(s) && readsAsOtherThanString(s));
        const reader = goYamlNotString(s) || pyYamlNotString(s) || yamlPackageNotString(s, '1.1');
        expect(reader || kftConservative(s)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
