/**
 * Synthetic, PHI-free 835 interchanges for tests and the benchmark: balanced amounts, made-up names and
 * ids, built with the engine's own writer. Control numbers are parameters, the variety is seeded (no
 * clock or Math.random here), so the same options always give the same bytes.
 */
import { writeInterchange, type InterchangeInput } from '../envelope/interchange-writer';
import type { SegmentInput, TransactionSetInput } from '../envelope/types';
import { seededRandom } from '../transactions/837-claim.generator';

export interface Synthetic835Options {
  transactions: number;
  claimsPerTransaction: number;
  interchangeControlNumber?: number;
  lineBreak?: boolean;
}

function cents(value: number): string {
  return (value / 100).toFixed(2);
}

/** A fee schedule: procedure code and charge per unit in cents (made up, not any payer's). */
const FEES: readonly (readonly [string, number])[] = [
  ['99213', 12000],
  ['99214', 17500],
  ['99203', 15000],
  ['99204', 23000],
  ['99396', 22000],
  ['85025', 4000],
  ['80053', 5500],
  ['80061', 6500],
  ['36415', 1500],
  ['93000', 6000],
  ['71046', 9500],
  ['97110', 8000],
  ['97140', 7500],
  ['90686', 3500],
  ['G0008', 2500],
  ['81003', 1200],
];
const FIRST_NAMES = ['JANE', 'JOHN', 'ALEX', 'SAM', 'PAT', 'CHRIS', 'DANA', 'LEE'];
const SYLLABLES = [
  'KA',
  'LO',
  'MI',
  'RA',
  'TE',
  'SU',
  'VO',
  'NE',
  'DA',
  'RI',
  'BO',
  'FE',
  'GU',
  'HA',
  'JO',
  'PI',
];

/** A made-up surname: TEST and three syllables (4,096 of them), so patients mostly differ. */
function testSurname(random: () => number): string {
  let name = 'TEST';
  for (let i = 0; i < 3; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return name;
}

/**
 * One claim as a payer answers it, varied the way real remittances vary: one to four lines from the fee
 * schedule, one to two units, a contract rate of 60-85 % (CO-45 takes the rest), a 20 % coinsurance
 * (PR-2) on about a third of claims, a denial (CO-50, nothing paid) on about one in twenty, service
 * dates over two months. Every claim balances: each line's charge minus its CAS is its payment.
 */
function claimSegments(claim: number, random: () => number): { segments: SegmentInput[]; paid: number } {
  const id = `PCN${String(claim).padStart(8, '0')}`;
  const denied = random() < 0.05;
  const coinsurance = !denied && random() < 0.33;
  const rate = 0.6 + Math.floor(random() * 6) * 0.05;
  const day = 1 + Math.floor(random() * 59);
  const date =
    day <= 31 ? `202512${String(day).padStart(2, '0')}` : `202601${String(day - 31).padStart(2, '0')}`;
  const lines: SegmentInput[] = [];
  let charged = 0;
  let paid = 0;
  let patientOwes = 0;
  const lineCount = 1 + Math.floor(random() * 4);
  for (let line = 1; line <= lineCount; line++) {
    const [code, fee] = FEES[Math.floor(random() * FEES.length)];
    const units = random() < 0.15 ? 2 : 1;
    const charge = fee * units;
    const allowed = denied ? 0 : Math.round(charge * rate);
    const patientShare = coinsurance ? Math.round(allowed * 0.2) : 0;
    const payment = allowed - patientShare;
    charged += charge;
    paid += payment;
    patientOwes += patientShare;
    const adjustments: SegmentInput[] = denied
      ? [{ id: 'CAS', elements: ['CO', '50', cents(charge)] }]
      : [{ id: 'CAS', elements: ['CO', '45', cents(charge - allowed)] }];
    if (patientShare > 0) adjustments.push({ id: 'CAS', elements: ['PR', '2', cents(patientShare)] });
    lines.push(
      { id: 'SVC', elements: [['HC', code], cents(charge), cents(payment), '', String(units)] },
      { id: 'DTM', elements: ['472', date] },
      ...adjustments,
      { id: 'REF', elements: ['6R', `${id}L${line}`] },
    );
    if (!denied) lines.push({ id: 'AMT', elements: ['B6', cents(allowed)] });
  }
  // Claim number times a prime, modulo 10^9: scrambled-looking, yet one member id per claim.
  const member = `MBR${String((claim * 7919) % 1e9).padStart(9, '0')}`;
  const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
  const segments: SegmentInput[] = [
    {
      id: 'CLP',
      elements: [
        id,
        denied ? '4' : '1',
        cents(charged),
        cents(paid),
        patientOwes > 0 ? cents(patientOwes) : '',
        '12',
        `PAYERCLAIM${claim}`,
        '11',
        '1',
      ],
    },
    { id: 'NM1', elements: ['QC', '1', testSurname(random), first, '', '', '', 'MI', member] },
    { id: 'NM1', elements: ['82', '1', 'CLINICIAN', 'ALEX', '', '', '', 'XX', '1234567893'] },
    { id: 'DTM', elements: ['232', date] },
    ...lines,
  ];
  return { segments, paid };
}

function transaction835(index: number, firstClaim: number, claims: number): TransactionSetInput {
  // Seeded by the set's first claim: the same options give the same bytes, with no clock or Math.random.
  const random = seededRandom(firstClaim + 1);
  const claimBodies: SegmentInput[] = [];
  let paidCents = 0;
  for (let claim = firstClaim; claim < firstClaim + claims; claim++) {
    const { segments, paid } = claimSegments(claim, random);
    paidCents += paid;
    claimBodies.push(...segments);
  }
  const paid = cents(paidCents);
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
  body.push(...claimBodies);
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
