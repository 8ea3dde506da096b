/**
 * Segment definitions shared by the 270 and 271 schemas (005010X279A1).
 */
import type { SegmentDef, Usage } from '../../schema/types';
import { diagnosisPointerComposite, procedureComposite } from '../277ca-005010x214/common-segments';
import { co, composite, el, seg } from '../277ca-005010x214/schema-dsl';

/** 2100B information receiver entity codes. */
export const RECEIVER_ENTITY_CODES = ['1P', '2B', '36', '80', 'FA', 'GP', 'P5', 'PR'] as const;
export const RECEIVER_ID_QUALIFIERS = ['PI', 'PP', 'SV', 'XV', 'XX', 'FI', '24', '34', '46'] as const;
export const PAYER_ID_QUALIFIERS = ['24', '46', 'FI', 'NI', 'PI', 'XV', 'XX'] as const;

/** Subscriber/dependent supplemental identifiers (REF in 2100C/2100D). */
export const MEMBER_REF_QUALIFIERS = [
  '18',
  '1L',
  '1W',
  '3H',
  '6P',
  'CT',
  'EA',
  'EJ',
  'F6',
  'GH',
  'HJ',
  'IG',
  'MRC',
  'N6',
  'NQ',
  'SY',
  'Y4',
  'Q4',
] as const;

/** HI health care diagnosis codes (2100C/2100D), up to 8 composites. */
export function hiSegment(): SegmentDef {
  const diagnosis = (n: number) =>
    composite(`HI${String(n).padStart(2, '0')}`, 'Health Care Code Information', n === 1 ? 'R' : 'S', [
      co(`HI${String(n).padStart(2, '0')}-1`, 'Code List Qualifier Code', 'R', 'ID', 1, 3, [
        'ABK',
        'ABF',
        'BK',
        'BF',
      ]),
      co(`HI${String(n).padStart(2, '0')}-2`, 'Industry Code', 'R', 'AN', 1, 30),
    ]);
  return seg('HI', 'Health Care Diagnosis Code', 'S', 1, [1, 2, 3, 4, 5, 6, 7, 8].map(diagnosis));
}

/** EQ eligibility or benefit inquiry (2110C/2110D): EQ01 repeats (up to 99 service types). */
export function eqSegment(): SegmentDef {
  return seg('EQ', 'Eligibility or Benefit Inquiry', 'R', 1, [
    el('EQ01', 'Service Type Code', 'S', 'ID', 1, 2, undefined, 99),
    procedureComposite('EQ02', 'S', ['AD', 'CJ', 'HC', 'ID', 'IV', 'N4', 'ZZ']),
    el('EQ03', 'Coverage Level Code', 'N', 'ID', 3, 3),
    el('EQ04', 'Insurance Type Code', 'N', 'ID', 1, 3),
    diagnosisPointerComposite('EQ05'),
  ]);
}

/** EB eligibility or benefit information (2110C/2110D of the 271). */
export function ebSegment(): SegmentDef {
  return seg('EB', 'Subscriber Eligibility or Benefit Information', 'R', 1, [
    el('EB01', 'Eligibility or Benefit Information Code', 'R', 'ID', 1, 2),
    el('EB02', 'Coverage Level Code', 'S', 'ID', 3, 3, [
      'CHD',
      'DEP',
      'ECH',
      'EMP',
      'ESP',
      'FAM',
      'IND',
      'SPC',
      'SPO',
    ]),
    el('EB03', 'Service Type Code', 'S', 'ID', 1, 2, undefined, 99),
    el('EB04', 'Insurance Type Code', 'S', 'ID', 1, 3),
    el('EB05', 'Plan Coverage Description', 'S', 'AN', 1, 50),
    el('EB06', 'Time Period Qualifier', 'S', 'ID', 1, 2),
    el('EB07', 'Monetary Amount', 'S', 'R', 1, 18),
    el('EB08', 'Percentage as Decimal', 'S', 'R', 1, 10),
    el('EB09', 'Quantity Qualifier', 'S', 'ID', 2, 2),
    el('EB10', 'Quantity', 'S', 'R', 1, 15),
    el('EB11', 'Yes/No Condition or Response Code', 'S', 'ID', 1, 1, ['N', 'U', 'Y']),
    el('EB12', 'Yes/No Condition or Response Code', 'S', 'ID', 1, 1, ['N', 'U', 'W', 'Y']),
    procedureComposite('EB13', 'S', ['AD', 'CJ', 'HC', 'ID', 'IV', 'N4', 'ZZ']),
    diagnosisPointerComposite('EB14'),
  ]);
}

export function hsdSegment(): SegmentDef {
  return seg('HSD', 'Health Care Services Delivery', 'S', 9, [
    el('HSD01', 'Quantity Qualifier', 'S', 'ID', 2, 2),
    el('HSD02', 'Quantity', 'S', 'R', 1, 15),
    el('HSD03', 'Unit or Basis for Measurement Code', 'S', 'ID', 2, 2),
    el('HSD04', 'Sample Selection Modulus', 'S', 'R', 1, 6),
    el('HSD05', 'Time Period Qualifier', 'S', 'ID', 1, 2),
    el('HSD06', 'Number of Periods', 'S', 'N0', 1, 3),
    el('HSD07', 'Ship/Delivery or Calendar Pattern Code', 'S', 'ID', 1, 2),
    el('HSD08', 'Ship/Delivery Pattern Time Code', 'S', 'ID', 1, 1),
  ]);
}

export function msgSegment(): SegmentDef {
  return seg('MSG', 'Message Text', 'S', 10, [el('MSG01', 'Free-form Message Text', 'R', 'AN', 1, 264)]);
}

export function iiiSegment(): SegmentDef {
  return seg('III', 'Eligibility or Benefit Additional Information', 'S', 1, [
    el('III01', 'Code List Qualifier Code', 'S', 'ID', 1, 3, ['GR', 'NI', 'ZZ']),
    el('III02', 'Industry Code', 'S', 'AN', 1, 30),
    el('III03', 'Code Category', 'S', 'ID', 2, 2, ['44']),
    el('III04', 'Free-form Message Text', 'S', 'AN', 1, 264),
  ]);
}

export function lsSegment(): SegmentDef {
  return seg('LS', 'Loop Header', 'S', 1, [el('LS01', 'Loop Identifier Code', 'R', 'AN', 1, 4, ['2120'])]);
}

export function leSegment(): SegmentDef {
  return seg('LE', 'Loop Trailer', 'S', 1, [el('LE01', 'Loop Identifier Code', 'R', 'AN', 1, 4, ['2120'])]);
}

/** MPI military personnel information (2100C/2100D of the 271). */
export function mpiSegment(usage: Usage): SegmentDef {
  return seg('MPI', 'Military Personnel Information', usage, 1, [
    el('MPI01', 'Information Status Code', 'R', 'ID', 1, 1),
    el('MPI02', 'Employment Status Code', 'R', 'ID', 2, 2),
    el('MPI03', 'Government Service Affiliation Code', 'R', 'ID', 1, 1),
    el('MPI04', 'Description', 'S', 'AN', 1, 80),
    el('MPI05', 'Military Service Rank Code', 'S', 'ID', 2, 2),
    el('MPI06', 'Date Time Period Format Qualifier', 'S', 'ID', 2, 3),
    el('MPI07', 'Date Time Period', 'S', 'AN', 1, 35),
  ]);
}
