import { describe, expect, it } from 'vitest';
import { dnsLabel, NameAllocator, paramName, resultName, sanitize, shorten } from '../../src/lower/names.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

describe('names', () => {
  it('sanitises as kfp-tekton does', () => {
    expect(sanitize('My Task_1!')).toBe('my-task-1');
    expect(sanitize('--a__b--')).toBe('a-b');
    expect(dnsLabel('Hello World')).toBe('hello-world');
    expect(dnsLabel('___')).toMatch(DNS_LABEL);
  });

  it('shortens long names to 63 characters, deterministically, keeping distinct names distinct', () => {
    const a = 'a-very-long-task-name-that-goes-on-and-on-and-on-beyond-the-limit-one';
    const b = 'a-very-long-task-name-that-goes-on-and-on-and-on-beyond-the-limit-two';
    expect(shorten(a)).toHaveLength(63);
    expect(shorten(a)).toBe(shorten(a));
    expect(shorten(a)).not.toBe(shorten(b));
    expect(shorten(a)).toMatch(DNS_LABEL);
    expect(shorten('short')).toBe('short');
    // A cut that ends in '-' does not leave '--' before the hash.
    expect(shorten('x'.repeat(56) + '-' + 'y'.repeat(20))).toMatch(/^x{56}-[0-9a-f]{5}$/);
    expect(dnsLabel('A'.repeat(100))).toMatch(DNS_LABEL);
    expect(dnsLabel('A'.repeat(100)).length).toBeLessThanOrEqual(63);
  });

  it('resolves collisions by call order with -2, -3, also for shortened names', () => {
    const names = new NameAllocator();
    expect([names.allocate('echo'), names.allocate('echo'), names.allocate('echo')]).toEqual(['echo', 'echo-2', 'echo-3']);
    const long = 'n'.repeat(70);
    const first = names.allocate(long);
    const second = names.allocate(long);
    expect(first).not.toBe(second);
    expect(second.length).toBeLessThanOrEqual(63);
    const again = new NameAllocator();
    expect([again.allocate(long), again.allocate(long)]).toEqual([first, second]);
  });

  it('respects reserved names', () => {
    const names = new NameAllocator();
    names.reserve('main');
    expect(names.allocate('main')).toBe('main-2');
  });

  it('makes Tekton param and result names', () => {
    expect(paramName('sleep_ms')).toBe('sleep_ms');
    expect(paramName('my param!')).toBe('my-param');
    expect(paramName('1st')).toBe('p-1st');
    expect(resultName('dummy_output_path')).toBe('dummy-output-path');
    expect(resultName('Output Data')).toBe('Output-Data');
    expect(resultName('__')).toMatch(/^result-[0-9a-f]{5}$/);
  });

  it('shortens long result names deterministically (the result is a file named after it)', () => {
    const long = 'Data_123'.repeat(100);
    const name = resultName(long);
    expect(name).toHaveLength(63);
    expect(name).toMatch(/^Data-123Data-123.*-[0-9a-f]{5}$/);
    expect(resultName(long)).toBe(name);
    expect(resultName(long + 'x')).not.toBe(name);
    expect(resultName('a'.repeat(63))).toBe('a'.repeat(63));
  });
});
