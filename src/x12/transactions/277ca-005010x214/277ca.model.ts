/**
 * Typed model of a 277CA (Health Care Claim Acknowledgment, 005010X214): what the reader produces
 * and the writer takes. The hierarchy is the guide's: information source (2000A) > information
 * receiver (2000B) > billing provider (2000C) > patient / claim (2000D) > service line (2220D).
 * Amounts are decimal strings as sent, never floats.
 */
import type { DatePeriod, EntityName, Reference, Trace } from './segment-values';

/** One C043 status composite (STC01, STC10 or STC11). */
export interface ClaimStatus {
  /** C043-1 claim status category, e.g. A1 received, A2 accepted, A3/A6/A7/A8 rejected. */
  categoryCode: string;
  categoryDescription?: string;
  /** C043-2 claim status code, e.g. 20 accepted for processing, 21 missing or invalid information. */
  statusCode: string;
  statusDescription?: string;
  /** C043-3 entity the status is about, e.g. 85 billing provider, IL subscriber, QC patient. */
  entityCode?: string;
  entityDescription?: string;
  /** C043-4 code list qualifier (NCPDP reject/payment code). */
  codeListQualifier?: string;
}

/** One STC segment. */
export interface StatusInformation {
  /** STC01, then STC10 and STC11 when present, in that order. */
  statuses: ClaimStatus[];
  /** STC02 status information effective date. */
  effectiveDate?: string;
  /** STC03: WQ accept, U reject. */
  actionCode?: string;
  /** STC04: total submitted charges (claim or line), or batch total at 2200B/2200C. */
  chargeAmount?: string;
  /** STC12 free-form message. */
  message?: string;
}

export type AcknowledgmentOutcome = 'accepted' | 'rejected' | 'received' | 'other';

export interface QuantityValue {
  /** QTY01: 90 accepted, AA rejected (2200B); QA accepted, QC rejected (2200C). */
  qualifier: string;
  quantity: string;
}

export interface AmountValue {
  /** AMT01: YU accepted, YY rejected. */
  qualifier: string;
  amount: string;
}

export interface ServiceLine277CA {
  /** SVC01-1 qualifier (HC, NU...), SVC01-2 code, SVC01-3..6 modifiers. */
  procedureQualifier: string;
  procedureCode: string;
  procedureModifiers: string[];
  /** SVC02 line item charge. */
  chargeAmount: string;
  /** SVC03 (usually 0 on an acknowledgment). */
  paidAmount?: string;
  /** SVC04 revenue code (institutional). */
  revenueCode?: string;
  /** SVC07 units of service. */
  unitCount?: string;
  statusInformation: StatusInformation[];
  outcome: AcknowledgmentOutcome;
  /** REF*FJ: the submitter's line item control number (837 REF*6R), echoed back. */
  lineItemControlNumber?: string;
  /** DTP*472 line service date(s). */
  serviceDate?: DatePeriod;
}

/** One 2200D claim. A patient level (2000D) with several claims gives several, sharing the HL id. */
export interface Claim277CA {
  /** HL01 of the 2000D level. */
  hierarchicalId: string;
  /** 2100D NM1*QC. */
  patient: EntityName;
  /** 2200D TRN02: the 837 CLM01 patient control number, the key to reconcile with sent claims. */
  patientControlNumber?: string;
  trace?: Trace;
  statusInformation: StatusInformation[];
  /** Derived from the status categories: rejected wins over accepted. */
  outcome: AcknowledgmentOutcome;
  /** REF*1K payer claim control number. */
  payerClaimControlNumber?: string;
  /** REF*D9 clearinghouse trace number. */
  clearinghouseTraceNumber?: string;
  /** REF*BLT institutional bill type. */
  billType?: string;
  /** REF*EA medical record number. */
  medicalRecordNumber?: string;
  /** DTP*472 claim service date(s). */
  serviceDate?: DatePeriod;
  lines: ServiceLine277CA[];
}

export interface BillingProvider277CA {
  hierarchicalId: string;
  /** 2100C NM1*85. */
  name: EntityName;
  trace?: Trace;
  statusInformation: StatusInformation[];
  /** Derived from the 2200C statuses: `rejected` here rejects every claim of the provider. */
  outcome: AcknowledgmentOutcome;
  /** 2200C REF provider secondary identifiers (TJ tax id, 0B state license, G2...). */
  references: Reference[];
  quantities: QuantityValue[];
  amounts: AmountValue[];
  claims: Claim277CA[];
}

export interface InformationReceiver277CA {
  hierarchicalId: string;
  /** 2100B NM1*41 (the submitter). */
  name: EntityName;
  trace?: Trace;
  /** 2200B STC: often a whole-batch acknowledgment or rejection. */
  statusInformation: StatusInformation[];
  /** Derived from the 2200B statuses: `rejected` here means the whole batch was rejected. */
  outcome: AcknowledgmentOutcome;
  quantities: QuantityValue[];
  amounts: AmountValue[];
  providers: BillingProvider277CA[];
}

export interface InformationSource277CA {
  hierarchicalId: string;
  /** 2100A NM1*PR (payer) or NM1*AY (clearinghouse). */
  name: EntityName;
  /** 2100A PER elements as sent (the payer's contact). */
  contacts: string[][];
  trace?: Trace;
  /** DTP*050 receipt date (D8). */
  receiptDate?: string;
  /** DTP*009 process date (D8). */
  processDate?: string;
  receivers: InformationReceiver277CA[];
}

export interface BeginningOfHierarchicalTransaction {
  /** BHT01: 0085 for 277CA, 0022 for 270/271. */
  hierarchicalStructureCode: string;
  /** BHT02. */
  purposeCode: string;
  /** BHT03. */
  referenceId: string;
  /** BHT04 CCYYMMDD. */
  date: string;
  /** BHT05 HHMM[SS]. */
  time: string;
  /** BHT06. */
  transactionTypeCode?: string;
}

export interface ClaimAcknowledgment277CA {
  /** ST02. */
  controlNumber: string;
  header: BeginningOfHierarchicalTransaction;
  informationSources: InformationSource277CA[];
}
