/** Byte helpers shared by the tokenizer and the streaming reader. */

/** View any byte input (or a string, encoded as UTF-8) as a Buffer without copying bytes. */
export function toBuffer(input: Uint8Array | string): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  if (Buffer.isBuffer(input)) return input;
  return Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

export const CR = 0x0d;
export const LF = 0x0a;
export const SPACE = 0x20;
export const TAB = 0x09;

/** Whitespace allowed between segments (line breaks after terminators, pretty-printed indentation). */
export function isLayoutByte(byte: number): boolean {
  return byte === LF || byte === CR || byte === SPACE || byte === TAB;
}

export function isAlphanumericByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}
