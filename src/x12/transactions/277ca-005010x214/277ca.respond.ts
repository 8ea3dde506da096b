/**
 * The 277CA a payer (or clearinghouse) sends back for a batch of claims, as a typed model that
 * build277CABody writes. For the payer simulator and the tests. Each claim is accepted (A2:20) or
 * rejected with the given category/status/entity; the receiver and provider levels carry the counts
 * and totals (QTY 90/AA, QA/QC; AMT YU/YY), summed in integer cents, never floats.
 */
import { formatCents, parseCents, sumCents } from '../../money';
import { describeClaimStatus } from '../../codes/claim-status-codes';
import { describeClaimStatusCategory } from '../../codes/claim-status-category-codes';
import { describeEntityIdentifier } from '../../codes/entity-identifier-codes';
import { X12Error } from '../../syntax/types';
import { acknowledgmentOutcomeOf } from './277ca.reader';
import type {
  AmountValue,
  BillingProvider277CA,
  Claim277CA,
  ClaimAcknowledgment277CA,
  ClaimStatus,
  QuantityValue,
  ServiceLine277CA,
  StatusInformation,
} from './277ca.model';

export interface StatusCode277CA {
  categoryCode: string;
  statusCode: string;
  entityCode?: string;
}

export interface LineToAcknowledge {
  /** The 837 REF*6R, echoed as REF*FJ. */
  lineItemControlNumber?: string;
  procedureQualifier?: string;
  procedureCode: string;
  procedureModifiers?: string[];
  chargeAmount: string;
  unitCount?: string;
  serviceDate?: { start: string; end?: string };
}

export interface ClaimToAcknowledge {
  /** The 837 CLM01, echoed in TRN02. */
  patientControlNumber: string;
  patient: { lastName: string; firstName?: string; memberId?: string };
  /** CLM02. */
  chargeAmount: string;
  serviceDate?: { start: string; end?: string };
  /** Assigned by the payer when it accepts the claim (REF*1K). */
  payerClaimControlNumber?: string;
  clearinghouseTraceNumber?: string;
  billType?: string;
  /** Rejection statuses (STC01, STC10, STC11); absent: accepted (A2:20). */
  rejection?: StatusCode277CA[];
  lines?: LineToAcknowledge[];
}

export interface AcknowledgmentBatch277CA {
  /** BHT03 / BHT04 / BHT05. */
  referenceId: string;
  date: string;
  time: string;
  payer: { name: string; id: string };
  submitter: { name: string; id: string };
  /** The batch's trace (the submitter's BHT03 or ISA13), echoed in TRN at 2200A and 2200B. */
  batchTraceNumber: string;
  receiptDate: string;
  billingProviders: { name: string; npi: string; taxId?: string; claims: ClaimToAcknowledge[] }[];
  /** Reject the whole batch at 2200B with these statuses (no provider or claim levels are written). */
  batchRejection?: StatusCode277CA[];
}

function status(code: StatusCode277CA): ClaimStatus {
  return {
    categoryCode: code.categoryCode,
    categoryDescription: describeClaimStatusCategory(code.categoryCode),
    statusCode: code.statusCode,
    statusDescription: describeClaimStatus(code.statusCode),
    entityCode: code.entityCode,
    entityDescription: code.entityCode === undefined ? undefined : describeEntityIdentifier(code.entityCode),
  };
}

function cents(amount: string, element: string): number {
  const value = parseCents(amount);
  if (value === undefined)
    throw new X12Error('X12-INVALID-ARGUMENT', `${element} is not an amount in cents.`, { element });
  return value;
}

/** Totals as payers usually write them: always two decimal places (425.50, 300.00). */
function twoDecimals(totalCents: number): string {
  const text = formatCents(totalCents);
  const point = text.indexOf('.');
  if (point < 0) return `${text}.00`;
  return text.length - point === 2 ? `${text}0` : text;
}

const ACCEPTED: StatusCode277CA[] = [{ categoryCode: 'A2', statusCode: '20' }];

function date(range: { start: string; end?: string } | undefined) {
  if (!range) return undefined;
  return {
    qualifier: '472',
    format: range.end === undefined ? 'D8' : 'RD8',
    start: range.start,
    end: range.end,
  };
}

function claimLevel(claim: ClaimToAcknowledge, id: string, effectiveDate: string): Claim277CA {
  const codes = claim.rejection ?? ACCEPTED;
  const action = claim.rejection ? 'U' : 'WQ';
  const info: StatusInformation = {
    statuses: codes.map(status),
    effectiveDate,
    actionCode: action,
    chargeAmount: claim.chargeAmount,
  };
  const lines: ServiceLine277CA[] = (claim.lines ?? []).map((line) => {
    const lineInfo: StatusInformation = {
      statuses: codes.slice(0, 1).map(status),
      effectiveDate,
      actionCode: action,
      chargeAmount: line.chargeAmount,
    };
    return {
      procedureQualifier: line.procedureQualifier ?? 'HC',
      procedureCode: line.procedureCode,
      procedureModifiers: line.procedureModifiers ?? [],
      chargeAmount: line.chargeAmount,
      paidAmount: '0',
      unitCount: line.unitCount,
      statusInformation: [lineInfo],
      outcome: acknowledgmentOutcomeOf([lineInfo]),
      lineItemControlNumber: line.lineItemControlNumber,
      serviceDate: date(line.serviceDate),
    };
  });
  return {
    hierarchicalId: id,
    patient: {
      entityIdentifierCode: 'QC',
      entityTypeQualifier: '1',
      lastOrOrganizationName: claim.patient.lastName,
      firstName: claim.patient.firstName,
      identificationCodeQualifier: claim.patient.memberId === undefined ? undefined : 'MI',
      identifier: claim.patient.memberId,
    },
    patientControlNumber: claim.patientControlNumber,
    trace: { traceTypeCode: '2', referenceId: claim.patientControlNumber },
    statusInformation: [info],
    outcome: acknowledgmentOutcomeOf([info]),
    payerClaimControlNumber: claim.rejection ? undefined : claim.payerClaimControlNumber,
    clearinghouseTraceNumber: claim.clearinghouseTraceNumber,
    billType: claim.billType,
    serviceDate: date(claim.serviceDate),
    lines,
  };
}

/** QTY and AMT pairs for accepted and rejected claims (qualifiers differ between 2200B and 2200C). */
function totals(
  claims: readonly ClaimToAcknowledge[],
  quantityQualifiers: [string, string],
): { quantities: QuantityValue[]; amounts: AmountValue[] } {
  const accepted = claims.filter((claim) => !claim.rejection);
  const rejected = claims.filter((claim) => claim.rejection);
  const quantities: QuantityValue[] = [];
  const amounts: AmountValue[] = [];
  if (accepted.length > 0)
    quantities.push({ qualifier: quantityQualifiers[0], quantity: String(accepted.length) });
  if (rejected.length > 0)
    quantities.push({ qualifier: quantityQualifiers[1], quantity: String(rejected.length) });
  const sum = (list: readonly ClaimToAcknowledge[]) =>
    twoDecimals(sumCents(list.map((claim) => cents(claim.chargeAmount, 'CLM02'))));
  if (accepted.length > 0) amounts.push({ qualifier: 'YU', amount: sum(accepted) });
  if (rejected.length > 0) amounts.push({ qualifier: 'YY', amount: sum(rejected) });
  return { quantities, amounts };
}

export function acknowledge277CA(batch: AcknowledgmentBatch277CA): ClaimAcknowledgment277CA {
  const allClaims = batch.billingProviders.flatMap((provider) => provider.claims);
  const total = twoDecimals(sumCents(allClaims.map((claim) => cents(claim.chargeAmount, 'CLM02'))));
  const receiverInfo: StatusInformation = {
    statuses: (batch.batchRejection ?? [{ categoryCode: 'A1', statusCode: '19', entityCode: 'PR' }]).map(
      status,
    ),
    effectiveDate: batch.date,
    actionCode: batch.batchRejection ? 'U' : 'WQ',
    chargeAmount: total,
  };
  let next = 3;
  const providers: BillingProvider277CA[] = batch.batchRejection
    ? []
    : batch.billingProviders.map((provider) => {
        const hierarchicalId = String(next++);
        const claims = provider.claims.map((claim) => claimLevel(claim, String(next++), batch.date));
        return {
          hierarchicalId,
          name: {
            entityIdentifierCode: '85',
            entityTypeQualifier: '2',
            lastOrOrganizationName: provider.name,
            identificationCodeQualifier: 'XX',
            identifier: provider.npi,
          },
          trace: { traceTypeCode: '1', referenceId: '0' },
          statusInformation: [],
          outcome: 'other' as const,
          references: provider.taxId === undefined ? [] : [{ qualifier: 'TJ', value: provider.taxId }],
          ...totals(provider.claims, ['QA', 'QC']),
          claims,
        };
      });
  const receiverTotals = batch.batchRejection
    ? {
        quantities: [{ qualifier: 'AA', quantity: String(allClaims.length) }],
        amounts: [{ qualifier: 'YY', amount: total }],
      }
    : totals(allClaims, ['90', 'AA']);
  return {
    controlNumber: '',
    header: {
      hierarchicalStructureCode: '0085',
      purposeCode: '08',
      referenceId: batch.referenceId,
      date: batch.date,
      time: batch.time,
      transactionTypeCode: 'TH',
    },
    informationSources: [
      {
        hierarchicalId: '1',
        name: {
          entityIdentifierCode: 'PR',
          entityTypeQualifier: '2',
          lastOrOrganizationName: batch.payer.name,
          identificationCodeQualifier: 'PI',
          identifier: batch.payer.id,
        },
        contacts: [],
        trace: { traceTypeCode: '1', referenceId: batch.batchTraceNumber },
        receiptDate: batch.receiptDate,
        processDate: batch.date,
        receivers: [
          {
            hierarchicalId: '2',
            name: {
              entityIdentifierCode: '41',
              entityTypeQualifier: '2',
              lastOrOrganizationName: batch.submitter.name,
              identificationCodeQualifier: '46',
              identifier: batch.submitter.id,
            },
            trace: { traceTypeCode: '2', referenceId: batch.batchTraceNumber },
            statusInformation: [receiverInfo],
            outcome: acknowledgmentOutcomeOf([receiverInfo]),
            ...receiverTotals,
            providers,
          },
        ],
      },
    ],
  };
}
