/**
 * What the sandbox payer answers to one received file, built with the X12 engine only (no I/O): the caller
 * passes the time and a source of response control numbers (the payer's own counter, persisted by the
 * caller; the engine never invents them) and writes the returned documents.
 *
 * Per interchange in the file:
 * - TA1 when ISA14 = 1, and always when the interchange is rejected (envelope errors, or an ISA13 this
 *   payer already received from the sender: note 025). A rejected interchange gets nothing else.
 * - 837 groups: one 999 per group (acknowledgeReadGroup on validateX12's diagnostics: accepted, or sets
 *   rejected with IK3/IK4 for the guide violations the engine finds); for the accepted sets a 277CA with
 *   every claim (accepted or rejected by sandbox-rules R1/R2) and an 835 per billing provider for the
 *   accepted claims (R3-R9), balanced in integer cents.
 * - 270 groups: a 271 per request (E1/E2).
 * Response interchanges swap the received sender and receiver; all share the received ISA15.
 */
import {
  acknowledge277CA,
  acknowledgeReadGroup,
  benefit271,
  build271Body,
  build277CABody,
  build835Body,
  build999Body,
  parseCents,
  read270,
  read837I,
  read837P,
  replyHeader,
  respondTo270,
  ta1ForInterchange,
  validateX12,
  writeInterchange,
  writeTa1Interchange,
  type Acknowledgment999,
  type Claim835,
  type ClaimToAcknowledge,
  type Diagnostic,
  type FunctionalGroup,
  type InstitutionalClaim,
  type Interchange,
  type ProfessionalClaim,
  type Remittance835,
  type ServiceLine835,
  type TransactionSet,
  type TransactionSetInput,
} from '../x12';
import {
  acknowledgeClaim,
  adjudicateClaim,
  answerEligibility,
  COINSURANCE_PERCENT,
  COPAY_CENTS,
  DEDUCTIBLE_CENTS,
  type ClaimFacts,
  type PaymentDecision,
  type SandboxRuleId,
} from './sandbox-rules';

export type ResponseKind = 'TA1' | '999' | '277CA' | '835' | '271';

/** The payer's own numbering (persisted by the caller): each call returns the next number. */
export interface ResponseNumbering {
  interchange(): number;
  group(): number;
  transaction(): number;
  /** REF*1K / CLP07: the payer's claim number. */
  payerClaimNumber(): string;
  /** TRN02: the check or EFT trace number of an 835. */
  paymentTrace(): string;
}

export interface ResponseDocument {
  kind: ResponseKind;
  /** ISA13 of the response interchange. */
  interchangeControlNumber: string;
  content: string;
}

export interface ResponseSummary {
  interchanges: number;
  /** Received ISA13s, for the log line. */
  receivedControlNumbers: string[];
  rejectedInterchanges: number;
  transactionSets: number;
  rejectedTransactionSets: number;
  claims: number;
  claimsRejected: number;
  claimsPaid: number;
  claimsPartlyPaid: number;
  claimsDenied: number;
  eligibilityRequests: number;
  rules: Partial<Record<SandboxRuleId, number>>;
}

export interface RespondOptions {
  now: Date;
  numbering: ResponseNumbering;
  /** Whether this payer already received this ISA13 from this sender (TA1 note 025). */
  alreadyReceived?: (interchange: Interchange) => boolean;
  /** Largest file read, bytes. */
  maxBytes?: number;
}

export interface SandboxResponse {
  documents: ResponseDocument[];
  summary: ResponseSummary;
  /** False when the file holds no ISA at all (nothing can be answered). */
  readable: boolean;
}

export const SANDBOX_PAYER = {
  name: 'SANDBOX PAYER',
  taxIdTrace: '1999999999',
  address: { lines: ['1 SANDBOX WAY'], city: 'TESTTOWN', state: 'NY', postalCode: '10001' },
  contactPhone: '8005550199',
};

const VERSION_837P = '005010X222A1';
const VERSION_837I = '005010X223A2';

function dates(now: Date): { yymmdd: string; ccyymmdd: string; hhmm: string } {
  const iso = now.toISOString();
  const ccyymmdd = iso.slice(0, 10).replace(/-/g, '');
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm: iso.slice(11, 16).replace(':', '') };
}

/** Integer cents as an X12 amount with two decimals (150.50, 0.00). */
export function amountText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

function cents(text: string): number {
  return parseCents(text) ?? 0;
}

function emptySummary(): ResponseSummary {
  return {
    interchanges: 0,
    receivedControlNumbers: [],
    rejectedInterchanges: 0,
    transactionSets: 0,
    rejectedTransactionSets: 0,
    claims: 0,
    claimsRejected: 0,
    claimsPaid: 0,
    claimsPartlyPaid: 0,
    claimsDenied: 0,
    eligibilityRequests: 0,
    rules: {},
  };
}

type AnyClaim = { kind: 'P'; claim: ProfessionalClaim } | { kind: 'I'; claim: InstitutionalClaim };

interface ClaimLine {
  procedureQualifier: string;
  procedureCode: string;
  modifiers: string[];
  revenueCode?: string;
  chargeAmount: string;
  units?: string;
  serviceDate?: string;
  serviceDateEnd?: string;
  lineControlNumber?: string;
}

function linesOf(item: AnyClaim): ClaimLine[] {
  if (item.kind === 'P') {
    return item.claim.claimInformation.serviceLines.map((line) => ({
      procedureQualifier: line.professionalService.procedureIdentifier || 'HC',
      procedureCode: line.professionalService.procedureCode,
      modifiers: line.professionalService.procedureModifiers ?? [],
      chargeAmount: line.professionalService.lineItemChargeAmount,
      units: line.professionalService.serviceUnitCount,
      serviceDate: line.serviceDate,
      serviceDateEnd: line.serviceDateEnd,
      lineControlNumber: line.providerControlNumber,
    }));
  }
  return item.claim.claimInformation.serviceLines.map((line) => {
    const service = line.institutionalService;
    const procedure = service.procedureCode;
    return {
      // Without a HCPCS code the revenue code is the service (SVC01 NU).
      procedureQualifier: procedure ? service.procedureIdentifier || 'HC' : 'NU',
      procedureCode: procedure || service.serviceLineRevenueCode,
      modifiers: procedure ? (service.procedureModifiers ?? []) : [],
      revenueCode: procedure ? service.serviceLineRevenueCode : undefined,
      chargeAmount: service.lineItemChargeAmount,
      units: service.serviceUnitCount,
      serviceDate: line.serviceDate,
      serviceDateEnd: line.serviceDateEnd,
      lineControlNumber: line.lineItemControlNumber,
    };
  });
}

function factsOf(item: AnyClaim, lines: readonly ClaimLine[]): ClaimFacts {
  const info = item.claim.claimInformation;
  return {
    patientControlNumber: info.patientControlNumber,
    memberId: item.claim.subscriber.memberId,
    payerResponsibility: item.claim.subscriber.paymentResponsibilityLevelCode,
    chargeCents: cents(info.claimChargeAmount),
    lines: lines.map((line) => ({
      procedureCode: line.procedureQualifier === 'NU' ? undefined : line.procedureCode,
      chargeCents: cents(line.chargeAmount),
    })),
  };
}

function providerName(item: AnyClaim): string {
  const billing = item.claim.billing;
  return billing.organizationName ?? [billing.lastName, billing.firstName].filter(Boolean).join(' ');
}

/** The claim's date span: institutional statement dates, else the first and last line dates. */
function claimDates(
  item: AnyClaim,
  lines: readonly ClaimLine[],
): { start: string; end?: string } | undefined {
  if (item.kind === 'I') {
    const { statementBeginDate, statementEndDate } = item.claim.claimInformation.claimDateInformation;
    return { start: statementBeginDate, end: statementEndDate };
  }
  const all = lines.flatMap((line) => [line.serviceDate, line.serviceDateEnd]).filter(Boolean) as string[];
  if (all.length === 0) return undefined;
  const sorted = [...all].sort();
  const start = sorted[0];
  const end = sorted[sorted.length - 1];
  return end === start ? { start } : { start, end };
}

interface AdjudicatedClaim {
  item: AnyClaim;
  lines: ClaimLine[];
  payerClaimNumber: string;
  decision: PaymentDecision;
}

function serviceLine835(line: ClaimLine, decision: PaymentDecision['lines'][number]): ServiceLine835 {
  const contractual = decision.adjustments
    .filter((adjustment) => adjustment.group === 'CO')
    .reduce((sum, adjustment) => sum + adjustment.cents, 0);
  // One date of service is DTM*472; a span of days is DTM*150 and DTM*151.
  const oneDay =
    line.serviceDate === undefined ||
    line.serviceDateEnd === undefined ||
    line.serviceDateEnd === line.serviceDate;
  return {
    procedure: { qualifier: line.procedureQualifier, code: line.procedureCode, modifiers: line.modifiers },
    chargeCents: decision.chargeCents,
    paymentCents: decision.paidCents,
    revenueCode: line.revenueCode,
    units: line.units,
    serviceDate: oneDay ? line.serviceDate : undefined,
    serviceStartDate: oneDay ? undefined : line.serviceDate,
    serviceEndDate: oneDay ? undefined : line.serviceDateEnd,
    otherDates: [],
    adjustments: decision.adjustments.map((adjustment) => ({
      group: adjustment.group,
      reason: adjustment.reason,
      cents: adjustment.cents,
    })),
    lineControlNumber: line.lineControlNumber || undefined,
    otherReferences: [],
    allowedCents: decision.denied ? undefined : decision.chargeCents - contractual,
    otherAmounts: [],
    quantities: [],
    remarks: [],
  };
}

/** CLP06 codes of the 835 guide; 837 SBR09 codes outside it (CI, BL, 11...) are reported as 15 indemnity. */
const CLP06_CODES = new Set([
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  'AM',
  'CH',
  'DS',
  'HM',
  'LM',
  'MA',
  'MB',
  'MC',
  'OF',
  'TV',
  'VA',
  'WC',
  'ZZ',
]);

export function claimFilingIndicator835(sbr09: string): string {
  return CLP06_CODES.has(sbr09) ? sbr09 : '15';
}

function claim835(adjudicated: AdjudicatedClaim): Claim835 {
  const { item, lines, decision } = adjudicated;
  const info = item.claim.claimInformation;
  const subscriber = item.claim.subscriber;
  const dependent = item.claim.dependent;
  const patient = dependent ?? subscriber;
  const span = item.kind === 'I' ? claimDates(item, lines) : undefined;
  return {
    patientControlNumber: info.patientControlNumber,
    statusCode: decision.claimStatusCode,
    chargeCents: decision.chargeCents,
    paymentCents: decision.paidCents,
    patientResponsibilityCents:
      decision.patientResponsibilityCents > 0 ? decision.patientResponsibilityCents : undefined,
    filingIndicator: claimFilingIndicator835(info.claimFilingCode),
    payerClaimControlNumber: adjudicated.payerClaimNumber,
    facilityCode: info.placeOfServiceCode,
    frequencyCode: info.claimFrequencyCode,
    adjustments: [],
    patient: {
      entityCode: 'QC',
      entityType: '1',
      lastName: patient.lastName,
      firstName: patient.firstName,
      idQualifier: dependent ? undefined : 'MI',
      id: dependent ? undefined : subscriber.memberId,
    },
    insured: dependent
      ? {
          entityCode: 'IL',
          entityType: '1',
          lastName: subscriber.lastName,
          firstName: subscriber.firstName,
          idQualifier: 'MI',
          id: subscriber.memberId,
        }
      : undefined,
    references: [],
    dates: span
      ? [{ qualifier: '232', date: span.start }, ...(span.end ? [{ qualifier: '233', date: span.end }] : [])]
      : [],
    contacts: [],
    amounts: [],
    quantities: [],
    serviceLines: lines.map((line, index) => serviceLine835(line, decision.lines[index])),
  };
}

function remittance(
  claims: readonly AdjudicatedClaim[],
  controlNumber: string,
  trace: string,
  paymentDate: string,
): Remittance835 {
  const paid = claims.reduce((sum, claim) => sum + claim.decision.paidCents, 0);
  const billing = claims[0].item.claim.billing;
  return {
    transactionControlNumber: controlNumber,
    version: '005010X221A1',
    // BPR02 is the sum of CLP04 (no PLB): a check when money moves, advice only when nothing is paid.
    financialInformation:
      paid > 0
        ? {
            handlingCode: 'C',
            paymentCents: paid,
            creditDebitFlag: 'C',
            paymentMethod: 'CHK',
            paymentDate,
          }
        : {
            handlingCode: 'H',
            paymentCents: 0,
            creditDebitFlag: 'C',
            paymentMethod: 'NON',
            paymentDate,
          },
    trace: { traceTypeCode: '1', traceNumber: trace, payerId: SANDBOX_PAYER.taxIdTrace },
    references: [],
    dates: [{ qualifier: '405', date: paymentDate }],
    payer: {
      entityCode: 'PR',
      name: claims[0].item.claim.tradingPartnerName || SANDBOX_PAYER.name,
      address: SANDBOX_PAYER.address,
      references: [],
      contacts: [
        {
          functionCode: 'BL',
          name: 'SANDBOX EDI',
          communications: [{ qualifier: 'TE', number: SANDBOX_PAYER.contactPhone }],
        },
      ],
    },
    payee: {
      entityCode: 'PE',
      name: providerName(claims[0].item),
      idQualifier: 'XX',
      id: billing.npi,
      references: billing.employerId ? [{ qualifier: 'TJ', value: billing.employerId }] : [],
      contacts: [],
    },
    claimGroups: [{ headerNumber: '1', claims: claims.map(claim835) }],
    providerAdjustments: [],
  };
}

function toAcknowledge(item: AnyClaim, lines: readonly ClaimLine[]): ClaimToAcknowledge {
  const patient = item.claim.dependent ?? item.claim.subscriber;
  const span = claimDates(item, lines);
  return {
    patientControlNumber: item.claim.claimInformation.patientControlNumber,
    patient: {
      lastName: patient.lastName,
      firstName: patient.firstName,
      memberId: item.claim.dependent ? undefined : item.claim.subscriber.memberId,
    },
    chargeAmount: item.claim.claimInformation.claimChargeAmount,
    serviceDate: span,
    billType:
      item.kind === 'I'
        ? `${item.claim.claimInformation.placeOfServiceCode}${item.claim.claimInformation.claimFrequencyCode}`
        : undefined,
    lines: lines.map((line) => ({
      lineItemControlNumber: line.lineControlNumber,
      procedureQualifier: line.procedureQualifier,
      procedureCode: line.procedureCode,
      procedureModifiers: line.modifiers,
      chargeAmount: line.chargeAmount,
      unitCount: line.units,
      serviceDate: line.serviceDate ? { start: line.serviceDate, end: line.serviceDateEnd } : undefined,
    })),
  };
}

/** Builds every response to one received file. Throws only on input larger than maxBytes. */
export function respondToFile(bytes: Buffer, options: RespondOptions): SandboxResponse {
  const summary = emptySummary();
  let read: { value: Interchange[]; diagnostics: Diagnostic[] };
  try {
    read = validateX12(bytes, { maxBytes: options.maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'X12-NOT-X12')
      return { documents: [], summary, readable: false };
    throw error;
  }
  const { numbering } = options;
  const when = dates(options.now);
  const documents: ResponseDocument[] = [];
  const countRule = (rule: SandboxRuleId): void => {
    summary.rules[rule] = (summary.rules[rule] ?? 0) + 1;
  };

  const emit = (
    kind: ResponseKind,
    received: Interchange,
    group: FunctionalGroup,
    functionalIdentifier: string,
    version: string,
    transactions: () => Omit<TransactionSetInput, 'controlNumber'>[],
  ): void => {
    const sets = transactions();
    if (sets.length === 0) return;
    // Numbers in file order: ISA13, then GS06, then each ST02.
    const isa13 = numbering.interchange();
    const gs06 = numbering.group();
    const content = writeInterchange({
      header: replyHeader(received, { date: when.yymmdd, time: when.hhmm, controlNumber: isa13 }),
      groups: [
        {
          header: {
            functionalIdentifier,
            applicationSender: group.applicationReceiver,
            applicationReceiver: group.applicationSender,
            date: when.ccyymmdd,
            time: when.hhmm,
            controlNumber: gs06,
            version,
          },
          transactions: sets.map((set) => ({ ...set, controlNumber: numbering.transaction() })),
        },
      ],
    });
    documents.push({ kind, interchangeControlNumber: String(isa13).padStart(9, '0'), content });
  };

  for (const interchange of read.value) {
    summary.interchanges++;
    summary.receivedControlNumbers.push(interchange.controlNumber);
    const mine = read.diagnostics.filter(
      (diagnostic) =>
        diagnostic.location.interchangeControlNumber === undefined ||
        diagnostic.location.interchangeControlNumber === interchange.controlNumber,
    );
    const duplicate = options.alreadyReceived?.(interchange) ?? false;
    const ta1 = ta1ForInterchange(interchange, mine, { duplicateControlNumber: duplicate });
    if (interchange.acknowledgmentRequested || ta1.acknowledgmentCode !== 'A') {
      const isa13 = numbering.interchange();
      documents.push({
        kind: 'TA1',
        interchangeControlNumber: String(isa13).padStart(9, '0'),
        content: writeTa1Interchange(
          [ta1],
          replyHeader(interchange, { date: when.yymmdd, time: when.hhmm, controlNumber: isa13 }),
        ),
      });
    }
    if (ta1.acknowledgmentCode !== 'A') {
      summary.rejectedInterchanges++;
      continue;
    }

    for (const group of interchange.groups) {
      if (group.functionalIdentifier === 'HC') {
        respondToClaims(interchange, group, mine);
      } else if (group.functionalIdentifier === 'HS') {
        respondToEligibility(interchange, group);
      }
    }
  }
  return { documents, summary, readable: true };

  function respondToClaims(
    interchange: Interchange,
    group: FunctionalGroup,
    diagnostics: Diagnostic[],
  ): void {
    summary.transactionSets += group.transactions.length;
    let ack: Acknowledgment999 | undefined;
    emit('999', interchange, group, 'FA', '005010X231A1', () => {
      // ST02 inside the model is informational; the writer takes the one allocated for the set.
      ack = acknowledgeReadGroup(group, diagnostics, '0001', interchange.controlNumber);
      return [{ id: '999', version: '005010X231A1', body: build999Body(ack) }];
    });
    const accepted = new Set(
      (ack?.transactionSetResponses ?? [])
        .filter((response) => response.acknowledgmentCode === 'A' || response.acknowledgmentCode === 'E')
        .map((response) => response.controlNumber),
    );
    summary.rejectedTransactionSets += group.transactions.length - accepted.size;

    const acknowledgments: Omit<TransactionSetInput, 'controlNumber'>[] = [];
    const remittances: AdjudicatedClaim[][] = [];
    for (const transaction of group.transactions) {
      if (!accepted.has(transaction.controlNumber)) continue;
      const claims = readClaims(transaction, interchange);
      if (!claims || claims.items.length === 0) continue;
      const byProvider = new Map<
        string,
        { name: string; npi: string; taxId?: string; claims: ClaimToAcknowledge[] }
      >();
      const payable = new Map<string, AdjudicatedClaim[]>();
      for (const item of claims.items) {
        summary.claims++;
        const lines = linesOf(item);
        const facts = factsOf(item, lines);
        const decision = acknowledgeClaim(facts);
        const acknowledged = toAcknowledge(item, lines);
        const npi = item.claim.billing.npi;
        const provider = byProvider.get(npi) ?? {
          name: providerName(item),
          npi,
          taxId: item.claim.billing.employerId,
          claims: [],
        };
        byProvider.set(npi, provider);
        if (!decision.accepted) {
          summary.claimsRejected++;
          countRule(decision.rule);
          provider.claims.push({ ...acknowledged, rejection: decision.statuses });
          continue;
        }
        const payerClaimNumber = numbering.payerClaimNumber();
        provider.claims.push({ ...acknowledged, payerClaimControlNumber: payerClaimNumber });
        const payment = adjudicateClaim(facts);
        payment.rules.forEach(countRule);
        if (payment.outcome === 'paid') summary.claimsPaid++;
        else if (payment.outcome === 'partly-paid') summary.claimsPartlyPaid++;
        else summary.claimsDenied++;
        const list = payable.get(npi) ?? [];
        list.push({ item, lines, payerClaimNumber, decision: payment });
        payable.set(npi, list);
      }
      const first = claims.items[0].claim;
      const batch = acknowledge277CA({
        referenceId: `SBX${interchange.controlNumber}${transaction.controlNumber}`.slice(0, 50),
        date: when.ccyymmdd,
        time: when.hhmm,
        payer: { name: first.tradingPartnerName || SANDBOX_PAYER.name, id: first.tradingPartnerServiceId },
        submitter: {
          name: claims.submitterName || 'SUBMITTER',
          id: claims.submitterId || interchange.senderId,
        },
        batchTraceNumber: claims.referenceIdentification || interchange.controlNumber,
        receiptDate: when.ccyymmdd,
        billingProviders: [...byProvider.values()],
      });
      acknowledgments.push({ id: '277', version: '005010X214', body: build277CABody(batch) });
      remittances.push(...payable.values());
    }
    emit('277CA', interchange, group, 'HN', '005010X214', () => acknowledgments);
    emit('835', interchange, group, 'HP', '005010X221A1', () =>
      remittances.map((claims) => ({
        id: '835',
        version: '005010X221A1',
        body: build835Body(remittance(claims, '', numbering.paymentTrace(), when.ccyymmdd)),
      })),
    );
  }

  function readClaims(
    transaction: TransactionSet,
    interchange: Interchange,
  ):
    | { items: AnyClaim[]; submitterName?: string; submitterId?: string; referenceIdentification?: string }
    | undefined {
    const version = transaction.version;
    if (version === VERSION_837P) {
      const result = read837P(transaction, interchange.delimiters).value;
      return {
        items: result.claims.map((claim) => ({ kind: 'P' as const, claim })),
        submitterName: result.submitter.organizationName ?? result.submitter.lastName,
        submitterId: result.submitter.submitterIdentification,
        referenceIdentification: result.header.referenceIdentification,
      };
    }
    if (version === VERSION_837I) {
      const result = read837I(transaction, interchange.delimiters).value;
      return {
        items: result.claims.map((claim) => ({ kind: 'I' as const, claim })),
        submitterName: result.submitter.organizationName ?? result.submitter.lastName,
        submitterId: result.submitter.submitterIdentification,
        referenceIdentification: result.header.referenceIdentification,
      };
    }
    return undefined;
  }

  function respondToEligibility(interchange: Interchange, group: FunctionalGroup): void {
    const responses: Omit<TransactionSetInput, 'controlNumber'>[] = [];
    for (const transaction of group.transactions) {
      if (!transaction.complete) continue;
      summary.transactionSets++;
      const inquiry = read270(transaction, interchange.delimiters).value;
      for (const request of inquiry.requests) {
        summary.eligibilityRequests++;
        const decision = answerEligibility({
          memberId: request.subscriber.memberId,
          serviceTypeCodes: request.serviceTypeCodes,
        });
        const answer =
          decision.kind === 'rejected'
            ? {
                kind: 'rejected' as const,
                rejectReasonCode: decision.rejectReasonCode,
                followUpActionCode: decision.followUpActionCode,
              }
            : {
                kind: 'benefits' as const,
                benefits: [
                  benefit271({
                    eligibilityCode: '1',
                    coverageLevelCode: 'IND',
                    serviceTypeCodes: decision.serviceTypeCodes,
                  }),
                  benefit271({
                    eligibilityCode: 'C',
                    coverageLevelCode: 'IND',
                    serviceTypeCodes: ['30'],
                    timePeriodQualifier: '23',
                    amount: amountText(DEDUCTIBLE_CENTS),
                  }),
                  benefit271({
                    eligibilityCode: 'A',
                    coverageLevelCode: 'IND',
                    serviceTypeCodes: ['30'],
                    percent: `.${String(COINSURANCE_PERCENT).padStart(2, '0')}`.replace(/0+$/, ''),
                  }),
                  benefit271({
                    eligibilityCode: 'B',
                    coverageLevelCode: 'IND',
                    serviceTypeCodes: ['30'],
                    timePeriodQualifier: '27',
                    amount: amountText(COPAY_CENTS),
                  }),
                ],
              };
        const response = respondTo270(request, answer, { date: when.ccyymmdd, time: when.hhmm });
        responses.push({ id: '271', version: '005010X279A1', body: build271Body(response) });
      }
    }
    emit('271', interchange, group, 'HB', '005010X279A1', () => responses);
  }
}
