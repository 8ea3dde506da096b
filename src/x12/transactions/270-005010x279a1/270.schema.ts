/**
 * 270 Health Care Eligibility Benefit Inquiry, ASC X12N 005010X279A1, as typed data. HL levels: 20
 * information source (payer) > 21 information receiver (provider) > 22 subscriber > 23 dependent.
 */
import type { LoopDef, TransactionSchema } from '../../schema/types';
import {
  bhtSegment,
  dmgSegment,
  dtpSegment,
  hlSegment,
  insSegment,
  n3Segment,
  n4Segment,
  nm1Segment,
  prvSegment,
  refSegment,
  seSegment,
  stSegment,
  trnSegment,
} from '../277ca-005010x214/common-segments';
import { el, loop, seg } from '../277ca-005010x214/schema-dsl';
import {
  eqSegment,
  hiSegment,
  MEMBER_REF_QUALIFIERS,
  PAYER_ID_QUALIFIERS,
  RECEIVER_ENTITY_CODES,
  RECEIVER_ID_QUALIFIERS,
} from './eligibility-segments';

/** DTP in 2100C/D: 291 plan date (and 102, 307, 435, 472, 636, 096 per guide). */
const memberDate = dtpSegment(
  'Date',
  'S',
  1,
  ['102', '291', '307', '435', '472', '636', '096'],
  ['D8', 'RD8'],
);

function inquiryLoop(id: string): LoopDef {
  return loop(id, 'Eligibility or Benefit Inquiry', 'S', 99, [
    eqSegment(),
    seg('AMT', 'Spend Down Amount', 'S', 1, [
      el('AMT01', 'Amount Qualifier Code', 'R', 'ID', 1, 3, ['R', 'PB']),
      el('AMT02', 'Monetary Amount', 'R', 'R', 1, 18),
    ]),
    seg('III', 'Eligibility or Benefit Additional Inquiry Information', 'S', 10, [
      el('III01', 'Code List Qualifier Code', 'R', 'ID', 1, 3, ['ZZ']),
      el('III02', 'Industry Code', 'R', 'AN', 1, 30),
    ]),
    refSegment('Eligibility or Benefit Additional Information', 'S', 1, ['9F', 'G1']),
    dtpSegment('Eligibility or Benefit Date', 'S', 1, ['291'], ['D8', 'RD8']),
  ]);
}

function memberNameLoop(
  id: string,
  name: string,
  entityCodes: readonly string[],
  requireId: boolean,
): LoopDef {
  return loop(id, name, 'R', 1, [
    nm1Segment(name, {
      entityCodes,
      entityTypes: ['1'],
      idQualifiers: ['MI', 'II'],
      idUsage: requireId ? 'S' : 'N',
    }),
    refSegment('Additional Identification', 'S', 9, MEMBER_REF_QUALIFIERS),
    n3Segment('Address'),
    n4Segment('City, State, ZIP Code'),
    prvSegment('Provider Information'),
    dmgSegment('Demographic Information'),
    insSegment('Relationship', requireId ? ['Y'] : ['N']),
    hiSegment(),
    memberDate,
    inquiryLoop(id === '2100C' ? '2110C' : '2110D'),
  ]);
}

const loop2000D = loop('2000D', 'Dependent Level', 'S', '>1', [
  hlSegment(['23'], 'R', ['0']),
  trnSegment('Dependent Trace Number', 'S', 2, ['1']),
  memberNameLoop('2100D', 'Dependent Name', ['03'], false),
]);

const loop2000C = loop('2000C', 'Subscriber Level', 'R', '>1', [
  hlSegment(['22'], 'R'),
  trnSegment('Subscriber Trace Number', 'S', 2, ['1']),
  memberNameLoop('2100C', 'Subscriber Name', ['IL'], true),
  loop2000D,
]);

const loop2000B = loop('2000B', 'Information Receiver Level', 'R', '>1', [
  hlSegment(['21'], 'R', ['1']),
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
    prvSegment('Information Receiver Provider Information'),
  ]),
  loop2000C,
]);

const loop2000A = loop('2000A', 'Information Source Level', 'R', '>1', [
  hlSegment(['20'], 'N', ['1']),
  loop('2100A', 'Information Source Name', 'R', 1, [
    nm1Segment('Information Source Name', {
      entityCodes: ['2B', '36', 'GP', 'P5', 'PR'],
      idQualifiers: PAYER_ID_QUALIFIERS,
    }),
  ]),
  loop2000B,
]);

/**
 * The schema for a guide version: 005010X279A1 (the errata every payer uses), or the original
 * 005010X279 that older senders still put in GS08/ST03. The two differ in code values we do not check
 * here, so one structure serves both.
 */
export function schema270For(version: '005010X279A1' | '005010X279'): TransactionSchema {
  return {
    id: '270',
    transactionSet: '270',
    version,
    functionalIdentifier: 'HS',
    children: [
      stSegment('270', version),
      bhtSegment('0022', ['01', '13', '36'], 'S', ['RT']),
      loop2000A,
      seSegment(),
    ],
  };
}

export const schema270: TransactionSchema = schema270For('005010X279A1');
