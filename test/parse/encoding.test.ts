/**
 * encoding: bytes are decoded strictly (UTF-8, or UTF-16 with a byte-order mark), a byte that is
 * not text is found at its offset (never replaced by U+FFFD), and the characters YAML forbids are
 * found wherever they stand. The UTF-8 validator is checked against TextDecoder's fatal mode on
 * random bytes, the UTF-8 length against Buffer.byteLength on random strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterName, decodeBytes, firstForbiddenCharacter, firstInvalidUtf8, textForDisplay, utf8Length } from '../../src/parse/encoding.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

describe('decodeBytes', () => {
  it('decodes UTF-8, dropping a byte-order mark', () => {
    expect(decodeBytes(bytes('a: café 😀\n'))).toEqual({ text: 'a: café 😀\n' });
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ text: 'a: 1\n' });
    expect(decodeBytes(new Uint8Array())).toEqual({ text: '' });
  });

  it('finds the first byte that is not UTF-8, with the text before it (for line and column)', () => {
    const r = decodeBytes(bytes('a: 1\nb: caf', [0xe9], '\n'));
    expect(r).toEqual({ error: { message: 'byte 0xE9 (at byte offset 11) is not valid UTF-8', offset: 11, textBefore: 'a: 1\nb: caf' } });
    // After a byte-order mark and multi-byte characters, offsets are in characters of the text.
    const after = decodeBytes(bytes([0xef, 0xbb, 0xbf], 'é😀', [0xc0, 0x80]));
    expect(after).toMatchObject({ error: { offset: 3, textBefore: 'é😀', message: 'byte 0xC0 (at byte offset 9) is not valid UTF-8' } });
  });

  it('reads UTF-16 with a byte-order mark, either byte order', () => {
    for (const bigEndian of [false, true]) {
      expect(decodeBytes(utf16('a: café 😀\n', bigEndian))).toEqual({ text: 'a: café 😀\n' });
    }
    const broken = Buffer.concat([Buffer.from(utf16('a: x', false)), Buffer.from([0x00, 0xd8, 0x41, 0x00])]); // a lone high surrogate
    expect(decodeBytes(broken)).toMatchObject({ error: { offset: 4, textBefore: 'a: x', message: 'the bytes at byte offset 10 are not valid UTF-16LE (an unpaired surrogate or an odd number of bytes)' } });
  });

  it('refuses UTF-32, and UTF-16 without a byte-order mark, by name', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]))).toMatchObject({ error: { message: 'the file is UTF-32 (it starts with a UTF-32 byte-order mark), which kft does not read', offset: 0 } });
    expect(decodeBytes(new Uint8Array([0, 0, 0xfe, 0xff]))).toMatchObject({ error: { message: expect.stringContaining('UTF-32') } });
    expect(decodeBytes(Buffer.from('a: 1\n', 'utf16le'))).toMatchObject({ error: { message: 'the file looks like UTF-16 or UTF-32 without a byte-order mark (it starts with a NUL byte)' } });
  });

  it('finds invalid UTF-8 exactly where TextDecoder stops (random bytes)', () => {
    const piece = fc.oneof(fc.uint8Array({ maxLength: 4 }), fc.constantFrom(...['é', '😀', '€', 'a'].map((s) => new Uint8Array(Buffer.from(s)))));
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const b = new Uint8Array(Buffer.concat(pieces));
      const bad = firstInvalidUtf8(b);
      const valid = (x: Uint8Array) => {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(x);
          return true;
        } catch {
          return false;
        }
      };
      expect(valid(b)).toBe(bad === b.length);
      expect(valid(b.subarray(0, bad))).toBe(true);
    }), { numRuns: 3000 });
  });

  it('shows undecodable lines with U+FFFD (for snippets only)', () => {
    expect(textForDisplay(bytes('caf', [0xe9]))).toBe('caf\ufffd');
    expect(textForDisplay(utf16('a', true))).toBe('a');
  });
});

describe('forbidden characters', () => {
  it('finds C0 and C1 controls, DEL, noncharacters and lone surrogates; not tab, line breaks, NEL or pairs', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f', '\u0080', '\u0084', '\u0086', '\u009f', '\ufffe', '\uffff', '\ud800', '\udfff']) {
      expect(firstForbiddenCharacter(`ab${c}`), JSON.stringify(c)).toBe(2);
    }
    expect(firstForbiddenCharacter('a\tb\nc\r\nd\u0085e\u00a0f😀\ufeff\ufffd')).toBe(-1);
  });

  it('names them', () => {
    expect([0, 0x1b, 0x7f, 0x9b, 0xd800, 0xfffe].map(characterName)).toEqual(['U+0000 (NUL)', 'U+001B (ESC)', 'U+007F (DEL)', 'U+009B (a control character)', 'U+D800 (an unpaired surrogate)', 'U+FFFE (a noncharacter)']);
  });
});

describe('utf8Length', () => {
  it('is the length of the UTF-8 encoding (random strings)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }), { numRuns: 2000 });
    expect(utf8Length('a\ud800b')).toBe(Buffer.byteLength('a\ud800b', 'utf8'));
  });
});
