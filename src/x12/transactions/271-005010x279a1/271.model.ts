/**
 * Typed model of a 271 eligibility response (005010X279A1): what the reader produces and the writer
 * takes. The hierarchy: information source (payer, 2000A) > information receiver (provider, 2000B) >
 * subscriber (2000C) > dependent (2000D). AAA request validations may appear at every level: they are
 * the payer's rejections. Amounts and percents are decimal strings as sent, never floats.
 */
import type { BeginningOfHierarchicalTransaction } from '../277ca-005010x214/277ca.model';
import type { Address, DatePeriod, EntityName, Reference, Trace } from '../277ca-005010x214/segment-values';

/** AAA request validation: the payer could not (fully) answer. */
export interface RequestValidation {
  /** Loop the AAA stood in (2000A, 2100A, 2100B, 2100C, 2110C, 2100D, 2110D). */
  loopId: string;
  /** AAA01: Y the request was valid but could not be processed, N the request was invalid. */
  validRequest: boolean;
  /** AAA03 reject reason, e.g. 72 invalid member id, 75 subscriber not found, 42 unable to respond now. */
  rejectReasonCode: string;
  rejectReasonDescription?: string;
  /** AAA04 follow-up action, e.g. C correct and resubmit, N resubmission not allowed, R resubmission allowed. */
  followUpActionCode: string;
  followUpActionDescription?: string;
}

export interface ServiceType {
  code: string;
  description?: string;
}

/** 2120C/2120D benefit related entity (between LS*2120 and LE*2120). */
export interface BenefitRelatedEntity {
  name: EntityName;
  address?: Address;
  /** PER elements as sent. */
  contacts: string[][];
  /** PRV elements as sent. */
  providerInformation?: string[];
}

/** One EB segment with its 2110C/2110D companions. */
export interface Benefit {
  /** EB01: 1 active coverage, 6 inactive, A co-insurance, B co-payment, C deductible, G out of pocket... */
  eligibilityCode: string;
  eligibilityDescription?: string;
  /** EB02: IND individual, FAM family... */
  coverageLevelCode?: string;
  coverageLevelDescription?: string;
  /** EB03, a repeated element split on the repetition separator. */
  serviceTypes: ServiceType[];
  /** EB04, e.g. HM HMO, PR PPO, MB Medicare part B. */
  insuranceTypeCode?: string;
  /** EB05. */
  planCoverageDescription?: string;
  /** EB06: 23 calendar year, 29 remaining, 27 visit... */
  timePeriodQualifier?: string;
  timePeriodDescription?: string;
  /** EB07 (copay, deductible, out-of-pocket amounts). */
  amount?: string;
  /** EB08 as a decimal fraction: .2 means 20 % (co-insurance). */
  percent?: string;
  /** EB09 / EB10. */
  quantityQualifier?: string;
  quantity?: string;
  /** EB11: Y authorization or certification required. */
  authorizationRequired?: string;
  /** EB12: Y in network, N out of network, W not applicable, U unknown. */
  inPlanNetwork?: string;
  /** EB13 components (qualifier, procedure code, modifiers...). */
  procedure?: string[];
  /** EB14 components. */
  diagnosisPointers?: string[];
  /** HSD elements as sent. */
  deliveries: string[][];
  references: Reference[];
  dates: DatePeriod[];
  rejections: RequestValidation[];
  /** MSG01 texts. */
  messages: string[];
  /** 2115C/2115D III elements as sent. */
  additionalInformation: string[][];
  relatedEntities: BenefitRelatedEntity[];
}

export interface Relationship {
  /** INS01: Y subscriber, N dependent. */
  subscriberIndicator: string;
  /** INS02: 18 self, 01 spouse, 19 child... */
  relationshipCode: string;
  /** INS03 (001 change) and INS04 (25 change in identifying data): the payer corrected the request. */
  maintenanceTypeCode?: string;
  maintenanceReasonCode?: string;
  /** INS17 birth sequence number. */
  birthSequenceNumber?: string;
}

/** A subscriber (2000C) or dependent (2000D). */
export interface Member271 {
  hierarchicalId: string;
  /** TRN: the 270's trace (TRN01 2, referenced) echoed back, and the payer's own (TRN01 1). */
  traces: Trace[];
  name: EntityName;
  references: Reference[];
  address?: Address;
  rejections: RequestValidation[];
  /** PRV elements as sent. */
  providerInformation?: string[];
  birthDate?: string;
  gender?: string;
  relationship?: Relationship;
  /** HI elements as sent (diagnosis codes the payer echoes). */
  healthCareDiagnosis?: string[];
  /** MPI elements as sent (military personnel information). */
  militaryPersonnel?: string[];
  /** DTP: 346 plan begin, 347 plan end, 356 eligibility begin, 291 plan, 472 service... */
  dates: DatePeriod[];
  benefits: Benefit[];
  /** Subscribers only: the 2000D dependents. */
  dependents?: Member271[];
}

export interface InformationReceiver271 {
  hierarchicalId: string;
  name: EntityName;
  references: Reference[];
  address?: Address;
  rejections: RequestValidation[];
  /** PRV elements as sent. */
  providerInformation?: string[];
  subscribers: Member271[];
}

export interface InformationSource271 {
  hierarchicalId: string;
  name: EntityName;
  /** PER elements as sent (2100A contact). */
  contacts: string[][];
  /** AAA in 2000A (before NM1) and 2100A (after it); loopId tells which. */
  rejections: RequestValidation[];
  receivers: InformationReceiver271[];
}

export interface EligibilityResponse271 {
  /** ST02. */
  controlNumber: string;
  header: BeginningOfHierarchicalTransaction;
  informationSources: InformationSource271[];
}
