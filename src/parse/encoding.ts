/**
 * Bytes → text, and the characters YAML forbids in text. A file's bytes are decoded strictly: UTF-8
 * (with or without a byte-order mark), or UTF-16 when a byte-order mark says so (YAML 1.2 §5.2; PyYAML,
 * which kfp uses, reads both). Anything else is refused with the position of the first byte that is
 * not text, never replaced by U+FFFD: a replaced byte would silently change a value. Only
 * TextDecoder is used, so a browser host decodes the same way.
 */

export type Decoded = { readonly text: string } | { readonly error: EncodingError };

export interface EncodingError {
  readonly message: string;
  /** Offset in the text decoded before the error (for line and column), and that text. */
  readonly offset: number;
  readonly textBefore: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeBytes(bytes: Uint8Array): Decoded {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    return failure('the file is UTF-32 (it starts with a UTF-32 byte-order mark), which kft does not read', 0, '');
  }
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, 'utf-16be');
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  // Without a byte-order mark, a NUL among the first two bytes is how YAML 1.2 (§5.2) recognises
  // UTF-16 or UTF-32: refused with that name rather than as a NUL character.
  if (bytes.length >= 2 && (b0 === 0 || b1 === 0) && !startsWith(bytes, UTF8_BOM)) {
    return failure('the file looks like UTF-16 or UTF-32 without a byte-order mark (it starts with a NUL byte)', 0, '');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const start = startsWith(bytes, UTF8_BOM) ? 3 : 0;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(start, bad));
    return failure(`byte 0x${hex(bytes[bad] ?? 0)} (at byte offset ${bad}) is not valid UTF-8`, before.length, before);
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return failure(`the file is ${encoding.toUpperCase()}, which this JavaScript runtime cannot decode`, 0, '');
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf16(bytes, encoding === 'utf-16le');
    const before = new TextDecoder(encoding).decode(bytes.subarray(2, bad));
    return failure(`the bytes at byte offset ${bad} are not valid ${encoding.toUpperCase()} (an unpaired surrogate or an odd number of bytes)`, before.length, before);
  }
}

/** The text of bytes for showing lines of a file (snippets): as decodeBytes, with U+FFFD where a byte is not text. */
export function textForDisplay(bytes: Uint8Array): string {
  const decoded = decodeBytes(bytes);
  return 'text' in decoded ? decoded.text : new TextDecoder('utf-8').decode(bytes);
}

const failure = (message: string, offset: number, textBefore: string): Decoded => ({ error: { message, offset, textBefore } });

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const hex = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** Offset of the first byte that does not start (or continue) a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlong forms,
    // no surrogates, nothing above U+10FFFF): the table of the Unicode standard, §3.9.
    let length = 0;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Offset of the first code unit of UTF-16 bytes (after the 2-byte BOM) that is not well formed. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 2;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return i;
      const next = unit(i + 2);
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i;
}

/**
 * Characters YAML does not allow in a stream (YAML 1.2 §5.1, c-printable): C0 controls other than
 * tab, line feed and carriage return, DEL, C1 controls other than NEL, U+FFFE, U+FFFF and unpaired
 * surrogates. They are refused wherever they stand, also in quoted scalars (where YAML would take a
 * few of them): a spec has no use for them raw, and an escape (`"\0"`, `"\x7f"`) says the same visibly.
 */
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The offset of the first character YAML forbids, or -1. */
export function firstForbiddenCharacter(text: string): number {
  const m = FORBIDDEN.exec(text);
  return m ? m.index : -1;
}

/** How a forbidden character is named in a message: `U+0000 (NUL)`. */
export function characterName(code: number): string {
  const names: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 0x0b: 'VT', 0x0c: 'FF', 0x1b: 'ESC', 0x7f: 'DEL' };
  const u = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (names[code]) return `${u} (${names[code]})`;
  if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return `${u} (a control character)`;
  if (code >= 0xd800 && code <= 0xdfff) return `${u} (an unpaired surrogate)`;
  return `${u} (a noncharacter)`;
}

/** UTF-8 length of a string, without allocating (unpaired surrogates count 3, as TextEncoder writes U+FFFD). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a pair: 2 units, 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}
