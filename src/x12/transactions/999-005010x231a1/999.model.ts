/**
 * Typed model of one 999 implementation acknowledgment (005010X231A1): the response to one received
 * functional group (AK1), one AK2..IK5 response per acknowledged transaction set, and the group's AK9.
 */

/** IK401 / CTX05: position of an element in its segment. */
export interface ElementPosition999 {
  /** -1: element position (1-based) in the segment. */
  element: string;
  /** -2: component position within a composite. */
  component?: string;
  /** -3: repetition number of a repeated element. */
  repetition?: string;
}

/** CTX: segment context (situational trigger) or business unit identifier (e.g. CLM01 and its value). */
export interface Context999 {
  /** CTX01-1 context name (`SITUATIONAL TRIGGER`, `CLM01`, `TRN02` ...). */
  name: string;
  /** CTX01-2 context reference (the business unit's value, e.g. the patient control number). */
  reference?: string;
  segmentId?: string; // CTX02
  segmentPosition?: string; // CTX03
  loopId?: string; // CTX04
  elementPosition?: ElementPosition999; // CTX05
  /** CTX06-1 data element reference number. */
  elementReference?: string;
}

/** Loop 2110: IK4 implementation data element note. */
export interface ElementError999 {
  position: ElementPosition999; // IK401
  /** IK402 data element reference number (dictionary number, e.g. 1028). */
  elementReference?: string;
  /** IK403 (see codes/999-codes.ts IK403_ELEMENT_ERROR_CODES). */
  errorCode: string;
  /** IK404 copy of the bad element: PHI. Kept in the model, never put in messages or logs. */
  badElementCopy?: string;
  contexts: Context999[];
}

/** Loop 2100: IK3 error identification. */
export interface SegmentError999 {
  segmentId: string; // IK301
  /** IK302: position of the segment in the transaction set (ST = 1). */
  position: string;
  loopId?: string; // IK303
  /** IK304 (see codes/999-codes.ts IK304_SEGMENT_ERROR_CODES). */
  errorCode?: string;
  /** CTX in file order: business unit identifier and segment contexts. */
  contexts: Context999[];
  elementErrors: ElementError999[];
}

/** Loop 2000: AK2 .. IK5 for one acknowledged transaction set. */
export interface TransactionSetResponse999 {
  transactionSetId: string; // AK201
  controlNumber: string; // AK202 (= the acknowledged ST02)
  implementationConventionReference?: string; // AK203
  segmentErrors: SegmentError999[];
  /** IK501: A accepted, E accepted with errors, R rejected (M, W, X for security). */
  acknowledgmentCode: string;
  /** IK502-IK506. */
  syntaxErrorCodes: string[];
}

export interface Acknowledgment999 {
  /** ST02 of the 999 itself. */
  transactionControlNumber: string;
  /** ST03. */
  version?: string;
  /** AK1: the acknowledged functional group. */
  functionalGroup: {
    functionalIdentifier: string; // AK101 (GS01 of the received group, e.g. HC)
    groupControlNumber: string; // AK102 (its GS06)
    version?: string; // AK103 (its GS08)
  };
  transactionSetResponses: TransactionSetResponse999[];
  /** AK9. */
  groupResponse: {
    acknowledgmentCode: string; // AK901: A, E, P, R (M, W, X)
    transactionSetsIncluded: string; // AK902
    transactionSetsReceived: string; // AK903
    transactionSetsAccepted: string; // AK904
    syntaxErrorCodes: string[]; // AK905-AK909
  };
}
