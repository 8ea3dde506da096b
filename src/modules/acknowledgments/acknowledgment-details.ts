// What an acknowledgment says about a claim, as the JSON kept in its timeline event: codes with their
// descriptions, segment ids, positions and loops. Never an element value: IK404 (the bad element's copy),
// CTX01-2 (the business unit's value, e.g. CLM01) and STC12 (free text) stay out. Pure functions.
import {
  acknowledgmentOutcomeOf,
  describeAcknowledgmentCode,
  describeClaimStatus,
  describeClaimStatusCategory,
  describeEntityIdentifier,
  describeIk304,
  describeIk403,
  describeIk5Error,
  describeTa1Acknowledgment,
  describeTa1Note,
  type AcknowledgedClaim277CA,
  type SegmentError999,
  type StatusInformation,
  type Ta1,
  type TransactionSetResponse999,
} from '../../x12';

export interface CodeWithDescription {
  code: string;
  description: string | null;
}

export interface ElementError999Detail {
  /** IK401-1 (element position in the segment), -2 component, -3 repetition. */
  elementPosition: string;
  componentPosition?: string;
  repetition?: string;
  /** IK402 data element reference number. */
  elementReference?: string;
  /** IK403. */
  code: string;
  description: string | null;
}

export interface SegmentError999Detail {
  /** IK301. */
  segmentId: string;
  /** IK302: position in the transaction set (ST = 1). */
  position: string;
  /** IK303. */
  loopId?: string;
  /** IK304. */
  code?: string;
  description?: string | null;
  elementErrors: ElementError999Detail[];
}

export interface Ta1Detail {
  /** TA104. */
  acknowledgmentCode: string;
  acknowledgmentDescription: string | null;
  /** TA105. */
  noteCode: string;
  noteDescription: string | null;
}

export interface Ack999Detail {
  /** IK501. */
  acknowledgmentCode: string;
  acknowledgmentDescription: string | null;
  /** IK502-IK506. */
  transactionSetErrors: CodeWithDescription[];
  /** IK3/IK4 errors that concern this claim (or the whole transaction set). */
  segmentErrors: SegmentError999Detail[];
}

export interface Status277CADetail {
  /** Where the status was given: 2200D the claim; 2200C its billing provider; 2200B the whole batch. */
  loop: '2200B' | '2200C' | '2200D';
  categoryCode: string;
  categoryDescription: string | null;
  statusCode: string;
  statusDescription: string | null;
  entityCode?: string;
  entityDescription?: string | null;
  /** STC03: WQ accept, U reject. */
  actionCode?: string;
}

export type Outcome277CA = 'accepted' | 'rejected' | 'undecided';

export function ta1Detail(ta1: Ta1): Ta1Detail {
  return {
    acknowledgmentCode: ta1.acknowledgmentCode,
    acknowledgmentDescription: describeTa1Acknowledgment(ta1.acknowledgmentCode) ?? null,
    noteCode: ta1.noteCode,
    noteDescription: describeTa1Note(ta1.noteCode) ?? null,
  };
}

/** The CLM01 an IK3 names in its business unit context (CTX*CLM01:value), if any. */
function contextClaim(error: SegmentError999): string | undefined {
  return error.contexts.find((context) => context.name === 'CLM01')?.reference;
}

function segmentErrorDetail(error: SegmentError999): SegmentError999Detail {
  const detail: SegmentError999Detail = {
    segmentId: error.segmentId,
    position: error.position,
    elementErrors: error.elementErrors.map((element) => {
      const out: ElementError999Detail = {
        elementPosition: element.position.element,
        code: element.errorCode,
        description: describeIk403(element.errorCode) ?? null,
      };
      if (element.position.component !== undefined) out.componentPosition = element.position.component;
      if (element.position.repetition !== undefined) out.repetition = element.position.repetition;
      if (element.elementReference !== undefined) out.elementReference = element.elementReference;
      return out;
    }),
  };
  if (error.loopId !== undefined) detail.loopId = error.loopId;
  if (error.errorCode !== undefined) {
    detail.code = error.errorCode;
    detail.description = describeIk304(error.errorCode) ?? null;
  }
  return detail;
}

/**
 * The 999's answer for one claim of an acknowledged transaction set. An IK3 that names a claim by its
 * CLM01 context goes to that claim only; an IK3 without that context concerns every claim of the set.
 */
export function ack999Detail(
  response: TransactionSetResponse999,
  patientControlNumber: string,
): Ack999Detail {
  return {
    acknowledgmentCode: response.acknowledgmentCode,
    acknowledgmentDescription: describeAcknowledgmentCode(response.acknowledgmentCode) ?? null,
    transactionSetErrors: response.syntaxErrorCodes.map((code) => ({
      code,
      description: describeIk5Error(code) ?? null,
    })),
    segmentErrors: response.segmentErrors
      .filter((error) => {
        const named = contextClaim(error);
        return named === undefined || named === patientControlNumber;
      })
      .map(segmentErrorDetail),
  };
}

/** IK501 A (accepted) or E (accepted with errors) accept the set; R, M, W, X reject it. */
export function isAccepted999(code: string): boolean {
  return code === 'A' || code === 'E';
}

function statusDetails(
  loop: Status277CADetail['loop'],
  information: readonly StatusInformation[],
): Status277CADetail[] {
  return information.flatMap((info) =>
    info.statuses.map((status) => {
      const detail: Status277CADetail = {
        loop,
        categoryCode: status.categoryCode,
        categoryDescription: describeClaimStatusCategory(status.categoryCode) ?? null,
        statusCode: status.statusCode,
        statusDescription: describeClaimStatus(status.statusCode) ?? null,
      };
      if (status.entityCode !== undefined && status.entityCode !== '') {
        detail.entityCode = status.entityCode;
        detail.entityDescription = describeEntityIdentifier(status.entityCode) ?? null;
      }
      if (info.actionCode !== undefined) detail.actionCode = info.actionCode;
      return detail;
    }),
  );
}

/**
 * A 277CA claim's outcome and the statuses behind it. A rejection at the batch (2200B) or provider (2200C)
 * level rejects the claim whatever its own status says; A4 (claim not found) counts as a rejection too.
 * A1/A2 (and the engine's other acceptance categories) accept; anything else (pending, forwarded only...)
 * decides nothing.
 */
export function claim277CAOutcome(acknowledged: AcknowledgedClaim277CA): {
  outcome: Outcome277CA;
  statuses: Status277CADetail[];
} {
  const { claim, billingProvider, receiver } = acknowledged;
  const statuses = [...statusDetails('2200D', claim.statusInformation)];
  const providerRejected = acknowledgmentOutcomeOf(billingProvider.statusInformation) === 'rejected';
  const batchRejected = acknowledgmentOutcomeOf(receiver.statusInformation) === 'rejected';
  if (providerRejected) statuses.push(...statusDetails('2200C', billingProvider.statusInformation));
  if (batchRejected) statuses.push(...statusDetails('2200B', receiver.statusInformation));
  const own = acknowledgmentOutcomeOf(claim.statusInformation);
  const notFound = statuses.some((status) => status.categoryCode === 'A4');
  if (own === 'rejected' || providerRejected || batchRejected || notFound)
    return { outcome: 'rejected', statuses };
  if (own === 'accepted' || own === 'received') return { outcome: 'accepted', statuses };
  return { outcome: 'undecided', statuses };
}
