/**
 * What a 999 says about each transaction set it acknowledges, flattened for reconciliation against the
 * gateway's ledger: AK102 -> the group's GS06, AK202 -> the transaction set's ST02.
 */
import type { Acknowledgment999 } from './999.model';

export interface TransactionOutcome999 {
  /** AK102: GS06 of the acknowledged functional group. */
  groupControlNumber: string;
  /** AK201 / AK202: ST01 and ST02 of the acknowledged transaction set. */
  transactionSetId: string;
  transactionControlNumber: string;
  /** IK501 A or E. */
  accepted: boolean;
  /** IK501. */
  acknowledgmentCode: string;
  /** IK304 / IK403 codes found, for display (`IK3 CLM 8`, `IK4 5-3 7`). */
  errors: { segmentId: string; position: string; segmentErrorCode?: string; elementErrorCodes: string[] }[];
}

export function transactionOutcomes(ack: Acknowledgment999): TransactionOutcome999[] {
  return ack.transactionSetResponses.map((response) => ({
    groupControlNumber: ack.functionalGroup.groupControlNumber,
    transactionSetId: response.transactionSetId,
    transactionControlNumber: response.controlNumber,
    accepted: response.acknowledgmentCode === 'A' || response.acknowledgmentCode === 'E',
    acknowledgmentCode: response.acknowledgmentCode,
    errors: response.segmentErrors.map((error) => ({
      segmentId: error.segmentId,
      position: error.position,
      segmentErrorCode: error.errorCode,
      elementErrorCodes: error.elementErrors.map((element) => element.errorCode),
    })),
  }));
}
