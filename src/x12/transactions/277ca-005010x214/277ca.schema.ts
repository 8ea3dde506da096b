/**
 * 277CA Health Care Claim Acknowledgment, ASC X12N 005010X214, as typed data. Loops nest the way the
 * HL hierarchy does: information source 2000A > information receiver 2000B > billing provider 2000C >
 * patient 2000D (> service line 2220D). Usage, repeats, lengths and codes follow the guide's tables.
 */
import type { ElementDef, SegmentDef, TransactionSchema } from '../../schema/types';
import {
  amtSegment,
  bhtSegment,
  dtpSegment,
  hlSegment,
  nm1Segment,
  perSegment,
  procedureComposite,
  qtySegment,
  refSegment,
  seSegment,
  stSegment,
  trnSegment,
} from './common-segments';
import { co, composite, el, loop, seg } from './schema-dsl';

/** C043 health care claim status: category (507), status (508), entity (98), NCPDP code. */
function statusComposite(ref: string, usage: 'R' | 'S'): ElementDef {
  return composite(ref, 'Health Care Claim Status', usage, [
    co(`${ref}-1`, 'Health Care Claim Status Category Code', 'R', 'AN', 1, 30),
    co(`${ref}-2`, 'Health Care Claim Status Code', 'R', 'AN', 1, 30),
    co(`${ref}-3`, 'Entity Identifier Code', 'S', 'ID', 2, 3),
    co(`${ref}-4`, 'Code List Qualifier Code', 'S', 'ID', 1, 3, ['RX']),
  ]);
}

function stcSegment(name: string, usage: 'R' | 'S'): SegmentDef {
  return seg('STC', name, usage, '>1', [
    statusComposite('STC01', 'R'),
    el('STC02', 'Date', 'R', 'DT', 8, 8),
    el('STC03', 'Action Code', 'S', 'ID', 1, 2, ['U', 'WQ']),
    el('STC04', 'Monetary Amount', 'S', 'R', 1, 18),
    el('STC05', 'Monetary Amount', 'N', 'R', 1, 18),
    el('STC06', 'Date', 'N', 'DT', 8, 8),
    el('STC07', 'Payment Method Code', 'N', 'ID', 3, 3),
    el('STC08', 'Date', 'N', 'DT', 8, 8),
    el('STC09', 'Check Number', 'N', 'AN', 1, 16),
    statusComposite('STC10', 'S'),
    statusComposite('STC11', 'S'),
    el('STC12', 'Free-form Message Text', 'S', 'AN', 1, 264),
  ]);
}

const serviceDate = (usage: 'R' | 'S') => dtpSegment('Service Date', usage, 1, ['472'], ['D8', 'RD8']);

const loop2220D = loop('2220D', 'Service Line Information', 'S', '>1', [
  seg('SVC', 'Service Line Information', 'R', 1, [
    procedureComposite('SVC01', 'R', ['AD', 'ER', 'HC', 'HP', 'IV', 'NU', 'WK']),
    el('SVC02', 'Line Item Charge Amount', 'R', 'R', 1, 18),
    el('SVC03', 'Line Item Provider Payment Amount', 'R', 'R', 1, 18),
    el('SVC04', 'Revenue Code', 'S', 'AN', 1, 48),
    el('SVC05', 'Quantity', 'N', 'R', 1, 15),
    el('SVC06', 'Composite Medical Procedure Identifier', 'N', 'AN', 1, 1),
    el('SVC07', 'Original Units of Service Count', 'S', 'R', 1, 15),
  ]),
  stcSegment('Service Line Level Status Information', 'R'),
  refSegment('Service Line Item Identification', 'S', 1, ['FJ']),
  serviceDate('R'),
]);

// 2000D and 2000C are absent when the whole batch is rejected at 2200B (or all claims of a provider at 2200C).
const loop2000D = loop('2000D', 'Patient Level', 'S', '>1', [
  hlSegment(['PT'], 'R', null),
  loop('2100D', 'Patient Name', 'R', 1, [
    nm1Segment('Patient Name', {
      entityCodes: ['QC'],
      entityTypes: ['1'],
      idQualifiers: ['II', 'MI'],
      idUsage: 'S',
    }),
  ]),
  loop('2200D', 'Claim Status Tracking Number', 'R', '>1', [
    trnSegment('Claim Status Tracking Number', 'R', 1, ['2']),
    stcSegment('Claim Level Status Information', 'R'),
    refSegment('Payer Claim Control Number', 'S', 1, ['1K']),
    refSegment('Clearinghouse Trace Number', 'S', 1, ['D9']),
    refSegment('Institutional Bill Type Identification', 'S', 1, ['BLT']),
    refSegment('Patient Control Number / Medical Record Identification', 'S', 1, ['EA']),
    dtpSegment('Claim Level Service Date', 'S', 1, ['472'], ['D8', 'RD8']),
    loop2220D,
  ]),
]);

const loop2000C = loop('2000C', 'Billing Provider of Service Level', 'S', '>1', [
  hlSegment(['19'], 'R'),
  loop('2100C', 'Billing Provider Name', 'R', 1, [
    nm1Segment('Billing Provider Name', { entityCodes: ['85'], idQualifiers: ['FI', 'XX'] }),
  ]),
  loop('2200C', 'Provider of Service Information Trace Identifier', 'S', 1, [
    trnSegment('Provider of Service Information Trace Identifier', 'R', 1, ['1']),
    stcSegment('Billing Provider Status Information', 'S'),
    refSegment('Provider Secondary Identifier', 'S', 3, ['0B', '1G', 'G2', 'LU', 'SY', 'TJ']),
    qtySegment('Total Accepted Quantity', ['QA']),
    qtySegment('Total Rejected Quantity', ['QC']),
    amtSegment('Total Accepted Amount', ['YU']),
    amtSegment('Total Rejected Amount', ['YY']),
  ]),
  loop2000D,
]);

const loop2000B = loop('2000B', 'Information Receiver Level', 'R', '>1', [
  hlSegment(['21'], 'R'),
  loop('2100B', 'Information Receiver Name', 'R', 1, [
    nm1Segment('Information Receiver Name', { entityCodes: ['41'], idQualifiers: ['46'] }),
  ]),
  loop('2200B', 'Information Receiver Application Trace Identifier', 'R', 1, [
    trnSegment('Information Receiver Application Trace Identifier', 'R', 1, ['2']),
    stcSegment('Information Receiver Status Information', 'R'),
    qtySegment('Total Accepted Quantity', ['90']),
    qtySegment('Total Rejected Quantity', ['AA']),
    amtSegment('Total Accepted Amount', ['YU']),
    amtSegment('Total Rejected Amount', ['YY']),
  ]),
  loop2000C,
]);

const loop2000A = loop('2000A', 'Information Source Level', 'R', '>1', [
  hlSegment(['20'], 'N', ['1']),
  loop('2100A', 'Information Source Name', 'R', 1, [
    nm1Segment('Information Source Name', {
      entityCodes: ['AY', 'PR'],
      entityTypes: ['2'],
      idQualifiers: ['46', 'FI', 'PI', 'XV'],
    }),
    perSegment('Information Source Contact Information', 'S', 1),
  ]),
  loop('2200A', 'Transmission Receipt Control Identifier', 'R', 1, [
    trnSegment('Transmission Receipt Control Identifier', 'R', 1, ['1']),
    dtpSegment('Information Source Receipt Date', 'R', 1, ['050'], ['D8']),
    dtpSegment('Information Source Process Date', 'R', 1, ['009'], ['D8']),
  ]),
  loop2000B,
]);

export const schema277CA: TransactionSchema = {
  id: '277CA',
  transactionSet: '277',
  version: '005010X214',
  functionalIdentifier: 'HN',
  children: [stSegment('277', '005010X214'), bhtSegment('0085', ['08'], 'R', ['TH']), loop2000A, seSegment()],
};
