/**
 * Stable codes for syntax (tokenizer) diagnostics, WEDI SNIP type 1. Codes never change meaning once
 * published: downstream systems (quarantine reasons, 999/TA1 mapping) key on them.
 */
export const SYNTAX_CODES = {
  'X12-SYN-ISA-MALFORMED': 'An ISA was found but its delimiters could not be determined.',
  'X12-SYN-DELIMITER-CONFLICT': 'Two ISA delimiters are the same character, or one is a letter or digit.',
  'X12-SYN-TEXT-OUTSIDE-INTERCHANGE':
    'Text before the first ISA, between interchanges or after the last IEA.',
  'X12-SYN-EMPTY-SEGMENT': 'Two segment terminators with nothing between them.',
  'X12-SYN-SEGMENT-ID': 'A segment identifier is not 2 or 3 upper-case letters or digits.',
  'X12-SYN-UNTERMINATED-SEGMENT': 'The input ends inside a segment (no segment terminator).',
  'X12-SYN-SEGMENT-TOO-LONG': 'A segment is longer than the reader accepts; it was skipped.',
} as const;

export type SyntaxCode = keyof typeof SYNTAX_CODES;
