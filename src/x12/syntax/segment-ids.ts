/**
 * The segment id vocabulary of the guides the engine reads (plus the envelope's), and how diagnostics
 * may name a segment.
 *
 * A segment id read from input is data: in a malformed file it can be anything, a patient's name
 * included. Diagnostic messages therefore name a received segment only when its id is one of these
 * (a fixed list, so no data can pass through) and otherwise by its position alone; locations keep an
 * id only when it is well-formed X12 (2-3 upper-case letters or digits, which a 999 IK301 must echo).
 */

// Written as literals: these are the very strings the readers' `switch (segment.id)` compares with, and
// the scanner hands them out for the ids it meets (V8 then compares pointers, not characters).
// prettier-ignore
export const KNOWN_SEGMENT_IDS = [
  'ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'TA1', 'BHT', 'BPR', 'TRN', 'CUR', 'REF', 'DTM', 'DTP', 'N1',
  'N3', 'N4', 'PER', 'RDM', 'LX', 'TS3', 'TS2', 'CLP', 'CAS', 'NM1', 'MIA', 'MOA', 'AMT', 'QTY', 'SVC', 'LQ',
  'PLB', 'HL', 'PRV', 'SBR', 'PAT', 'DMG', 'CLM', 'PWK', 'CN1', 'K3', 'NTE', 'CR1', 'CR2', 'CR3', 'CRC',
  'HI', 'HCP', 'LIN', 'CTP', 'SV1', 'SV2', 'SV5', 'OI', 'MEA', 'PS1', 'SVD', 'CL1', 'FRM', 'AK1',
  'AK2', 'IK3', 'IK4', 'CTX', 'IK5', 'AK9', 'STC', 'EQ', 'EB', 'III', 'MSG', 'AAA', 'INS', 'HSD', 'LS', 'LE',
  'MPI',
] as const;

const KNOWN = new Set<string>(KNOWN_SEGMENT_IDS);

function isIdChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
}

/** 2-3 upper-case letters or digits: the shape of every X12 segment id. */
export function isWellFormedSegmentId(id: string): boolean {
  if (id.length < 2 || id.length > 3) return false;
  for (let i = 0; i < id.length; i++) if (!isIdChar(id.charCodeAt(i))) return false;
  return true;
}

/** True when `id` is a segment id of the engine's guides (safe to name in a message). */
export function isKnownSegmentId(id: string): boolean {
  return KNOWN.has(id);
}

/**
 * How a message names a received segment: `Segment NM1` for an id of the guides, otherwise
 * `A segment` (its position and loop, given by the caller, say which).
 */
export function segmentLabel(id: string): string {
  return KNOWN.has(id) ? `Segment ${id}` : 'A segment';
}

/** The id for a diagnostic location: kept when well-formed X12, otherwise left out. */
export function locationSegmentId(id: string): string | undefined {
  return isWellFormedSegmentId(id) ? id : undefined;
}
