/**
 * Finds an interchange's delimiters in the bytes of its ISA. The element separator is the byte after
 * "ISA"; ISA16 is found by counting 16 element separators (real files pad ISA fields short, so fixed
 * offsets are not enough); the byte after ISA16 is the segment terminator.
 */
import type { Delimiters } from './types';
import { isAlphanumericByte } from './bytes';
import type { SyntaxCode } from './diagnostic-codes';

/** An ISA is 106 bytes; allow generous over-padding before giving up on finding ISA16. */
const MAX_ISA_BYTES = 256;
const ISA_ELEMENT_COUNT = 16;

export type IsaDelimiterScan =
  | { kind: 'need-more' }
  | { kind: 'found'; delimiters: Delimiters; terminatorPosition: number }
  | { kind: 'malformed'; code: SyntaxCode; message: string };

function usableDelimiter(byte: number): boolean {
  return byte < 0x80 && !isAlphanumericByte(byte) && byte !== 0x20;
}

/**
 * `start` is the position of "ISA" in `bytes`. `ended` tells whether more bytes can still arrive:
 * a streaming caller gets `need-more` instead of a verdict while the ISA is incomplete.
 */
export function scanIsaDelimiters(bytes: Uint8Array, start: number, ended: boolean): IsaDelimiterScan {
  const incomplete = (): IsaDelimiterScan =>
    ended
      ? {
          kind: 'malformed',
          code: 'X12-SYN-ISA-MALFORMED',
          message: 'The input ends inside the ISA segment.',
        }
      : { kind: 'need-more' };
  const length = bytes.length;
  if (start + 3 >= length) return incomplete();
  const separator = bytes[start + 3];
  if (!usableDelimiter(separator)) {
    return {
      kind: 'malformed',
      code: 'X12-SYN-ISA-MALFORMED',
      message: 'The ISA element separator is not usable.',
    };
  }
  const separatorPositions: number[] = [];
  let position = start + 3;
  const limit = Math.min(length, start + MAX_ISA_BYTES);
  while (position < limit && separatorPositions.length < ISA_ELEMENT_COUNT) {
    if (bytes[position] === separator) separatorPositions.push(position);
    position++;
  }
  if (separatorPositions.length < ISA_ELEMENT_COUNT) {
    if (position >= start + MAX_ISA_BYTES) {
      return {
        kind: 'malformed',
        code: 'X12-SYN-ISA-MALFORMED',
        message: 'The ISA does not have 16 elements within its expected length.',
      };
    }
    return incomplete();
  }
  const componentPosition = separatorPositions[ISA_ELEMENT_COUNT - 1] + 1;
  const terminatorPosition = componentPosition + 1;
  if (terminatorPosition >= length) return incomplete();
  const component = bytes[componentPosition];
  const terminator = bytes[terminatorPosition];
  if (
    !usableDelimiter(component) ||
    terminator >= 0x80 ||
    isAlphanumericByte(terminator) ||
    component === separator ||
    terminator === separator ||
    terminator === component
  ) {
    return {
      kind: 'malformed',
      code: 'X12-SYN-DELIMITER-CONFLICT',
      message:
        'The ISA16 component separator or the segment terminator is missing, repeated or alphanumeric.',
    };
  }
  // ISA11 is the repetition separator in 5010; `U` (4010) or any letter/digit means there is none.
  const isa11Start = separatorPositions[10] + 1;
  const isa11End = separatorPositions[11];
  const isa11 = isa11End - isa11Start === 1 ? bytes[isa11Start] : -1;
  const repetition =
    isa11 >= 0 && usableDelimiter(isa11) && isa11 !== separator && isa11 !== component && isa11 !== terminator
      ? String.fromCharCode(isa11)
      : null;
  return {
    kind: 'found',
    terminatorPosition,
    delimiters: {
      element: String.fromCharCode(separator),
      repetition,
      component: String.fromCharCode(component),
      segment: String.fromCharCode(terminator),
    },
  };
}
