/**
 * Synthetic, PHI-free 835 interchanges for tests and the benchmark: balanced amounts, made-up names and
 * ids, built with the engine's own writer. Control numbers and dates are parameters (no clock here).
 */
import { writeInterchange, type InterchangeInput } from '../envelope/interchange-writer';
import type { SegmentInput, TransactionSetInput } from '../envelope/types';

export interface Synthetic835Options {
  transactions: number;
  claimsPerTransaction: number;
  interchangeControlNumber?: number;
  lineBreak?: boolean;
}

function cents(value: number): string {
  return (value / 100).toFixed(2);
}

function claimSegments(claim: number): SegmentInput[] {
  const id = `PCN${String(claim).padStart(8, '0')}`;
  // Two service lines of 60.00 and 40.00; line CAS CO-45 of 12.00 and 8.00: claim paid 80.00.
  return [
    { id: 'CLP', elements: [id, '1', '100.00', '80.00', '', '12', `PAYERCLAIM${claim}`, '11', '1'] },
    { id: 'NM1', elements: ['QC', '1', 'DOE', 'JANE', '', '', '', 'MI', `MEMBER${claim % 1000}`] },
    { id: 'NM1', elements: ['82', '1', 'CLINICIAN', 'ALEX', '', '', '', 'XX', '1234567893'] },
    { id: 'DTM', elements: ['232', '20260105'] },
    { id: 'SVC', elements: [['HC', '99213'], '60.00', '48.00', '', '1'] },
    { id: 'DTM', elements: ['472', '20260105'] },
    { id: 'CAS', elements: ['CO', '45', '12.00'] },
    { id: 'REF', elements: ['6R', `${id}L1`] },
    { id: 'AMT', elements: ['B6', '48.00'] },
    { id: 'SVC', elements: [['HC', '85025'], '40.00', '32.00', '', '1'] },
    { id: 'DTM', elements: ['472', '20260105'] },
    { id: 'CAS', elements: ['CO', '45', '8.00'] },
    { id: 'REF', elements: ['6R', `${id}L2`] },
    { id: 'AMT', elements: ['B6', '32.00'] },
  ];
}

function transaction835(index: number, firstClaim: number, claims: number): TransactionSetInput {
  const paid = cents(claims * 8000);
  const body: SegmentInput[] = [
    {
      id: 'BPR',
      elements: [
        'I',
        paid,
        'C',
        'ACH',
        'CCP',
        '01',
        '999999992',
        'DA',
        '123456',
        '1512345678',
        '',
        '01',
        '999988880',
        'DA',
        '98765',
        '20260110',
      ],
    },
    { id: 'TRN', elements: ['1', `EFT${index}`, '1512345678'] },
    { id: 'DTM', elements: ['405', '20260110'] },
    { id: 'N1', elements: ['PR', 'SYNTHETIC PAYER'] },
    { id: 'N3', elements: ['1 PAYER WAY'] },
    { id: 'N4', elements: ['SPRINGFIELD', 'IL', '62701'] },
    { id: 'PER', elements: ['BL', 'EDI HELP', 'TE', '8005550100'] },
    { id: 'N1', elements: ['PE', 'SYNTHETIC CLINIC', 'XX', '1234567893'] },
    { id: 'N3', elements: ['2 CLINIC ROAD'] },
    { id: 'N4', elements: ['SPRINGFIELD', 'IL', '62702'] },
    { id: 'REF', elements: ['TJ', '123456789'] },
    { id: 'LX', elements: ['1'] },
  ];
  for (let claim = firstClaim; claim < firstClaim + claims; claim++) body.push(...claimSegments(claim));
  return { id: '835', controlNumber: index + 1, version: '005010X221A1', body };
}

export function synthetic835Input(options: Synthetic835Options): InterchangeInput {
  const transactions: TransactionSetInput[] = [];
  for (let t = 0; t < options.transactions; t++) {
    transactions.push(transaction835(t, t * options.claimsPerTransaction, options.claimsPerTransaction));
  }
  return {
    header: {
      senderQualifier: 'ZZ',
      senderId: 'SYNTHPAYER',
      receiverQualifier: 'ZZ',
      receiverId: 'SYNTHCLINIC',
      date: '260110',
      time: '0800',
      controlNumber: options.interchangeControlNumber ?? 1,
      acknowledgmentRequested: false,
      usageIndicator: 'T',
    },
    groups: [
      {
        header: {
          functionalIdentifier: 'HP',
          applicationSender: 'SYNTHPAYER',
          applicationReceiver: 'SYNTHCLINIC',
          date: '20260110',
          time: '0800',
          controlNumber: 1,
          version: '005010X221A1',
        },
        transactions,
      },
    ],
  };
}

export function synthetic835(options: Synthetic835Options): string {
  return writeInterchange(synthetic835Input(options), { lineBreak: options.lineBreak });
}
