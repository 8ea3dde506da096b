/**
 * Writes a Remittance835 as the body of an 835 transaction set (the segments between ST and SE), in
 * guide order, so a payer simulator can emit 835s with writeInterchange. Derived convenience fields
 * (payee npi/taxId) are not written: the elements they come from are. Amounts are written in their
 * shortest X12 form from their cents.
 */
import type { SegmentInput } from '../../envelope/types';
import { formatCents } from '../../money';
import { elementReference } from '../../syntax/elements';
import { X12Error } from '../../syntax/types';
import { SERVICE_IDENTIFICATION_QUALIFIERS } from './835.schema';
import type {
  Adjustment835,
  Cents835,
  Claim835,
  Contact835,
  Date835,
  MonetaryAmount835,
  Name835,
  Party835,
  Procedure835,
  Quantity835,
  Reference835,
  Remittance835,
  ServiceLine835,
} from './835.model';

type Elements = (string | readonly string[] | undefined)[];

function segment(id: string, elements: Elements): SegmentInput {
  return { id, elements };
}

/**
 * The X12 text of an amount; `reference` (e.g. `CLP04`) names it when it has no whole cents to write
 * (null, a fraction of a cent, NaN or beyond a safe integer): the caller's model cannot be written.
 */
function amountText(cents: Cents835, reference: string): string {
  if (cents === null || !Number.isSafeInteger(cents)) {
    throw new X12Error(
      'X12-INVALID-ARGUMENT',
      `${reference} has no amount in whole cents: the 835 cannot be written`,
    );
  }
  return formatCents(cents);
}

function optionalAmountText(cents: Cents835 | undefined, reference: string): string | undefined {
  return cents === undefined ? undefined : amountText(cents, reference);
}

function references(list: readonly Reference835[]): SegmentInput[] {
  return list.map((reference) => segment('REF', [reference.qualifier, reference.value]));
}

function dates(list: readonly Date835[]): SegmentInput[] {
  return list.map((date) => segment('DTM', [date.qualifier, date.date]));
}

function amounts(list: readonly MonetaryAmount835[]): SegmentInput[] {
  return list.map((amount) => segment('AMT', [amount.qualifier, amountText(amount.cents, 'AMT02')]));
}

function quantities(list: readonly Quantity835[]): SegmentInput[] {
  return list.map((quantity) => segment('QTY', [quantity.qualifier, quantity.quantity]));
}

function contacts(list: readonly Contact835[]): SegmentInput[] {
  return list.map((contact) =>
    segment('PER', [
      contact.functionCode,
      contact.name,
      ...contact.communications
        .slice(0, 3)
        .flatMap((communication) => [communication.qualifier, communication.number]),
    ]),
  );
}

/**
 * CAS: one segment per group code in order of first appearance, up to six reason trios each (a seventh
 * adjustment of the same group opens another CAS). 005010X221A1 asks for one CAS per group code.
 */
export function casSegments(adjustments: readonly Adjustment835[]): SegmentInput[] {
  const byGroup = new Map<string, Adjustment835[]>();
  for (const adjustment of adjustments) {
    const list = byGroup.get(adjustment.group) ?? [];
    list.push(adjustment);
    byGroup.set(adjustment.group, list);
  }
  const out: SegmentInput[] = [];
  for (const [group, list] of byGroup) {
    for (let start = 0; start < list.length; start += 6) {
      const trios = list
        .slice(start, start + 6)
        // trio k's amount is CAS03, CAS06, ... CAS18
        .flatMap((adjustment, k) => [
          adjustment.reason,
          amountText(adjustment.cents, elementReference('CAS', 3 + 3 * k)),
          adjustment.quantity,
        ]);
      out.push(segment('CAS', [group, ...trios]));
    }
  }
  return out;
}

function party(value: Party835): SegmentInput[] {
  const out = [segment('N1', [value.entityCode, value.name, value.idQualifier, value.id])];
  if (value.address) {
    const { address } = value;
    if (address.lines.length > 0) out.push(segment('N3', address.lines.slice(0, 2)));
    if (
      address.city ||
      address.state ||
      address.postalCode ||
      address.countryCode ||
      address.countrySubdivision
    ) {
      out.push(
        segment('N4', [
          address.city,
          address.state,
          address.postalCode,
          address.countryCode,
          undefined,
          undefined,
          address.countrySubdivision,
        ]),
      );
    }
  }
  out.push(...references(value.references));
  out.push(...contacts(value.contacts));
  if (value.remittanceDelivery) out.push(segment('RDM', value.remittanceDelivery));
  return out;
}

function name(value: Name835 | undefined): SegmentInput[] {
  if (!value) return [];
  return [
    segment('NM1', [
      value.entityCode,
      value.entityType,
      value.lastName,
      value.firstName,
      value.middleName,
      value.prefix,
      value.suffix,
      value.idQualifier,
      value.id,
    ]),
  ];
}

function procedure(value: Procedure835): string[] {
  const modifiers = [...value.modifiers];
  if (value.description !== undefined) while (modifiers.length < 4) modifiers.push('');
  return [
    value.qualifier,
    value.code,
    ...modifiers,
    ...(value.description === undefined ? [] : [value.description]),
  ];
}

const SERVICE_IDENTIFICATION = new Set(SERVICE_IDENTIFICATION_QUALIFIERS);

/**
 * DTM*150, DTM*151 and DTM*472 (the line's own fields), then any other DTM. The guide does not order the
 * dates of a line among themselves; this is the writer's order.
 */
function lineDates(line: ServiceLine835): SegmentInput[] {
  const own: Date835[] = [];
  if (line.serviceStartDate !== undefined) own.push({ qualifier: '150', date: line.serviceStartDate });
  if (line.serviceEndDate !== undefined) own.push({ qualifier: '151', date: line.serviceEndDate });
  if (line.serviceDate !== undefined) own.push({ qualifier: '472', date: line.serviceDate });
  return dates([...own, ...line.otherDates]);
}

/**
 * The other REFs in their file order, with REF*6R where the guide places it: after the service
 * identification REFs that lead the list, before the first other one.
 */
function lineReferences(line: ServiceLine835): SegmentInput[] {
  const list = [...line.otherReferences];
  if (line.lineControlNumber !== undefined) {
    const at = list.findIndex((ref) => !SERVICE_IDENTIFICATION.has(ref.qualifier));
    list.splice(at < 0 ? list.length : at, 0, { qualifier: '6R', value: line.lineControlNumber });
  }
  return references(list);
}

/** AMT*B6 (the allowed amount), then the other AMTs (the guide does not order them; this is the writer's order). */
function lineAmounts(line: ServiceLine835): SegmentInput[] {
  const allowed = line.allowedCents === undefined ? [] : [{ qualifier: 'B6', cents: line.allowedCents }];
  return amounts([...allowed, ...line.otherAmounts]);
}

function serviceLine(line: ServiceLine835): SegmentInput[] {
  return [
    segment('SVC', [
      procedure(line.procedure),
      amountText(line.chargeCents, 'SVC02'),
      amountText(line.paymentCents, 'SVC03'),
      line.revenueCode,
      line.units,
      line.submittedProcedure ? procedure(line.submittedProcedure) : undefined,
      line.submittedUnits,
    ]),
    ...lineDates(line),
    ...casSegments(line.adjustments),
    ...lineReferences(line),
    ...lineAmounts(line),
    ...quantities(line.quantities),
    ...line.remarks.map((remark) => segment('LQ', [remark.qualifier, remark.code])),
  ];
}

function claim(value: Claim835): SegmentInput[] {
  return [
    segment('CLP', [
      value.patientControlNumber,
      value.statusCode,
      amountText(value.chargeCents, 'CLP03'),
      amountText(value.paymentCents, 'CLP04'),
      optionalAmountText(value.patientResponsibilityCents, 'CLP05'),
      value.filingIndicator,
      value.payerClaimControlNumber,
      value.facilityCode,
      value.frequencyCode,
      undefined, // CLP10 not used
      value.drgCode,
      value.drgWeight,
      value.dischargeFraction,
    ]),
    ...casSegments(value.adjustments),
    // 2100 NM1 order in the guide: QC, IL, 74, 82, TT, PR, GB
    ...name(value.patient),
    ...name(value.insured),
    ...name(value.correctedPatient),
    ...name(value.serviceProvider),
    ...name(value.crossoverCarrier),
    ...name(value.correctedPriorityPayer),
    ...name(value.otherSubscriber),
    ...(value.inpatientAdjudication ? [segment('MIA', value.inpatientAdjudication.elements)] : []),
    ...(value.outpatientAdjudication ? [segment('MOA', value.outpatientAdjudication.elements)] : []),
    ...references(value.references),
    ...dates(value.dates),
    ...contacts(value.contacts),
    ...amounts(value.amounts),
    ...quantities(value.quantities),
    ...value.serviceLines.flatMap(serviceLine),
  ];
}

/** The 835 body (BPR through PLB) for writeInterchange's TransactionSetInput.body. */
export function build835Body(model: Remittance835): SegmentInput[] {
  const bpr = model.financialInformation;
  const out: SegmentInput[] = [
    segment('BPR', [
      bpr.handlingCode,
      amountText(bpr.paymentCents, 'BPR02'),
      bpr.creditDebitFlag,
      bpr.paymentMethod,
      bpr.paymentFormat,
      bpr.senderDfiQualifier,
      bpr.senderDfiNumber,
      bpr.senderAccountQualifier,
      bpr.senderAccountNumber,
      bpr.originatingCompanyId,
      bpr.originatingCompanySupplementalCode,
      bpr.receiverDfiQualifier,
      bpr.receiverDfiNumber,
      bpr.receiverAccountQualifier,
      bpr.receiverAccountNumber,
      bpr.paymentDate,
    ]),
    segment('TRN', [
      model.trace.traceTypeCode,
      model.trace.traceNumber,
      model.trace.payerId,
      model.trace.originatingCompanySupplementalCode,
    ]),
  ];
  if (model.currency) out.push(segment('CUR', [model.currency.entityCode, model.currency.currencyCode]));
  out.push(...references(model.references), ...dates(model.dates));
  out.push(...party(model.payer), ...party(model.payee));
  for (const group of model.claimGroups) {
    if (group.headerNumber !== undefined) out.push(segment('LX', [group.headerNumber]));
    if (group.providerSummary) out.push(segment('TS3', group.providerSummary));
    if (group.supplementalSummary) out.push(segment('TS2', group.supplementalSummary));
    for (const value of group.claims) out.push(...claim(value));
  }
  for (const plb of model.providerAdjustments) {
    out.push(
      segment('PLB', [
        plb.providerId,
        plb.fiscalPeriodDate,
        // pair i's amount is PLB04, PLB06, ... PLB14
        ...plb.adjustments.flatMap((adjustment, i) => [
          adjustment.reference === undefined
            ? adjustment.reasonCode
            : [adjustment.reasonCode, adjustment.reference],
          amountText(adjustment.cents, elementReference('PLB', 4 + 2 * i)),
        ]),
      ]),
    );
  }
  return out;
}
