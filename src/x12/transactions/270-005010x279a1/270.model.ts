/**
 * Typed eligibility request (270, 005010X279A1): what the builder takes and the reader returns, one
 * object per patient (the subscriber, or one dependent of a subscriber). Dates are CCYYMMDD strings.
 */
import type { Address } from '../277ca-005010x214/segment-values';

export interface Payer270 {
  /** 2100A NM103 payer name. */
  name: string;
  /** 2100A NM108: PI payer id (default), XV CMS plan id, 46 ETIN, FI tax id, NI NAIC code. */
  idQualifier?: 'PI' | 'XV' | '46' | 'FI' | 'NI';
  /** 2100A NM109. */
  id: string;
}

export interface Provider270 {
  /** 2100B NM101: 1P provider (default), FA facility, 80 hospital, 2B third-party administrator, GP gateway, P5 plan sponsor, PR payer, 36 employer. */
  entityCode?: '1P' | 'FA' | '80' | '2B' | 'GP' | 'P5' | 'PR' | '36';
  /** An organization's name (NM102 2)... */
  organizationName?: string;
  /** ...or a person's (NM102 1). */
  lastName?: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  /** NM109 with NM108 XX (the default): the provider NPI. */
  npi: string;
  /** NM108 when the identifier is not an NPI (SV service provider number, FI tax id, PI payer-assigned id). */
  idQualifier?: 'XX' | 'SV' | 'FI' | 'PI';
  /** PRV*PE*PXC taxonomy code, when the payer needs it. */
  taxonomyCode?: string;
}

export interface Person270 {
  lastName: string;
  firstName?: string;
  middleName?: string;
  suffix?: string;
  /** DMG02, CCYYMMDD. */
  birthDate?: string;
  /** DMG03. */
  gender?: 'M' | 'F' | 'U';
  /** N3/N4 home address, for payers that search on it. */
  address?: Address;
}

export interface Subscriber270 extends Person270 {
  /** 2100C NM109 with NM108 MI: the member id on the insurance card. */
  memberId: string;
  /** REF*6P group number. */
  groupNumber?: string;
}

export interface Dependent270 extends Person270 {
  /** 2100D INS02 individual relationship code: 01 spouse, 19 child, 34 other adult... */
  relationshipCode?: string;
}

export interface EligibilityRequest270 {
  /** BHT03 submitter's reference for this request. */
  referenceId: string;
  /** BHT04 CCYYMMDD and BHT05 HHMM: passed in, the engine has no clock. */
  date: string;
  time: string;
  /** BHT02: 13 request (default) or 01 cancellation. */
  purposeCode?: '13' | '01';
  payer: Payer270;
  provider: Provider270;
  subscriber: Subscriber270;
  /** Present only when the patient is a dependent who is not the subscriber (2000D loop). */
  dependent?: Dependent270;
  /**
   * TRN*1 patient trace: TRN02 the caller's trace number (echoed in the 271), TRN03 the originating
   * company id ('9' + 9 digits, often the submitter's tax id), TRN04 an optional supplemental id.
   */
  trace: { referenceId: string; originatingCompanyId: string; supplementalId?: string };
  /** EQ01 service type codes, one EQ each (30 health benefit plan coverage when unsure). */
  serviceTypeCodes: string[];
  /** DTP*291 plan date: one date (D8) or a range (RD8). Absent: the payer uses the processing date. */
  dateOfService?: { start: string; end?: string };
}

export interface EligibilityInquiry270 {
  /** ST02. */
  controlNumber: string;
  /** One request per patient, in file order. */
  requests: EligibilityRequest270[];
}
