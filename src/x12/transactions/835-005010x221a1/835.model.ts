/**
 * Typed model of one 835 health care claim payment/advice (005010X221A1), as read by read835 and
 * written by build835Body. The model keeps every element a valid 835 carries, in guide order, so that
 * reading then writing a valid file gives the same bytes when its amounts are in their shortest form and
 * its service lines' dates and amounts in the writer's order (see ServiceLine835).
 *
 * Amounts are integer cents (fields named `...Cents`), not their X12 text: cents are what a posting
 * needs, and a large remittance holds hundreds of thousands of amounts, where a string and an object
 * for each would add a third to what the model costs to read and keep. The writer gives each amount
 * its shortest X12 form (`442`, `265.2`, `-12.34`); a file that wrote `442.00` reads to the same cents.
 */

/**
 * An amount in integer cents; null when the element's text is not an X12 amount in whole cents (the
 * read reports X12-835-AMOUNT-FORMAT, and the remittance must not be posted).
 */
export type Cents835 = number | null;

/** REF: reference identification (REF01 qualifier, REF02 value). */
export interface Reference835 {
  qualifier: string;
  value: string;
}

/** DTM: date/time reference (DTM01 qualifier, DTM02 CCYYMMDD). */
export interface Date835 {
  qualifier: string;
  date: string;
}

/** AMT: monetary amount (AMT01 qualifier, AMT02). */
export interface MonetaryAmount835 {
  qualifier: string;
  cents: Cents835;
}

/** QTY: quantity (QTY01 qualifier, QTY02). */
export interface Quantity835 {
  qualifier: string;
  quantity: string;
}

/** PER: contact (PER01 function, PER02 name, PER03..PER08 communication number pairs). */
export interface Contact835 {
  functionCode: string;
  name?: string;
  communications: { qualifier: string; number: string }[];
}

/** N3 + N4. */
export interface Address835 {
  /** N301, N302. */
  lines: string[];
  city?: string; // N401
  state?: string; // N402
  postalCode?: string; // N403
  countryCode?: string; // N404
  /** N407 (N405/N406 are not used by the guide). */
  countrySubdivision?: string;
}

/** Loop 1000A payer (N1*PR) or 1000B payee (N1*PE). */
export interface Party835 {
  entityCode: string; // N101
  name: string; // N102
  idQualifier?: string; // N103 (payer XV; payee FI, XV, XX)
  id?: string; // N104
  address?: Address835;
  /** Payer REF*2U/EO/HI/NF; payee REF*TJ/PQ/0B/D3 ... in file order. */
  references: Reference835[];
  /** Payer PER*CX/BL/IC. */
  contacts: Contact835[];
  /** Payee RDM remittance delivery method: the raw elements (RDM01..). */
  remittanceDelivery?: string[];
  /** Derived for convenience (not written): NPI from N103=XX. */
  npi?: string;
  /** Derived for convenience (not written): tax id from N103=FI or REF*TJ. */
  taxId?: string;
}

/** BPR: financial information. */
export interface FinancialInformation835 {
  handlingCode: string; // BPR01: C payment with advice, D payment only, H advice only, I remittance information only, P prenotification, U split, X separate
  paymentCents: Cents835; // BPR02
  creditDebitFlag: string; // BPR03: C credit, D debit
  paymentMethod: string; // BPR04: ACH, BOP, CHK, FWT, NON
  paymentFormat?: string; // BPR05: CCP, CTX
  senderDfiQualifier?: string; // BPR06
  senderDfiNumber?: string; // BPR07
  senderAccountQualifier?: string; // BPR08
  senderAccountNumber?: string; // BPR09
  originatingCompanyId?: string; // BPR10
  originatingCompanySupplementalCode?: string; // BPR11
  receiverDfiQualifier?: string; // BPR12
  receiverDfiNumber?: string; // BPR13
  receiverAccountQualifier?: string; // BPR14
  receiverAccountNumber?: string; // BPR15
  paymentDate: string; // BPR16
}

/** TRN: reassociation trace number. */
export interface Trace835 {
  traceTypeCode: string; // TRN01 (1 current transaction trace numbers)
  traceNumber: string; // TRN02: check or EFT trace number
  payerId: string; // TRN03: payer identifier (1 + tax id)
  originatingCompanySupplementalCode?: string; // TRN04
}

/** CAS: one adjustment (a group code with one reason/amount/quantity trio). */
export interface Adjustment835 {
  group: string; // CAS01: CO, CR, OA, PI, PR
  reason: string; // CAS02/05/08/11/14/17 (CARC)
  cents: Cents835; // CAS03/06/...
  quantity?: string; // CAS04/07/...
}

/** NM1 in loop 2100. */
export interface Name835 {
  entityCode: string; // NM101
  entityType: string; // NM102: 1 person, 2 non-person
  lastName?: string; // NM103 (or organization name)
  firstName?: string; // NM104
  middleName?: string; // NM105
  prefix?: string; // NM106
  suffix?: string; // NM107
  idQualifier?: string; // NM108
  id?: string; // NM109
}

/** MIA (inpatient) or MOA (outpatient) adjudication information: raw elements and the remark codes among them. */
export interface AdjudicationInformation835 {
  elements: string[];
  /** MIA05, MIA20-MIA23 or MOA03-MOA07: remittance advice remark codes (RARC). */
  remarkCodes: string[];
}

/** SVC01 / SVC06 composite medical procedure identifier. */
export interface Procedure835 {
  qualifier: string; // -1: HC, AD, ER, HP, IV, N4, NU, WK ...
  code: string; // -2
  /** -3 .. -6; '' keeps the place of a skipped modifier. */
  modifiers: readonly string[];
  description?: string; // -7
}

/**
 * Loop 2110 service payment information. Its lists (and a claim's) are read-only: the reader gives every
 * empty list as one shared frozen array, because a large remittance holds hundreds of thousands of them.
 *
 * The line's service date, line item control number and allowed amount, which nearly every line has and
 * a posting reads, are fields of their own; only the other DTM, REF and AMT segments go to the lists.
 * (A list per line for one segment each cost a third of a large remittance's memory, and as much of
 * the time it took to read.) Only the first of each becomes the field; a second goes to the list. The
 * writer puts REF*6R where the guide places it (after the service identification REFs: 1S, APC, BB, E9,
 * G1, G3, LU, RB). The guide does not order a line's dates or its amounts among themselves, and the
 * writer gives them its own order: DTM*150, DTM*151, DTM*472, then the others; AMT*B6, then the others.
 * A valid file whose line dates or amounts come in another order writes back with the same segments in
 * the writer's order, so not byte for byte.
 */
export interface ServiceLine835 {
  procedure: Procedure835; // SVC01
  chargeCents: Cents835; // SVC02
  paymentCents: Cents835; // SVC03
  revenueCode?: string; // SVC04 (NUBC revenue code)
  units?: string; // SVC05
  submittedProcedure?: Procedure835; // SVC06
  submittedUnits?: string; // SVC07
  /** DTM*472 service date (CCYYMMDD), when the line has one date. */
  serviceDate?: string;
  /** DTM*150 service period start, when the line has a period. */
  serviceStartDate?: string;
  /** DTM*151 service period end. */
  serviceEndDate?: string;
  /** DTM segments other than the first DTM*150, DTM*151 and DTM*472, in file order. */
  otherDates: readonly Date835[];
  adjustments: readonly Adjustment835[];
  /** REF*6R line item control number, echoed from the 837's REF*6R (what line-level posting matches). */
  lineControlNumber?: string;
  /** REF segments other than the first REF*6R, in file order. */
  otherReferences: readonly Reference835[];
  /** AMT*B6 allowed amount (null when unreadable, like every amount). */
  allowedCents?: Cents835;
  /** AMT segments other than the first AMT*B6 (KH, T, T2, ZK ... ZO), in file order. */
  otherAmounts: readonly MonetaryAmount835[];
  quantities: readonly Quantity835[];
  /** LQ: LQ01 HE (RARC) or RX (NCPDP reject code), LQ02 code. */
  remarks: readonly { qualifier: string; code: string }[];
}

/** Loop 2100 claim payment information. */
export interface Claim835 {
  patientControlNumber: string; // CLP01 (echo of 837 CLM01)
  statusCode: string; // CLP02
  chargeCents: Cents835; // CLP03
  paymentCents: Cents835; // CLP04
  patientResponsibilityCents?: Cents835; // CLP05
  filingIndicator: string; // CLP06
  payerClaimControlNumber: string; // CLP07
  facilityCode?: string; // CLP08
  frequencyCode?: string; // CLP09
  drgCode?: string; // CLP11
  drgWeight?: string; // CLP12
  dischargeFraction?: string; // CLP13
  adjustments: readonly Adjustment835[];
  patient?: Name835; // NM1*QC
  insured?: Name835; // NM1*IL
  correctedPatient?: Name835; // NM1*74
  serviceProvider?: Name835; // NM1*82
  crossoverCarrier?: Name835; // NM1*TT
  correctedPriorityPayer?: Name835; // NM1*PR
  otherSubscriber?: Name835; // NM1*GB
  inpatientAdjudication?: AdjudicationInformation835; // MIA
  outpatientAdjudication?: AdjudicationInformation835; // MOA
  references: readonly Reference835[];
  dates: readonly Date835[]; // DTM*036/050/232/233
  contacts: readonly Contact835[]; // PER*CX
  amounts: readonly MonetaryAmount835[];
  quantities: readonly Quantity835[];
  serviceLines: readonly ServiceLine835[];
}

/** Loop 2000 header number (LX) with its provider summary (TS3, TS2) and claims. */
export interface ClaimGroup835 {
  /** LX01; undefined when claims came without an LX (invalid, read tolerantly). */
  headerNumber?: string;
  /** TS3 raw elements. */
  providerSummary?: string[];
  /** TS2 raw elements. */
  supplementalSummary?: string[];
  claims: Claim835[];
}

/** PLB provider adjustment. */
export interface ProviderAdjustment835 {
  providerId: string; // PLB01
  fiscalPeriodDate: string; // PLB02
  adjustments: {
    reasonCode: string; // PLB03-1 ...
    reference?: string; // PLB03-2 ...
    cents: Cents835; // PLB04 ...
  }[];
}

export interface Remittance835 {
  /** ST02. */
  transactionControlNumber: string;
  /** ST03 (guide version) when present. */
  version?: string;
  financialInformation: FinancialInformation835;
  trace: Trace835;
  /** CUR01 entity (PR), CUR02 currency code. */
  currency?: { entityCode: string; currencyCode: string };
  /** Header REF*EV (receiver id) and REF*F2 (version) in file order. */
  references: Reference835[];
  /** Header DTM*405 production date. */
  dates: Date835[];
  payer: Party835;
  payee: Party835;
  claimGroups: ClaimGroup835[];
  providerAdjustments: ProviderAdjustment835[];
}

/** Every claim of a remittance, across its LX groups, in file order. */
export function claimsOf(remittance: Remittance835): Claim835[] {
  return remittance.claimGroups.flatMap((group) => group.claims);
}

/**
 * The payment's reassociation identity: TRN03 payer id, TRN02 check/EFT trace number, BPR16 date and
 * BPR02 amount in cents. The same remittance re-enveloped (new ISA13/GS06/ST02) has the same key, so a
 * posting ledger can post it once. Reversals (CLP02 = 22) arrive in a new payment with a new trace.
 */
export function remittanceKey(remittance: Remittance835): string {
  const { trace, financialInformation } = remittance;
  return [
    trace.payerId,
    trace.traceNumber,
    financialInformation.paymentDate,
    financialInformation.paymentCents ?? 'invalid',
  ].join('|');
}
