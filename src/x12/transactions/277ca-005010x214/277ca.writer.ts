/**
 * Builds the body (the segments between ST and SE) of a 277CA from the typed model, for the payer
 * simulator and the tests. Segment order follows the guide's tables; descriptions and outcomes in
 * the model are derived data and are not written. HL numbers come from the model's hierarchical ids.
 */
import type { SegmentInput } from '../../envelope/types';
import { LEVEL_277CA } from './277ca.codes';
import type {
  AmountValue,
  BillingProvider277CA,
  Claim277CA,
  ClaimAcknowledgment277CA,
  ClaimStatus,
  InformationReceiver277CA,
  InformationSource277CA,
  QuantityValue,
  ServiceLine277CA,
  StatusInformation,
} from './277ca.model';
import { segmentInput, writeDatePeriod, writeEntityName, writeReference, writeTrace } from './segment-values';

export function build277CABody(model: ClaimAcknowledgment277CA): SegmentInput[] {
  const header = model.header;
  const body: SegmentInput[] = [
    segmentInput('BHT', [
      header.hierarchicalStructureCode,
      header.purposeCode,
      header.referenceId,
      header.date,
      header.time,
      header.transactionTypeCode,
    ]),
  ];
  for (const source of model.informationSources) writeSource(body, source);
  return body;
}

function hl(id: string, parentId: string, level: string, hasChildren: boolean | undefined): SegmentInput {
  return segmentInput('HL', [
    id,
    parentId,
    level,
    hasChildren === undefined ? undefined : hasChildren ? '1' : '0',
  ]);
}

function writeSource(body: SegmentInput[], source: InformationSource277CA): void {
  body.push(hl(source.hierarchicalId, '', LEVEL_277CA.informationSource, source.receivers.length > 0));
  body.push(writeEntityName(source.name));
  body.push(...source.contacts.map((contact) => segmentInput('PER', contact)));
  if (source.trace) body.push(writeTrace(source.trace));
  if (source.receiptDate !== undefined) body.push(segmentInput('DTP', ['050', 'D8', source.receiptDate]));
  if (source.processDate !== undefined) body.push(segmentInput('DTP', ['009', 'D8', source.processDate]));
  for (const receiver of source.receivers) writeReceiver(body, receiver, source.hierarchicalId);
}

function writeReceiver(body: SegmentInput[], receiver: InformationReceiver277CA, parentId: string): void {
  body.push(
    hl(receiver.hierarchicalId, parentId, LEVEL_277CA.informationReceiver, receiver.providers.length > 0),
  );
  body.push(writeEntityName(receiver.name));
  if (receiver.trace) body.push(writeTrace(receiver.trace));
  body.push(...receiver.statusInformation.map(writeStc));
  body.push(...receiver.quantities.map(writeQuantity), ...receiver.amounts.map(writeAmount));
  for (const provider of receiver.providers) writeProvider(body, provider, receiver.hierarchicalId);
}

function writeProvider(body: SegmentInput[], provider: BillingProvider277CA, parentId: string): void {
  body.push(hl(provider.hierarchicalId, parentId, LEVEL_277CA.billingProvider, provider.claims.length > 0));
  body.push(writeEntityName(provider.name));
  if (provider.trace) body.push(writeTrace(provider.trace));
  body.push(...provider.statusInformation.map(writeStc));
  body.push(...provider.references.map(writeReference));
  body.push(...provider.quantities.map(writeQuantity), ...provider.amounts.map(writeAmount));
  let previous: Claim277CA | undefined;
  for (const claim of provider.claims) {
    // Consecutive claims with the same HL id are 2200D repeats under one 2000D patient level.
    writeClaim(body, claim, provider.hierarchicalId, previous?.hierarchicalId !== claim.hierarchicalId);
    previous = claim;
  }
}

function writeClaim(
  body: SegmentInput[],
  claim: Claim277CA,
  parentId: string,
  openPatientLevel: boolean,
): void {
  if (openPatientLevel) {
    // 2000D HL04 is not used in X214: the patient level never has children.
    body.push(hl(claim.hierarchicalId, parentId, LEVEL_277CA.patient, undefined));
    body.push(writeEntityName(claim.patient));
  }
  const trace =
    claim.trace ??
    (claim.patientControlNumber !== undefined
      ? { traceTypeCode: '2', referenceId: claim.patientControlNumber }
      : undefined);
  if (trace) body.push(writeTrace(trace));
  body.push(...claim.statusInformation.map(writeStc));
  const references: [string, string | undefined][] = [
    ['1K', claim.payerClaimControlNumber],
    ['D9', claim.clearinghouseTraceNumber],
    ['BLT', claim.billType],
    ['EA', claim.medicalRecordNumber],
  ];
  for (const [qualifier, value] of references) {
    if (value !== undefined) body.push(segmentInput('REF', [qualifier, value]));
  }
  if (claim.serviceDate) body.push(writeDatePeriod(claim.serviceDate));
  for (const line of claim.lines) writeLine(body, line);
}

function writeLine(body: SegmentInput[], line: ServiceLine277CA): void {
  body.push(
    segmentInput('SVC', [
      [line.procedureQualifier, line.procedureCode, ...line.procedureModifiers],
      line.chargeAmount,
      line.paidAmount,
      line.revenueCode,
      undefined,
      undefined,
      line.unitCount,
    ]),
  );
  body.push(...line.statusInformation.map(writeStc));
  if (line.lineItemControlNumber !== undefined)
    body.push(segmentInput('REF', ['FJ', line.lineItemControlNumber]));
  if (line.serviceDate) body.push(writeDatePeriod(line.serviceDate));
}

function statusComposite(status: ClaimStatus | undefined): readonly string[] | undefined {
  if (!status) return undefined;
  return [status.categoryCode, status.statusCode, status.entityCode ?? '', status.codeListQualifier ?? ''];
}

function writeStc(info: StatusInformation): SegmentInput {
  const [first, tenth, eleventh] = info.statuses;
  return segmentInput('STC', [
    statusComposite(first),
    info.effectiveDate,
    info.actionCode,
    info.chargeAmount,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    statusComposite(tenth),
    statusComposite(eleventh),
    info.message,
  ]);
}

function writeQuantity(quantity: QuantityValue): SegmentInput {
  return segmentInput('QTY', [quantity.qualifier, quantity.quantity]);
}

function writeAmount(amount: AmountValue): SegmentInput {
  return segmentInput('AMT', [amount.qualifier, amount.amount]);
}
