// Acknowledgment files for the acknowledgment tests, written with the engine's own writers and simulators
// from the 837 file actually stored for a transmission: TA1 (ta1ForInterchange + writeTa1Interchange), 999
// (acknowledgeReadGroup + build999Body) and 277CA (acknowledge277CA + build277CABody). Each reply swaps the
// 837's ISA sender and receiver, as a payer's does.
import { claimsOf837 } from '../../src/modules/claims/claim-837.mapper';
import {
  acknowledge277CA,
  acknowledgeReadGroup,
  build277CABody,
  build999Body,
  readX12,
  replyHeader,
  ta1ForInterchange,
  validateX12,
  writeInterchange,
  writeTa1Interchange,
  type Acknowledgment999,
  type ClaimToAcknowledge,
  type Interchange,
  type SegmentError999,
  type SegmentInput,
  type StatusCode277CA,
  type Ta1AcknowledgmentCode,
  type Ta1NoteCode,
  TA1_NOTE_CODES,
} from '../../src/x12';

const DATE = { date: '240110', time: '1200' };

export function interchangesOf(bytes: Buffer | string): Interchange[] {
  return readX12(bytes).value;
}

/** A TA1 file answering the first (or the `index`th) interchange of an 837 file. */
export function ta1File(
  bytes837: Buffer,
  code: Ta1AcknowledgmentCode,
  noteCode: Ta1NoteCode,
  replyIsa13: number,
  index = 0,
): string {
  const received = interchangesOf(bytes837)[index];
  const ta1 = {
    ...ta1ForInterchange(received, []),
    acknowledgmentCode: code,
    noteCode,
    noteDescription: TA1_NOTE_CODES[noteCode],
  };
  return writeTa1Interchange([ta1], replyHeader(received, { ...DATE, controlNumber: replyIsa13 }));
}

/** A TA1 to carry inside a 999 or 277CA interchange, answering the 837's first interchange. */
export interface CarriedTa1 {
  code: Ta1AcknowledgmentCode;
  noteCode: Ta1NoteCode;
}

/** The TA1 segment answering the first interchange of an 837 file (written before the reply's GS). */
function ta1Segment(bytes837: Buffer, ta1: CarriedTa1 | undefined): SegmentInput[] {
  if (!ta1) return [];
  const answered = ta1ForInterchange(interchangesOf(bytes837)[0], []);
  return [
    {
      id: 'TA1',
      elements: [answered.controlNumber, answered.date, answered.time, ta1.code, ta1.noteCode],
    },
  ];
}

/** IK3/IK4 for a bad CLM05-3 in the claim at segment position `position`, with a canary bad-element copy. */
export function clmError(position: string, patientControlNumber?: string): SegmentError999 {
  return {
    segmentId: 'CLM',
    position,
    loopId: '2300',
    errorCode: '8',
    contexts: patientControlNumber === undefined ? [] : [{ name: 'CLM01', reference: patientControlNumber }],
    elementErrors: [
      {
        position: { element: '5', component: '3' },
        elementReference: '1325',
        errorCode: '7',
        badElementCopy: 'CANARY-BAD-VALUE',
        contexts: [],
      },
    ],
  };
}

export interface Options999 {
  /** ST02 -> IK3 errors: that transaction set is rejected (IK501 R, IK502 5). */
  reject?: Map<number, SegmentError999[]>;
  /** Change the acknowledgment before it is written (wrong AK102, missing AK2...). */
  edit?: (ack: Acknowledgment999) => void;
  /** A TA1 in the same interchange, before the 999 group. */
  ta1?: CarriedTa1;
}

/** One 999 per functional group of the 837 file, all in one interchange. */
export function file999(bytes837: Buffer, replyIsa13: number, options: Options999 = {}): string {
  const { value: interchanges, diagnostics } = validateX12(bytes837);
  const received = interchanges[0];
  const transactions = interchanges.flatMap((interchange, interchangeIndex) =>
    interchange.groups.map((group, groupIndex) => {
      const ack = acknowledgeReadGroup(
        group,
        diagnostics,
        String(interchangeIndex * 100 + groupIndex + 1),
        interchange.controlNumber,
      );
      for (const response of ack.transactionSetResponses) {
        const errors = options.reject?.get(Number(response.controlNumber));
        if (!errors) continue;
        response.acknowledgmentCode = 'R';
        response.syntaxErrorCodes = ['5'];
        response.segmentErrors = errors;
      }
      const accepted = ack.transactionSetResponses.filter((r) => r.acknowledgmentCode !== 'R').length;
      const total = ack.transactionSetResponses.length;
      ack.groupResponse.transactionSetsAccepted = String(accepted);
      ack.groupResponse.acknowledgmentCode = accepted === total ? 'A' : accepted === 0 ? 'R' : 'P';
      options.edit?.(ack);
      return {
        id: '999',
        controlNumber: ack.transactionControlNumber.padStart(4, '0'),
        version: '005010X231A1',
        body: build999Body(ack),
      };
    }),
  );
  return writeInterchange({
    header: replyHeader(received, { ...DATE, controlNumber: replyIsa13 }),
    ta1: ta1Segment(bytes837, options.ta1),
    groups: [
      {
        header: {
          functionalIdentifier: 'FA',
          applicationSender: received.receiverId.trim(),
          applicationReceiver: received.senderId.trim(),
          date: '20240110',
          time: '1200',
          controlNumber: replyIsa13,
          version: '005010X231A1',
        },
        transactions,
      },
    ],
  });
}

export interface Options277CA {
  /** CLM01 -> rejection statuses; absent: accepted (A2:20). */
  reject?: Map<string, StatusCode277CA[]>;
  /** CLM01 -> payer claim number (REF*1K) for accepted claims; default `PCN-<CLM01>`. */
  payerClaimNumber?: (patientControlNumber: string) => string | undefined;
  /** Only these CLM01s (default all); others are left out of the 277CA. */
  only?: (patientControlNumber: string) => boolean;
  /** Extra claims the 837 never carried. */
  extra?: ClaimToAcknowledge[];
  /** Reject the whole batch at 2200B (no provider or claim levels are written). */
  batchRejection?: StatusCode277CA[];
  /** Replace the billing provider NPI written at 2100C. */
  npi?: string;
  /** A TA1 in the same interchange, before the 277CA group. */
  ta1?: CarriedTa1;
}

/** One 277CA answering every claim of the 837 file (one billing provider level per 837 billing NPI). */
export function file277CA(bytes837: Buffer, replyIsa13: number, options: Options277CA = {}): string {
  const interchanges = interchangesOf(bytes837);
  const received = interchanges[0];
  const byNpi = new Map<string, ClaimToAcknowledge[]>();
  for (const interchange of interchanges) {
    for (const group of interchange.groups) {
      for (const transaction of group.transactions) {
        for (const item of claimsOf837(transaction, interchange)?.items ?? []) {
          const claim = item.claim as unknown as {
            billing: { npi: string };
            subscriber: { lastName: string; firstName?: string; memberId: string };
            claimInformation: { patientControlNumber: string; claimChargeAmount: string };
          };
          const pcn = claim.claimInformation.patientControlNumber;
          if (options.only && !options.only(pcn)) continue;
          const npi = options.npi ?? claim.billing.npi;
          const list = byNpi.get(npi) ?? [];
          list.push({
            patientControlNumber: pcn,
            patient: { lastName: claim.subscriber.lastName, memberId: claim.subscriber.memberId },
            chargeAmount: claim.claimInformation.claimChargeAmount,
            payerClaimControlNumber: (options.payerClaimNumber ?? ((n) => `PCN-${n}`))(pcn),
            rejection: options.reject?.get(pcn),
          });
          byNpi.set(npi, list);
        }
      }
    }
  }
  if (options.extra) {
    const first = [...byNpi.values()][0] ?? [];
    first.push(...options.extra);
  }
  const model = acknowledge277CA({
    referenceId: `ACK${replyIsa13}`,
    date: '20240110',
    time: '1200',
    payer: { name: 'SANDBOX PAYER', id: 'SANDBOX1' },
    submitter: { name: 'SUBMITTER', id: received.senderId.trim() },
    batchTraceNumber: received.controlNumber,
    receiptDate: '20240110',
    billingProviders: [...byNpi.entries()].map(([npi, claims]) => ({ name: 'BILLING', npi, claims })),
    batchRejection: options.batchRejection,
  });
  return writeInterchange({
    header: replyHeader(received, { ...DATE, controlNumber: replyIsa13 }),
    ta1: ta1Segment(bytes837, options.ta1),
    groups: [
      {
        header: {
          functionalIdentifier: 'HN',
          applicationSender: received.receiverId.trim(),
          applicationReceiver: received.senderId.trim(),
          date: '20240110',
          time: '1200',
          controlNumber: replyIsa13,
          version: '005010X214',
        },
        transactions: [
          { id: '277', controlNumber: '0001', version: '005010X214', body: build277CABody(model) },
        ],
      },
    ],
  });
}
