/**
 * What the 837P and 837I builders share: BHT, 1000A/1000B, and the HL hierarchy (2000A billing provider,
 * 2000B subscriber, 2000C patient) into which each claim's 2300 loop is placed. Pure; no clock.
 */
import type { SegmentInput } from '../envelope/types';
import { X12Error } from '../syntax/types';
import type {
  ClaimAddress,
  ClaimDependent,
  ClaimParties,
  ClaimProvider,
  ClaimSubmitter,
  ContactInformation,
  Claim837BuildOptions,
} from './837-claim.model';

export function invalidClaimInput(message: string, element?: string): X12Error {
  // Messages name the field, never its value (PHI).
  return new X12Error('X12-INVALID-ARGUMENT', message, element ? { element } : {});
}

export function requireText(value: string | undefined, field: string, element?: string): string {
  if (value === undefined || value === '') throw invalidClaimInput(`${field} is required.`, element);
  return value;
}

const AMOUNT = /^-?\d{1,10}(\.\d{1,2})?$/;

/** Money stays a decimal string: written verbatim when it is a plain amount with at most 2 decimals. */
export function requireAmount(value: string | undefined, field: string, element: string): string {
  if (typeof value !== 'string' || !AMOUNT.test(value)) {
    throw invalidClaimInput(`${field} must be a decimal string with at most two decimals.`, element);
  }
  return value;
}

export function segment(id: string, ...elements: (string | readonly string[] | undefined)[]): SegmentInput {
  return { id, elements };
}

export function addressSegments(address: ClaimAddress, field: string): SegmentInput[] {
  return [
    segment('N3', requireText(address.address1, `${field}.address1`, 'N301'), address.address2),
    segment(
      'N4',
      requireText(address.city, `${field}.city`, 'N401'),
      requireText(address.state, `${field}.state`, 'N402'),
      requireText(address.postalCode, `${field}.postalCode`, 'N403'),
    ),
  ];
}

export function contactSegment(contact: ContactInformation): SegmentInput {
  const elements: (string | undefined)[] = ['IC', contact.name];
  if (contact.phoneNumber) elements.push('TE', contact.phoneNumber);
  if (contact.email) elements.push('EM', contact.email);
  if (elements.length === 2)
    throw invalidClaimInput('contactInformation needs a phone number or email.', 'PER03');
  return segment('PER', ...elements);
}

/** NM1 for a person (NM102 1) or an organisation (NM102 2), identified by NPI (NM108 XX) when given. */
export function providerName(entityCode: string, provider: ClaimProvider, field: string): SegmentInput {
  const npi = requireText(provider.npi, `${field}.npi`, 'NM109');
  if (provider.organizationName) {
    return segment('NM1', entityCode, '2', provider.organizationName, '', '', '', '', 'XX', npi);
  }
  const lastName = requireText(provider.lastName, `${field}.lastName or organizationName`, 'NM103');
  return segment(
    'NM1',
    entityCode,
    '1',
    lastName,
    provider.firstName,
    provider.middleName,
    '',
    '',
    'XX',
    npi,
  );
}

export function headerSegments(
  options: Claim837BuildOptions,
  submitter: ClaimSubmitter,
  receiver: ClaimParties['receiver'],
): SegmentInput[] {
  const submitterId = requireText(
    options.submitterIdentification ?? submitter.submitterIdentification,
    'submitterIdentification',
    'NM109',
  );
  const receiverId = requireText(
    options.receiverIdentification ?? receiver.receiverIdentification,
    'receiverIdentification',
    'NM109',
  );
  const submitterName = submitter.organizationName
    ? segment('NM1', '41', '2', submitter.organizationName, '', '', '', '', '46', submitterId)
    : segment(
        'NM1',
        '41',
        '1',
        requireText(submitter.lastName, 'submitter.organizationName or lastName', 'NM103'),
        submitter.firstName,
        '',
        '',
        '',
        '46',
        submitterId,
      );
  return [
    // BHT01 0019: information source, subscriber, dependent hierarchy
    segment(
      'BHT',
      '0019',
      options.purposeCode ?? '00',
      requireText(options.referenceIdentification, 'referenceIdentification', 'BHT03'),
      requireText(options.creationDate, 'creationDate', 'BHT04'),
      requireText(options.creationTime, 'creationTime', 'BHT05'),
      options.claimOrEncounterIdentifier ?? 'CH',
    ),
    submitterName,
    contactSegment(submitter.contactInformation),
    segment(
      'NM1',
      '40',
      '2',
      requireText(receiver.organizationName, 'receiver.organizationName', 'NM103'),
      '',
      '',
      '',
      '',
      '46',
      receiverId,
    ),
  ];
}

function billingSegments(claim: ClaimParties): SegmentInput[] {
  const billing = claim.billing;
  const out: SegmentInput[] = [];
  if (billing.taxonomyCode) out.push(segment('PRV', 'BI', 'PXC', billing.taxonomyCode));
  out.push(providerName('85', billing, 'billing'));
  if (!billing.address) throw invalidClaimInput('billing.address is required.', 'N301');
  out.push(...addressSegments(billing.address, 'billing.address'));
  // 2010AA REF: the billing provider's tax id, EIN or SSN
  if (billing.employerId) out.push(segment('REF', 'EI', billing.employerId));
  else if (billing.ssn) out.push(segment('REF', 'SY', billing.ssn));
  else throw invalidClaimInput('billing.employerId or billing.ssn is required.', 'REF02');
  if (billing.contactInformation) out.push(contactSegment(billing.contactInformation));
  if (claim.payToAddress) {
    out.push(segment('NM1', '87', '2'), ...addressSegments(claim.payToAddress, 'payToAddress'));
  }
  return out;
}

function subscriberSegments(claim: ClaimParties, claimFilingCode: string): SegmentInput[] {
  const subscriber = claim.subscriber;
  const out: SegmentInput[] = [
    // SBR02 18 (self) only when the subscriber is the patient; empty when a 2000C loop follows
    segment(
      'SBR',
      requireText(
        subscriber.paymentResponsibilityLevelCode,
        'subscriber.paymentResponsibilityLevelCode',
        'SBR01',
      ),
      claim.dependent ? '' : '18',
      subscriber.groupNumber,
      subscriber.groupName,
      '',
      '',
      '',
      '',
      requireText(claimFilingCode, 'claimInformation.claimFilingCode', 'SBR09'),
    ),
    segment(
      'NM1',
      'IL',
      '1',
      requireText(subscriber.lastName, 'subscriber.lastName', 'NM103'),
      subscriber.firstName,
      subscriber.middleName,
      '',
      subscriber.suffix,
      'MI',
      requireText(subscriber.memberId, 'subscriber.memberId', 'NM109'),
    ),
  ];
  if (subscriber.address) out.push(...addressSegments(subscriber.address, 'subscriber.address'));
  if (subscriber.dateOfBirth || subscriber.gender) {
    out.push(
      segment(
        'DMG',
        'D8',
        requireText(subscriber.dateOfBirth, 'subscriber.dateOfBirth', 'DMG02'),
        requireText(subscriber.gender, 'subscriber.gender', 'DMG03'),
      ),
    );
  }
  out.push(
    segment(
      'NM1',
      'PR',
      '2',
      requireText(claim.tradingPartnerName, 'tradingPartnerName', 'NM103'),
      '',
      '',
      '',
      '',
      'PI',
      requireText(claim.tradingPartnerServiceId, 'tradingPartnerServiceId', 'NM109'),
    ),
  );
  return out;
}

function patientSegments(dependent: ClaimDependent): SegmentInput[] {
  // 2010CA N3/N4 and DMG are required whenever the patient loop is sent
  if (!dependent.address) throw invalidClaimInput('dependent.address is required.', 'N301');
  return [
    segment(
      'PAT',
      requireText(dependent.relationshipToSubscriberCode, 'dependent.relationshipToSubscriberCode', 'PAT01'),
    ),
    segment(
      'NM1',
      'QC',
      '1',
      requireText(dependent.lastName, 'dependent.lastName', 'NM103'),
      dependent.firstName,
      dependent.middleName,
    ),
    ...addressSegments(dependent.address, 'dependent.address'),
    segment(
      'DMG',
      'D8',
      requireText(dependent.dateOfBirth, 'dependent.dateOfBirth', 'DMG02'),
      requireText(dependent.gender, 'dependent.gender', 'DMG03'),
    ),
  ];
}

interface Group<T> {
  key: string;
  items: T[];
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const key = keyOf(item);
    let group = groups.get(key);
    if (!group) {
      group = { key, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

// Group keys join every written field with a separator no X12 value may contain (cheaper than JSON).
const KEY_SEPARATOR = '\u0001';

function addressKey(address: ClaimAddress | undefined): string {
  if (!address) return '';
  return [address.address1, address.address2, address.city, address.state, address.postalCode].join(
    KEY_SEPARATOR,
  );
}

/** Claims that share a billing provider (every 2000A field) share a 2000A. */
function billingKey(claim: ClaimParties): string {
  const b = claim.billing;
  const contact = b.contactInformation;
  return [
    b.npi,
    b.organizationName,
    b.lastName,
    b.firstName,
    b.middleName,
    b.taxonomyCode,
    b.employerId,
    b.ssn,
    addressKey(b.address),
    contact?.name,
    contact?.phoneNumber,
    contact?.email,
    addressKey(claim.payToAddress),
  ].join(KEY_SEPARATOR);
}

/** The same subscriber, payer and SBR share a 2000B. */
function subscriberKey(claim: ClaimParties, claimFilingCode: string): string {
  const s = claim.subscriber;
  return [
    s.memberId,
    s.paymentResponsibilityLevelCode,
    s.lastName,
    s.firstName,
    s.middleName,
    s.suffix,
    s.gender,
    s.dateOfBirth,
    s.groupNumber,
    s.groupName,
    addressKey(s.address),
    claim.tradingPartnerServiceId,
    claim.tradingPartnerName,
    claimFilingCode,
    // A subscriber's own claims (SBR02 18) and their dependents' claims go in separate 2000B levels.
    claim.dependent === undefined ? 'self' : 'dependent',
  ].join(KEY_SEPARATOR);
}

function dependentKey(claim: ClaimParties): string {
  const d = claim.dependent;
  if (!d) return '';
  return [
    d.lastName,
    d.firstName,
    d.middleName,
    d.gender,
    d.dateOfBirth,
    d.relationshipToSubscriberCode,
    addressKey(d.address),
  ].join(KEY_SEPARATOR);
}

export interface HierarchyClaim extends ClaimParties {
  claimInformation: { claimFilingCode: string };
}

function appendAll(out: SegmentInput[], segments: readonly SegmentInput[]): void {
  for (const segment of segments) out.push(segment);
}

/**
 * The HL hierarchy: HL01 numbered in writing order, HL02 the parent's HL01, HL03 20/22/23 and HL04 1 when
 * child levels follow. Each claim's 2300 loop comes from `claimLoop`.
 */
export function hierarchySegments<TClaim extends HierarchyClaim>(
  claims: readonly TClaim[],
  claimLoop: (claim: TClaim) => SegmentInput[],
  out: SegmentInput[] = [],
): SegmentInput[] {
  if (claims.length === 0) throw invalidClaimInput('at least one claim is required.');
  let nextId = 1;
  for (const billingGroup of groupBy(claims, billingKey)) {
    const billingId = String(nextId++);
    // 2000A HL04 is always 1: a billing provider level always has subscriber levels below it
    out.push(segment('HL', billingId, '', '20', '1'), ...billingSegments(billingGroup.items[0]));
    const subscribers = groupBy(billingGroup.items, (claim) =>
      subscriberKey(claim, claim.claimInformation.claimFilingCode),
    );
    for (const subscriberGroup of subscribers) {
      const first = subscriberGroup.items[0];
      const subscriberId = String(nextId++);
      const hasPatients = first.dependent !== undefined;
      out.push(
        segment('HL', subscriberId, billingId, '22', hasPatients ? '1' : '0'),
        ...subscriberSegments(first, first.claimInformation.claimFilingCode),
      );
      if (!hasPatients) {
        for (const claim of subscriberGroup.items) appendAll(out, claimLoop(claim));
        continue;
      }
      for (const patientGroup of groupBy(subscriberGroup.items, dependentKey)) {
        const patient = patientGroup.items[0].dependent as ClaimDependent;
        out.push(segment('HL', String(nextId++), subscriberId, '23', '0'), ...patientSegments(patient));
        for (const claim of patientGroup.items) appendAll(out, claimLoop(claim));
      }
    }
  }
  return out;
}

/** HI composites, at most 12 per HI segment: longer lists continue in another HI. */
export function healthCareSegments(composites: readonly (readonly string[])[]): SegmentInput[] {
  const out: SegmentInput[] = [];
  for (let start = 0; start < composites.length; start += 12) {
    out.push({ id: 'HI', elements: composites.slice(start, start + 12) });
  }
  return out;
}

/** DTP with D8 for one date or RD8 for a range. */
export function dateSegment(qualifier: string, date: string, end?: string): SegmentInput {
  return end ? segment('DTP', qualifier, 'RD8', `${date}-${end}`) : segment('DTP', qualifier, 'D8', date);
}

/** 2300 REF segments in guide order for both 837P and 837I: 9F, G1, F8, then EA. */
export function claimReferenceSegments(
  claimFrequencyCode: string,
  supplemental:
    | {
        priorAuthorizationNumber?: string;
        referralNumber?: string;
        claimControlNumber?: string;
        medicalRecordNumber?: string;
      }
    | undefined,
): SegmentInput[] {
  const out: SegmentInput[] = [];
  if (supplemental?.referralNumber) out.push(segment('REF', '9F', supplemental.referralNumber));
  if (supplemental?.priorAuthorizationNumber)
    out.push(segment('REF', 'G1', supplemental.priorAuthorizationNumber));
  // 2300 REF*F8 only when CLM05-3 is 7 or 8, and then required
  const replacesOrVoids = claimFrequencyCode === '7' || claimFrequencyCode === '8';
  if (replacesOrVoids) {
    out.push(
      segment(
        'REF',
        'F8',
        requireText(
          supplemental?.claimControlNumber,
          'claimSupplementalInformation.claimControlNumber',
          'REF02',
        ),
      ),
    );
  } else if (supplemental?.claimControlNumber) {
    throw invalidClaimInput('claimControlNumber (REF*F8) is only sent when CLM05-3 is 7 or 8.', 'REF02');
  }
  if (supplemental?.medicalRecordNumber) out.push(segment('REF', 'EA', supplemental.medicalRecordNumber));
  return out;
}

export function drugSegments(drug: {
  serviceIdQualifier?: string;
  nationalDrugCode: string;
  measurementUnitCode: string;
  nationalDrugUnitCount: string;
}): SegmentInput[] {
  return [
    segment(
      'LIN',
      '',
      drug.serviceIdQualifier ?? 'N4',
      requireText(drug.nationalDrugCode, 'nationalDrugCode', 'LIN03'),
    ),
    segment('CTP', '', '', '', requireText(drug.nationalDrugUnitCount, 'nationalDrugUnitCount', 'CTP04'), [
      requireText(drug.measurementUnitCode, 'measurementUnitCode', 'CTP05-1'),
    ]),
  ];
}
