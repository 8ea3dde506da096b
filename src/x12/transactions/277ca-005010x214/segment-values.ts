/**
 * Typed views of the small segments the 277CA, 270 and 271 share (NM1, TRN, REF, DTP, N3/N4), with
 * the matching writers. Readers keep an optional field only when its element is present, so the
 * typed JSON stays free of empty strings.
 */
import type { SegmentInput } from '../../envelope/types';
import { describeEntityIdentifier } from '../../codes/entity-identifier-codes';
import type { Segment } from '../../syntax/types';

/** The element value, or undefined when the element is absent or empty. */
export function optional(segment: Segment, position: number): string | undefined {
  const value = segment.elements[position - 1];
  return value === undefined || value === '' ? undefined : value;
}

/** The element value, or '' when absent. */
export function required(segment: Segment, position: number): string {
  return segment.elements[position - 1] ?? '';
}

/**
 * A segment to write: trailing empty elements are dropped, because X12 forbids trailing element
 * separators.
 */
export function segmentInput(
  id: string,
  elements: readonly (string | readonly string[] | undefined)[],
): SegmentInput {
  const trimmed = [...elements];
  while (trimmed.length > 0 && isEmpty(trimmed[trimmed.length - 1])) trimmed.pop();
  return {
    id,
    elements: trimmed.map((element) => (Array.isArray(element) ? trimComponents(element) : element)),
  };
}

function isEmpty(element: string | readonly string[] | undefined): boolean {
  if (element === undefined) return true;
  if (typeof element === 'string') return element === '';
  return element.every((component) => component === '');
}

function trimComponents(components: readonly string[]): readonly string[] {
  const trimmed = [...components];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed;
}

/** X12 R (decimal) values: optional sign, digits, optional decimal point. Never parsed to a float. */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value);
}

/** NM1 individual or organization name. */
export interface EntityName {
  /** NM101, e.g. PR payer, 41 submitter, 85 billing provider, QC patient, IL subscriber. */
  entityIdentifierCode: string;
  entityDescription?: string;
  /** NM102: 1 person, 2 non-person entity. */
  entityTypeQualifier: string;
  /** NM103. */
  lastOrOrganizationName?: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  /** NM108, e.g. XX NPI, MI member id, PI payer id, 46 ETIN, FI tax id. */
  identificationCodeQualifier?: string;
  /** NM109. */
  identifier?: string;
}

export function readEntityName(nm1: Segment): EntityName {
  const code = required(nm1, 1);
  return {
    entityIdentifierCode: code,
    entityDescription: describeEntityIdentifier(code),
    entityTypeQualifier: required(nm1, 2),
    lastOrOrganizationName: optional(nm1, 3),
    firstName: optional(nm1, 4),
    middleName: optional(nm1, 5),
    suffix: optional(nm1, 7),
    identificationCodeQualifier: optional(nm1, 8),
    identifier: optional(nm1, 9),
  };
}

export function writeEntityName(name: EntityName): SegmentInput {
  return segmentInput('NM1', [
    name.entityIdentifierCode,
    name.entityTypeQualifier,
    name.lastOrOrganizationName,
    name.firstName,
    name.middleName,
    undefined,
    name.suffix,
    name.identificationCodeQualifier,
    name.identifier,
  ]);
}

/** TRN trace: TRN01 type (1 current, 2 referenced), TRN02 trace number, TRN03 originator, TRN04 supplemental. */
export interface Trace {
  traceTypeCode: string;
  referenceId: string;
  originatingCompanyId?: string;
  supplementalId?: string;
}

export function readTrace(trn: Segment): Trace {
  return {
    traceTypeCode: required(trn, 1),
    referenceId: required(trn, 2),
    originatingCompanyId: optional(trn, 3),
    supplementalId: optional(trn, 4),
  };
}

export function writeTrace(trace: Trace): SegmentInput {
  return segmentInput('TRN', [
    trace.traceTypeCode,
    trace.referenceId,
    trace.originatingCompanyId,
    trace.supplementalId,
  ]);
}

/** REF reference identification. */
export interface Reference {
  qualifier: string;
  value: string;
  description?: string;
}

export function readReference(ref: Segment): Reference {
  return { qualifier: required(ref, 1), value: required(ref, 2), description: optional(ref, 3) };
}

export function writeReference(reference: Reference): SegmentInput {
  return segmentInput('REF', [reference.qualifier, reference.value, reference.description]);
}

/** DTP date or date range: D8 CCYYMMDD (start only) or RD8 CCYYMMDD-CCYYMMDD. */
export interface DatePeriod {
  qualifier: string;
  format: string;
  start: string;
  end?: string;
}

export function readDatePeriod(dtp: Segment): DatePeriod {
  const format = required(dtp, 2);
  const period = required(dtp, 3);
  const dash = period.indexOf('-');
  if (format === 'RD8' && dash > 0) {
    return { qualifier: required(dtp, 1), format, start: period.slice(0, dash), end: period.slice(dash + 1) };
  }
  return { qualifier: required(dtp, 1), format, start: period };
}

export function writeDatePeriod(date: DatePeriod): SegmentInput {
  const period = date.end === undefined ? date.start : `${date.start}-${date.end}`;
  return segmentInput('DTP', [date.qualifier, date.format, period]);
}

/** N3 + N4 postal address. */
export interface Address {
  line1: string;
  line2?: string;
  city?: string;
  stateCode?: string;
  postalCode?: string;
  countryCode?: string;
  countrySubdivisionCode?: string;
}

export function readAddressLines(n3: Segment): Address {
  return { line1: required(n3, 1), line2: optional(n3, 2) };
}

export function addCity(address: Address | undefined, n4: Segment): Address {
  return {
    ...(address ?? { line1: '' }),
    city: optional(n4, 1),
    stateCode: optional(n4, 2),
    postalCode: optional(n4, 3),
    countryCode: optional(n4, 4),
    countrySubdivisionCode: optional(n4, 7),
  };
}

export function writeAddress(address: Address): SegmentInput[] {
  const out: SegmentInput[] = [];
  if (address.line1 !== '') out.push(segmentInput('N3', [address.line1, address.line2]));
  if (address.city !== undefined || address.stateCode !== undefined || address.postalCode !== undefined) {
    out.push(
      segmentInput('N4', [
        address.city,
        address.stateCode,
        address.postalCode,
        address.countryCode,
        undefined,
        undefined,
        address.countrySubdivisionCode,
      ]),
    );
  }
  return out;
}
