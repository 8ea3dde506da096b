/**
 * 999 Implementation Acknowledgment for Health Care Insurance, guide 005010X231A1, as data: AK1 for
 * the acknowledged functional group, loop 2000 (AK2 .. IK5) per transaction set with loop 2100 (IK3
 * segment errors and their CTX) and loop 2110 (IK4 element errors and their CTX), then AK9.
 */
import type { ElementDef, SegmentDef, TransactionSchema, Usage } from '../../schema/types';
import { co, composite, el, loop, seg } from '../common/schema-builders';
import { SE, ST } from '../common/x12-segments';

const VERSION = '005010X231A1';

const IK304_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', 'I4', 'I6', 'I7', 'I8', 'I9'];
// prettier-ignore
const IK403_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '12', '13', 'I6', 'I9', 'I10', 'I11', 'I12', 'I13'];
// prettier-ignore
const IK5_ERROR_CODES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '15', '16', '17', '18', '19', '23', '24', '25', '26', '27', 'I5', 'I6'];
// prettier-ignore
const AK9_ERROR_CODES = ['1', '2', '3', '4', '5', '6', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '23', '24', '25', '26'];
/** CTX01-1 names of the business unit identifiers the guide lists. */
// prettier-ignore
const BUSINESS_UNIT_NAMES = ['CLM01', 'ENT01', 'NM109', 'PATIENT NAME NM109', 'SUBSCRIBER NAME NM109', 'SUBSCRIBER NUMBER REF02', 'TRN02'];

function AK1(): SegmentDef {
  return seg('AK1', 'Functional Group Response Header', 'R', 1, [
    // prettier-ignore
    el('AK101', 'R', 'ID', 2, 2, 'Functional Identifier Code', ['BE', 'FA', 'HB', 'HC', 'HI', 'HN', 'HP', 'HR', 'HS', 'RA']),
    el('AK102', 'R', 'N0', 1, 9, 'Group Control Number'),
    el('AK103', 'R', 'AN', 1, 12, 'Version / Release / Industry Identifier Code'),
  ]);
}

function AK2(): SegmentDef {
  return seg('AK2', 'Transaction Set Response Header', 'R', 1, [
    // prettier-ignore
    el('AK201', 'R', 'ID', 3, 3, 'Transaction Set Identifier Code', ['270', '271', '276', '277', '278', '820', '834', '835', '837', '999']),
    el('AK202', 'R', 'AN', 4, 9, 'Transaction Set Control Number'),
    el('AK203', 'S', 'AN', 1, 35, 'Implementation Convention Reference'),
  ]);
}

function IK3(): SegmentDef {
  return seg('IK3', 'Error Identification', 'R', 1, [
    el('IK301', 'R', 'ID', 2, 3, 'Segment ID Code'),
    el('IK302', 'R', 'N0', 1, 10, 'Segment Position in Transaction Set'),
    el('IK303', 'S', 'AN', 1, 4, 'Loop Identifier Code'),
    el('IK304', 'S', 'ID', 1, 3, 'Implementation Segment Syntax Error Code', IK304_CODES),
  ]);
}

/** C030 position in segment: element position, component position, repeating data element position. */
function positionInSegment(ref: string, usage: Usage): ElementDef {
  return composite(ref, usage, 'Position in Segment', [
    co(`${ref}-1`, 'R', 'N0', 1, 2, 'Element Position in Segment'),
    co(`${ref}-2`, 'S', 'N0', 1, 2, 'Component Data Element Position in Composite'),
    co(`${ref}-3`, 'S', 'N0', 1, 4, 'Repeating Data Element Position'),
  ]);
}

/** CTX: segment context (CTX01-1 = SITUATIONAL TRIGGER) or business unit identifier. */
function CTX(name: string, kind: 'trigger' | 'business', repeat: number): SegmentDef {
  const trigger = kind === 'trigger';
  return seg(
    'CTX',
    name,
    'S',
    repeat,
    [
      composite('CTX01', 'R', 'Context Identification', [
        co(
          'CTX01-1',
          'R',
          'AN',
          1,
          35,
          'Context Name',
          trigger ? ['SITUATIONAL TRIGGER'] : BUSINESS_UNIT_NAMES,
        ),
        co('CTX01-2', trigger ? 'N' : 'R', 'AN', 1, 35, 'Context Reference'),
      ]),
      el('CTX02', trigger ? 'R' : 'N', 'ID', 2, 3, 'Segment ID Code'),
      el('CTX03', trigger ? 'R' : 'N', 'N0', 1, 10, 'Segment Position in Transaction Set'),
      el('CTX04', trigger ? 'S' : 'N', 'AN', 1, 4, 'Loop Identifier Code'),
      positionInSegment('CTX05', 'S'),
      composite('CTX06', trigger ? 'S' : 'N', 'Reference in Segment', [
        co('CTX06-1', 'R', 'N0', 1, 4, 'Data Element Reference Number'),
        co('CTX06-2', 'N', 'N0', 1, 4, 'Data Element Reference Number'),
      ]),
    ],
    {
      qualifier: {
        element: 1,
        component: 1,
        values: trigger ? ['SITUATIONAL TRIGGER'] : BUSINESS_UNIT_NAMES,
      },
    },
  );
}

function IK4(): SegmentDef {
  return seg('IK4', 'Implementation Data Element Note', 'R', 1, [
    positionInSegment('IK401', 'R'),
    el('IK402', 'S', 'N0', 1, 4, 'Data Element Reference Number'),
    el('IK403', 'R', 'ID', 1, 3, 'Implementation Data Element Syntax Error Code', IK403_CODES),
    el('IK404', 'S', 'AN', 1, 99, 'Copy of Bad Data Element'),
  ]);
}

function IK5(): SegmentDef {
  const elements: ElementDef[] = [
    el('IK501', 'R', 'ID', 1, 1, 'Transaction Set Acknowledgment Code', ['A', 'E', 'M', 'R', 'W', 'X']),
  ];
  for (let n = 2; n <= 6; n++) {
    elements.push(
      el(`IK50${n}`, 'S', 'ID', 1, 3, 'Implementation Transaction Set Syntax Error Code', IK5_ERROR_CODES),
    );
  }
  return seg('IK5', 'Transaction Set Response Trailer', 'R', 1, elements);
}

function AK9(): SegmentDef {
  const elements: ElementDef[] = [
    el('AK901', 'R', 'ID', 1, 1, 'Functional Group Acknowledge Code', ['A', 'E', 'M', 'P', 'R', 'W', 'X']),
    el('AK902', 'R', 'N0', 1, 6, 'Number of Transaction Sets Included'),
    el('AK903', 'R', 'N0', 1, 6, 'Number of Received Transaction Sets'),
    el('AK904', 'R', 'N0', 1, 6, 'Number of Accepted Transaction Sets'),
  ];
  for (let n = 5; n <= 9; n++) {
    elements.push(el(`AK90${n}`, 'S', 'ID', 1, 3, 'Functional Group Syntax Error Code', AK9_ERROR_CODES));
  }
  return seg('AK9', 'Functional Group Response Trailer', 'R', 1, elements);
}

const loop2110 = loop('2110', 'Implementation Data Element Note', 'S', '>1', IK4(), [
  CTX('Element Context', 'trigger', 10),
]);

const loop2100 = loop('2100', 'Error Identification', 'S', '>1', IK3(), [
  CTX('Segment Context', 'trigger', 9),
  CTX('Business Unit Identifier', 'business', 1),
  loop2110,
]);

const loop2000 = loop('2000', 'Transaction Set Response Header', 'S', '>1', AK2(), [loop2100, IK5()]);

export const schema999: TransactionSchema = {
  id: '999',
  transactionSet: '999',
  version: VERSION,
  functionalIdentifier: 'FA',
  children: [ST('999', VERSION), AK1(), loop2000, AK9(), SE()],
};
