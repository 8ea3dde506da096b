/**
 * 271 Health Care Eligibility Benefit Response, ASC X12N 005010X279A1, as typed data. Same HL tree as
 * the 270 (20 > 21 > 22 > 23) plus AAA request validation at each level and the 2110C/2110D EB
 * benefit loops with their 2115 additional information and 2120 benefit related entities (LS/LE).
 */
import type { LoopDef, TransactionSchema } from '../../schema/types';
import { AAA_REJECT_REASONS } from '../../codes/aaa-reject-reasons';
import {
  aaaSegment,
  bhtSegment,
  dmgSegment,
  dtpSegment,
  hlSegment,
  insSegment,
  n3Segment,
  n4Segment,
  nm1Segment,
  perSegment,
  prvSegment,
  refSegment,
  seSegment,
  stSegment,
  trnSegment,
} from '../277ca-005010x214/common-segments';
import { loop } from '../277ca-005010x214/schema-dsl';
import {
  ebSegment,
  hiSegment,
  hsdSegment,
  iiiSegment,
  leSegment,
  lsSegment,
  MEMBER_REF_QUALIFIERS,
  mpiSegment,
  msgSegment,
  PAYER_ID_QUALIFIERS,
  RECEIVER_ENTITY_CODES,
  RECEIVER_ID_QUALIFIERS,
} from '../270-005010x279a1/eligibility-segments';

const REJECT_REASONS = Object.keys(AAA_REJECT_REASONS);

/** Dates of 2100C/2100D (plan, eligibility, service...). */
const MEMBER_DATE_QUALIFIERS = [
  '096',
  '102',
  '152',
  '291',
  '307',
  '318',
  '340',
  '341',
  '342',
  '343',
  '346',
  '347',
  '356',
  '357',
  '382',
  '435',
  '442',
  '458',
  '472',
  '539',
  '540',
  '636',
  '771',
];

function benefitLoop(letter: 'C' | 'D'): LoopDef {
  return loop(`2110${letter}`, 'Eligibility or Benefit Information', 'S', '>1', [
    ebSegment(),
    hsdSegment(),
    refSegment('Additional Identification', 'S', 9, [
      '18',
      '1L',
      '1W',
      '4L',
      '6P',
      '9F',
      'A6',
      'F8',
      'G1',
      'IG',
      'ALS',
      'CLI',
      'FO',
      'NW',
    ]),
    dtpSegment(
      'Eligibility or Benefit Date',
      'S',
      20,
      [
        '096',
        '193',
        '194',
        '198',
        '290',
        '291',
        '292',
        '295',
        '304',
        '307',
        '318',
        '346',
        '347',
        '348',
        '349',
        '356',
        '357',
        '435',
        '472',
        '636',
        '771',
      ],
      ['D8', 'RD8'],
    ),
    aaaSegment('Request Validation', REJECT_REASONS),
    msgSegment(),
    loop(`2115${letter}`, 'Eligibility or Benefit Additional Information', 'S', 10, [iiiSegment()]),
    lsSegment(),
    loop(`2120${letter}`, 'Benefit Related Entity Name', 'S', 23, [
      nm1Segment('Benefit Related Entity Name', {
        entityCodes: [
          '13',
          '1I',
          '1P',
          '2B',
          '36',
          '73',
          'FA',
          'GP',
          'GW',
          'I3',
          'IL',
          'LR',
          'OC',
          'P3',
          'P4',
          'P5',
          'PR',
          'PRP',
          'SEP',
          'TTP',
          'VER',
          'VN',
          'VY',
          'X3',
          'Y2',
        ],
        idUsage: 'S',
      }),
      n3Segment('Benefit Related Entity Address'),
      n4Segment('Benefit Related Entity City, State, ZIP Code'),
      perSegment('Benefit Related Entity Contact Information', 'S', 3),
      prvSegment('Benefit Related Provider Information'),
    ]),
    leSegment(),
  ]);
}

function memberLoops(letter: 'C' | 'D'): LoopDef {
  const subscriber = letter === 'C';
  return loop(`2100${letter}`, subscriber ? 'Subscriber Name' : 'Dependent Name', 'R', 1, [
    nm1Segment(subscriber ? 'Subscriber Name' : 'Dependent Name', {
      entityCodes: subscriber ? ['IL'] : ['03'],
      entityTypes: subscriber ? ['1', '2'] : ['1'],
      idQualifiers: ['MI', 'II'],
      idUsage: subscriber ? 'S' : 'N',
    }),
    refSegment('Additional Identification', 'S', 9, MEMBER_REF_QUALIFIERS, 'S'),
    n3Segment('Address'),
    n4Segment('City, State, ZIP Code'),
    aaaSegment('Request Validation', REJECT_REASONS),
    prvSegment('Provider Information'),
    dmgSegment('Demographic Information'),
    insSegment('Relationship', subscriber ? ['Y'] : ['N']),
    hiSegment(),
    dtpSegment('Date', 'S', 9, MEMBER_DATE_QUALIFIERS, ['D8', 'RD8']),
    mpiSegment('S'),
    benefitLoop(letter),
  ]);
}

const loop2000D = loop('2000D', 'Dependent Level', 'S', '>1', [
  hlSegment(['23'], 'R', ['0']),
  trnSegment('Dependent Trace Number', 'S', 3, ['1', '2']),
  memberLoops('D'),
]);

const loop2000C = loop('2000C', 'Subscriber Level', 'S', '>1', [
  hlSegment(['22'], 'R'),
  trnSegment('Subscriber Trace Number', 'S', 3, ['1', '2']),
  memberLoops('C'),
  loop2000D,
]);

const loop2000B = loop('2000B', 'Information Receiver Level', 'S', '>1', [
  hlSegment(['21'], 'R'),
  loop('2100B', 'Information Receiver Name', 'R', 1, [
    nm1Segment('Information Receiver Name', {
      entityCodes: RECEIVER_ENTITY_CODES,
      idQualifiers: RECEIVER_ID_QUALIFIERS,
    }),
    refSegment('Information Receiver Additional Identification', 'S', 9, [
      '0B',
      '1C',
      '1D',
      '1J',
      '4A',
      'CT',
      'EL',
      'EO',
      'HPI',
      'JD',
      'N5',
      'N7',
      'Q4',
      'SY',
      'TJ',
    ]),
    n3Segment('Information Receiver Address'),
    n4Segment('Information Receiver City, State, ZIP Code'),
    aaaSegment('Information Receiver Request Validation', REJECT_REASONS),
    prvSegment('Information Receiver Provider Information'),
  ]),
  loop2000C,
]);

const loop2000A = loop('2000A', 'Information Source Level', 'R', '>1', [
  hlSegment(['20'], 'N'),
  aaaSegment('Request Validation', REJECT_REASONS),
  loop('2100A', 'Information Source Name', 'R', 1, [
    nm1Segment('Information Source Name', {
      entityCodes: ['2B', '36', 'GP', 'P5', 'PR'],
      idQualifiers: PAYER_ID_QUALIFIERS,
    }),
    perSegment('Information Source Contact Information', 'S', 3),
    aaaSegment('Request Validation', REJECT_REASONS),
  ]),
  loop2000B,
]);

/**
 * The schema for a guide version: 005010X279A1 (the errata every payer uses), or the original
 * 005010X279 that older senders still put in GS08/ST03. The two differ in code values we do not check
 * here, so one structure serves both.
 */
export function schema271For(version: '005010X279A1' | '005010X279'): TransactionSchema {
  return {
    id: '271',
    transactionSet: '271',
    version,
    functionalIdentifier: 'HB',
    children: [stSegment('271', version), bhtSegment('0022', ['06', '11'], 'N'), loop2000A, seSegment()],
  };
}

export const schema271: TransactionSchema = schema271For('005010X279A1');
