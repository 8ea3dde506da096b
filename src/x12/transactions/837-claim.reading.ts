/**
 * What the 837P and 837I readers share: BHT, 1000A/1000B and the HL hierarchy. Each CLM's segments (the
 * 2300 loop with its 2310 and 2400 loops, up to the next CLM, HL or SE) go to the type's claim reader,
 * together with the parties of the HL levels above it. Diagnostics name places, never values.
 */
import { locationSegmentId } from '../syntax/segment-ids';
import type { TransactionSet } from '../envelope/types';
import { components } from '../syntax/elements';
import type { Delimiters, Diagnostic, Result, Segment } from '../syntax/types';
import type {
  Claim837BuildOptions,
  Claim837ReadResult,
  ClaimAddress,
  ClaimDependent,
  ClaimParties,
  ClaimProvider,
  ClaimSubmitter,
  ClaimSubscriber,
  ContactInformation,
} from './837-claim.model';

export const CODES_837 = {
  'X12-837-SEGMENT-IGNORED':
    'An 837 segment stands where the reader cannot place it; its data is not in the model.',
  'X12-837-REQUIRED-SEGMENT-MISSING':
    'A segment the 837 reader needs (BHT, NM1*41, NM1*40, NM1*85, SBR, NM1*IL, NM1*PR) is missing.',
  'X12-837-INCOMPLETE': 'The 837 transaction set was cut off before its SE: its claims must not be accepted.',
} as const;

export type Code837 = keyof typeof CODES_837;

/** Element NN of a segment (1-based, as in the guide), '' when absent. */
export function element(segment: Segment, position: number): string {
  return segment.elements[position - 1] ?? '';
}

/** Sets `target[key]` only when the value is not empty, so absent elements stay absent in the JSON. */
export function setIf<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: string | undefined,
): void {
  if (value !== undefined && value !== '') (target as Record<K, unknown>)[key] = value;
}

export class ReadReporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly tx: TransactionSet) {}

  report(
    code: Code837,
    segment: Segment | undefined,
    loopId: string,
    severity: Diagnostic['severity'] = 'warning',
  ): void {
    this.diagnostics.push({
      severity,
      code,
      message: CODES_837[code],
      location: {
        transactionControlNumber: this.tx.controlNumber,
        loopId,
        ...(segment
          ? {
              ...(locationSegmentId(segment.id) === undefined ? {} : { segmentId: segment.id }),
              segmentIndex: segment.index,
              byteOffset: segment.byteOffset,
            }
          : {}),
      },
    });
  }
}

export function readAddress(n3: Segment, n4: Segment | undefined): ClaimAddress {
  const address: ClaimAddress = { address1: element(n3, 1), city: '', state: '', postalCode: '' };
  setIf(address, 'address2', element(n3, 2));
  if (n4) {
    address.city = element(n4, 1);
    address.state = element(n4, 2);
    address.postalCode = element(n4, 3);
  }
  return address;
}

export function readContact(per: Segment): ContactInformation {
  const contact: ContactInformation = { name: element(per, 2) };
  for (let position = 3; position <= 7; position += 2) {
    const qualifier = element(per, position);
    if (qualifier === 'TE') setIf(contact, 'phoneNumber', element(per, position + 1));
    if (qualifier === 'EM') setIf(contact, 'email', element(per, position + 1));
  }
  return contact;
}

/** NM1 of a provider: organisation (NM102 2) or person (NM102 1), NPI in NM109. */
export function readProviderName(nm1: Segment, providerType?: string): ClaimProvider {
  const provider: ClaimProvider = providerType
    ? { providerType, npi: element(nm1, 9) }
    : { npi: element(nm1, 9) };
  if (element(nm1, 2) === '2') {
    provider.organizationName = element(nm1, 3);
  } else {
    setIf(provider, 'lastName', element(nm1, 3));
    setIf(provider, 'firstName', element(nm1, 4));
    setIf(provider, 'middleName', element(nm1, 5));
  }
  return provider;
}

/** Reads N3 (and the N4 after it) starting at `index`; returns the address and the next index. */
function addressAt(segments: readonly Segment[], index: number): [ClaimAddress, number] {
  const n4 = segments[index + 1]?.id === 'N4' ? segments[index + 1] : undefined;
  return [readAddress(segments[index], n4), index + (n4 ? 2 : 1)];
}

export type ClaimSegmentReader<TClaim> = (
  segments: readonly Segment[],
  parties: ClaimParties,
  claimFilingCode: string,
  delimiters: Delimiters,
  reporter: ReadReporter,
) => TClaim;

type Loop =
  | 'header'
  | '1000A'
  | '1000B'
  | '2000A'
  | '2010AA'
  | '2010AB'
  | '2000B'
  | '2010BA'
  | '2010BB'
  | '2000C'
  | '2010CA';

/** The shared 837 walk: header and hierarchy here, each 2300 loop to `readClaim`. */
export function read837<TClaim>(
  tx: TransactionSet,
  delimiters: Delimiters,
  readClaim: ClaimSegmentReader<TClaim>,
): Result<Claim837ReadResult<TClaim>> {
  const reporter = new ReadReporter(tx);
  const segments = tx.segments;
  const header: Claim837BuildOptions = { referenceIdentification: '', creationDate: '', creationTime: '' };
  const submitter: ClaimSubmitter = { contactInformation: { name: '' } };
  const receiver = { organizationName: '' } as ClaimParties['receiver'];
  const claims: TClaim[] = [];
  let loop: Loop = 'header';
  let billing: ClaimProvider | undefined;
  let payToAddress: ClaimAddress | undefined;
  let subscriber: ClaimSubscriber | undefined;
  let claimFilingCode = '';
  let payer = { id: '', name: '' };
  let dependent: ClaimDependent | undefined;
  let seenBht = false;
  // PRV*BI comes before NM1*85 in 2000A: kept until the billing provider's name is read.
  let pendingTaxonomy: string | undefined;

  const end = tx.complete ? segments.length - 1 : segments.length;
  let index = segments[0]?.id === 'ST' ? 1 : 0;
  while (index < end) {
    const segment = segments[index];
    const qualifier = element(segment, 1);
    switch (segment.id) {
      case 'BHT':
        seenBht = true;
        header.referenceIdentification = element(segment, 3);
        header.creationDate = element(segment, 4);
        header.creationTime = element(segment, 5);
        if (element(segment, 2) !== '00') setIf(header, 'purposeCode', element(segment, 2));
        if (element(segment, 6) !== 'CH') setIf(header, 'claimOrEncounterIdentifier', element(segment, 6));
        break;
      case 'HL': {
        const level = element(segment, 3);
        if (level === '20') {
          loop = '2000A';
          billing = undefined;
          payToAddress = undefined;
        } else if (level === '22') {
          loop = '2000B';
          subscriber = undefined;
          dependent = undefined;
        } else if (level === '23') {
          loop = '2000C';
          dependent = undefined;
        } else {
          reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        }
        break;
      }
      case 'NM1':
        loop = readName(segment, qualifier);
        break;
      case 'PER':
        if (loop === '1000A') submitter.contactInformation = readContact(segment);
        else if (loop === '2010AA' && billing) billing.contactInformation = readContact(segment);
        else reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        break;
      case 'N3': {
        const [address, next] = addressAt(segments, index);
        placeAddress(segment, address);
        index = next;
        continue;
      }
      case 'PRV':
        if (loop === '2000A' && qualifier === 'BI') pendingTaxonomy = element(segment, 3);
        else reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        break;
      case 'REF':
        if (loop === '2010AA' && billing && qualifier === 'EI') billing.employerId = element(segment, 2);
        else if (loop === '2010AA' && billing && qualifier === 'SY') billing.ssn = element(segment, 2);
        else reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        break;
      case 'SBR':
        subscriber = { memberId: '', paymentResponsibilityLevelCode: qualifier, lastName: '' };
        setIf(subscriber, 'groupNumber', element(segment, 3));
        setIf(subscriber, 'groupName', element(segment, 4));
        claimFilingCode = element(segment, 9);
        break;
      case 'DMG': {
        const target = loop === '2010BA' ? subscriber : loop === '2010CA' ? dependent : undefined;
        if (target) {
          target.dateOfBirth = element(segment, 2);
          target.gender = element(segment, 3);
        } else reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        break;
      }
      case 'PAT':
        dependent = { lastName: '', gender: '', dateOfBirth: '', relationshipToSubscriberCode: qualifier };
        break;
      case 'CLM': {
        let next = index + 1;
        while (next < end && segments[next].id !== 'CLM' && segments[next].id !== 'HL') next++;
        claims.push(readClaimAt(segments.slice(index, next), segment));
        index = next;
        continue;
      }
      default:
        reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
    }
    index++;
  }
  if (!seenBht) reporter.report('X12-837-REQUIRED-SEGMENT-MISSING', undefined, 'header', 'error');
  if (!tx.complete) reporter.report('X12-837-INCOMPLETE', segments[segments.length - 1], loop, 'error');
  return { value: { header, submitter, receiver, claims }, diagnostics: reporter.diagnostics };

  // --- helpers that share the walk's state ---------------------------------------------------------

  function readName(segment: Segment, entity: string): Loop {
    switch (entity) {
      case '41':
        if (element(segment, 2) === '2') submitter.organizationName = element(segment, 3);
        else {
          setIf(submitter, 'lastName', element(segment, 3));
          setIf(submitter, 'firstName', element(segment, 4));
        }
        setIf(submitter, 'submitterIdentification', element(segment, 9));
        return '1000A';
      case '40':
        receiver.organizationName = element(segment, 3);
        setIf(receiver, 'receiverIdentification', element(segment, 9));
        return '1000B';
      case '85':
        billing = readProviderName(segment, 'BillingProvider');
        if (pendingTaxonomy) billing.taxonomyCode = pendingTaxonomy;
        pendingTaxonomy = undefined;
        return '2010AA';
      case '87':
        return '2010AB';
      case 'IL':
        subscriber ??= { memberId: '', paymentResponsibilityLevelCode: '', lastName: '' };
        subscriber.lastName = element(segment, 3);
        setIf(subscriber, 'firstName', element(segment, 4));
        setIf(subscriber, 'middleName', element(segment, 5));
        setIf(subscriber, 'suffix', element(segment, 7));
        subscriber.memberId = element(segment, 9);
        return '2010BA';
      case 'PR':
        payer = { name: element(segment, 3), id: element(segment, 9) };
        return '2010BB';
      case 'QC':
        dependent ??= { lastName: '', gender: '', dateOfBirth: '', relationshipToSubscriberCode: '' };
        dependent.lastName = element(segment, 3);
        setIf(dependent, 'firstName', element(segment, 4));
        setIf(dependent, 'middleName', element(segment, 5));
        return '2010CA';
      default:
        reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
        return loop;
    }
  }

  function placeAddress(segment: Segment, address: ClaimAddress): void {
    if (loop === '2010AA' && billing) billing.address = address;
    else if (loop === '2010AB') payToAddress = address;
    else if (loop === '2010BA' && subscriber) subscriber.address = address;
    else if (loop === '2010CA' && dependent) dependent.address = address;
    // 2010BB payer address is not part of the claim model
    else reporter.report('X12-837-SEGMENT-IGNORED', segment, loop);
  }

  function readClaimAt(claimSegments: Segment[], clm: Segment): TClaim {
    if (!billing || !subscriber || !payer.id) {
      reporter.report('X12-837-REQUIRED-SEGMENT-MISSING', clm, '2300', 'error');
    }
    const parties: ClaimParties = {
      tradingPartnerServiceId: payer.id,
      tradingPartnerName: payer.name,
      submitter,
      receiver,
      subscriber: { ...(subscriber ?? { memberId: '', paymentResponsibilityLevelCode: '', lastName: '' }) },
      billing: { ...(billing ?? { npi: '' }) },
    };
    if (dependent) parties.dependent = { ...dependent };
    if (payToAddress) parties.payToAddress = payToAddress;
    return readClaim(claimSegments, parties, claimFilingCode, delimiters, reporter);
  }
}

/** CLM05 composite split. */
export function clm05(clm: Segment, delimiters: Delimiters): [string, string, string] {
  const parts = components(element(clm, 5), delimiters);
  return [parts[0] ?? '', parts[1] ?? '', parts[2] ?? ''];
}

/** 2300 REF segments shared by 837P and 837I. Returns false for a qualifier it does not know. */
export function readClaimReference(
  ref: Segment,
  supplemental: {
    priorAuthorizationNumber?: string;
    referralNumber?: string;
    claimControlNumber?: string;
    medicalRecordNumber?: string;
  },
): boolean {
  const value = element(ref, 2);
  switch (element(ref, 1)) {
    case 'G1':
      supplemental.priorAuthorizationNumber = value;
      return true;
    case '9F':
      supplemental.referralNumber = value;
      return true;
    case 'F8':
      supplemental.claimControlNumber = value;
      return true;
    case 'EA':
      supplemental.medicalRecordNumber = value;
      return true;
    default:
      return false;
  }
}

/** DTP03 of a D8 or RD8 date: [start, end?]. */
export function readDatePeriod(dtp: Segment): [string, string | undefined] {
  const value = element(dtp, 3);
  if (element(dtp, 2) === 'RD8') {
    const [start, end] = value.split('-');
    return [start ?? '', end];
  }
  return [value, undefined];
}
