/**
 * The typed claim model of the 837P (005010X222A1) and 837I (005010X223A2) builders and readers. Field
 * names follow the public JSON claim shape that Change Healthcare and Stedi share (and the gateway's API
 * DTOs in src/modules/claims/dto/claim.dto.ts). Money is a decimal string ("125.00"), dates CCYYMMDD.
 * Each field names the 837 element it becomes.
 */

export interface ClaimAddress {
  /** N301 */
  address1: string;
  /** N302 */
  address2?: string;
  /** N401 */
  city: string;
  /** N402 */
  state: string;
  /** N403 (5 or 9 digits) */
  postalCode: string;
}

export interface ContactInformation {
  /** PER02 */
  name: string;
  /** PER03 TE / PER04 */
  phoneNumber?: string;
  /** PER05 EM / PER06 */
  email?: string;
}

export interface ClaimSubmitter {
  /** 1000A NM103 (NM102 = 2) */
  organizationName?: string;
  /** 1000A NM103 when the submitter is a person (NM102 = 1) */
  lastName?: string;
  /** 1000A NM104 */
  firstName?: string;
  /** 1000A NM109 (NM108 = 46); the builder option submitterIdentification wins when given */
  submitterIdentification?: string;
  /** 1000A PER */
  contactInformation: ContactInformation;
}

export interface ClaimReceiver {
  /** 1000B NM103 */
  organizationName: string;
  /** 1000B NM109 (NM108 = 46); the builder option receiverIdentification wins when given */
  receiverIdentification?: string;
}

export interface ClaimSubscriber {
  /** 2010BA NM109 (NM108 = MI) */
  memberId: string;
  /** SBR01: P primary, S secondary, T tertiary... */
  paymentResponsibilityLevelCode: string;
  /** 2010BA NM104 */
  firstName?: string;
  /** 2010BA NM103 */
  lastName: string;
  /** 2010BA NM105 */
  middleName?: string;
  /** 2010BA NM107 */
  suffix?: string;
  /** DMG03: M, F or U */
  gender?: string;
  /** DMG02 CCYYMMDD */
  dateOfBirth?: string;
  /** SBR03 */
  groupNumber?: string;
  /** SBR04 */
  groupName?: string;
  /** 2010BA N3/N4 */
  address?: ClaimAddress;
}

export interface ClaimDependent {
  /** 2010CA NM104 */
  firstName?: string;
  /** 2010CA NM103 */
  lastName: string;
  /** 2010CA NM105 */
  middleName?: string;
  /** DMG03 */
  gender: string;
  /** DMG02 CCYYMMDD */
  dateOfBirth: string;
  /** PAT01: 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other */
  relationshipToSubscriberCode: string;
  /** 2010CA N3/N4 (required by the guide when the patient loop is sent) */
  address?: ClaimAddress;
}

export interface ClaimProvider {
  /** BillingProvider, RenderingProvider, ReferringProvider, AttendingProvider (informational) */
  providerType?: string;
  /** NM109 (NM108 = XX) */
  npi: string;
  /** REF*EI (billing provider) */
  employerId?: string;
  /** REF*SY (billing provider who is a person) */
  ssn?: string;
  /** PRV03 (PRV02 = PXC) */
  taxonomyCode?: string;
  /** NM103 when NM102 = 2 */
  organizationName?: string;
  /** NM103 when NM102 = 1 */
  lastName?: string;
  /** NM104 */
  firstName?: string;
  /** NM105 */
  middleName?: string;
  /** N3/N4 (billing provider: required) */
  address?: ClaimAddress;
  /** 2010AA PER */
  contactInformation?: ContactInformation;
}

export interface HealthCareCodeInformation {
  /** HI0n-1: ABK principal, ABF other (837P); 837I uses principalDiagnosis and otherDiagnosisInformationList */
  diagnosisTypeCode: string;
  /** HI0n-2, ICD-10-CM without the dot */
  diagnosisCode: string;
}

export interface ClaimSupplementalInformation {
  /** 2300 REF*G1 */
  priorAuthorizationNumber?: string;
  /** 2300 REF*9F */
  referralNumber?: string;
  /** 2300 REF*F8 the payer's original claim number: exactly when CLM05-3 is 7 or 8 */
  claimControlNumber?: string;
  /** 2300 REF*EA */
  medicalRecordNumber?: string;
}

export interface ProfessionalClaimDateInformation {
  /** DTP*431 */
  symptomDate?: string;
  /** DTP*454 */
  initialTreatmentDate?: string;
  /** DTP*304 */
  lastSeenDate?: string;
  /** DTP*439 */
  accidentDate?: string;
  /** DTP*435 */
  admissionDate?: string;
  /** DTP*096 */
  dischargeDate?: string;
}

export interface ProfessionalService {
  /** SV101-1: HC (CPT/HCPCS), ER, IV, WK */
  procedureIdentifier: string;
  /** SV101-2 */
  procedureCode: string;
  /** SV101-3..6 (at most four) */
  procedureModifiers?: string[];
  /** SV102 decimal string */
  lineItemChargeAmount: string;
  /** SV103: UN units, MJ minutes */
  measurementUnit: string;
  /** SV104 */
  serviceUnitCount: string;
  /** SV105 when it differs from CLM05-1 */
  placeOfServiceCode?: string;
  /** SV107 */
  compositeDiagnosisCodePointers: { diagnosisCodePointers: string[] };
  /** SV109 */
  emergencyIndicator?: string;
}

export interface DrugIdentification {
  /** LIN02, default N4 */
  serviceIdQualifier?: string;
  /** LIN03 (11-digit NDC) */
  nationalDrugCode: string;
  /** CTP05-1: UN, ML, GR, F2, ME */
  measurementUnitCode: string;
  /** CTP04 */
  nationalDrugUnitCount: string;
}

export interface ProfessionalServiceLine {
  /** 2400 DTP*472 (D8, or RD8 start) */
  serviceDate: string;
  /** 2400 DTP*472 RD8 end */
  serviceDateEnd?: string;
  /** 2400 REF*6R line item control number: unique within the claim, echoed in 277CA and 835 */
  providerControlNumber?: string;
  /** 2400 SV1 */
  professionalService: ProfessionalService;
  /** 2410 LIN/CTP */
  drugIdentification?: DrugIdentification;
}

export interface ProfessionalClaimInformation {
  /** SBR09: CI commercial, MB Medicare B, MC Medicaid, BL, HM, 16... */
  claimFilingCode: string;
  /** CLM01, at most 20 characters */
  patientControlNumber: string;
  /** CLM02 decimal string: equals the sum of SV102 */
  claimChargeAmount: string;
  /** CLM05-1 place of service */
  placeOfServiceCode: string;
  /** CLM05-3: 1 original, 7 replacement, 8 void */
  claimFrequencyCode: string;
  /** CLM06 Y/N */
  signatureIndicator: string;
  /** CLM07 A, B, C */
  planParticipationCode: string;
  /** CLM08 Y, N, W */
  benefitsAssignmentCertificationIndicator: string;
  /** CLM09 Y, I */
  releaseInformationCode: string;
  /** CLM11-1..2 related causes (AA auto accident, EM employment, OA other accident) */
  relatedCausesCode?: string[];
  /** CLM11-4 state of an auto accident */
  autoAccidentStateCode?: string;
  /** 2300 DTP */
  claimDateInformation?: ProfessionalClaimDateInformation;
  /** 2300 REF */
  claimSupplementalInformation?: ClaimSupplementalInformation;
  /** 2300 HI (ABK first, then ABF; at most 12) */
  healthCareCodeInformation: HealthCareCodeInformation[];
  /** 2400 loops (at most 50) */
  serviceLines: ProfessionalServiceLine[];
}

/** What every claim shares: the envelope parties, the payer and the people. */
export interface ClaimParties {
  /** The caller's reference for this claim (BHT03 when the claim is built alone) */
  controlNumber?: string;
  /** 2010BB NM109 (NM108 = PI): the payer id */
  tradingPartnerServiceId: string;
  /** 2010BB NM103 */
  tradingPartnerName: string;
  /** 1000A */
  submitter: ClaimSubmitter;
  /** 1000B */
  receiver: ClaimReceiver;
  /** 2000B / 2010BA */
  subscriber: ClaimSubscriber;
  /** 2000C / 2010CA: only when the patient is not the subscriber */
  dependent?: ClaimDependent;
  /** 2000A / 2010AA */
  billing: ClaimProvider;
  /** 2010AB NM1*87 */
  payToAddress?: ClaimAddress;
}

export interface ProfessionalClaim extends ClaimParties {
  /** 837P 2310B NM1*82 + PRV*PE */
  rendering?: ClaimProvider;
  /** 837P 2310A NM1*DN */
  referring?: ClaimProvider;
  claimInformation: ProfessionalClaimInformation;
}

export interface InstitutionalClaimCodeInformation {
  /** CL101 */
  admissionTypeCode: string;
  /** CL102 */
  admissionSourceCode?: string;
  /** CL103 */
  patientStatusCode: string;
}

export interface InstitutionalClaimDateInformation {
  /** DTP*434 RD8 start */
  statementBeginDate: string;
  /** DTP*434 RD8 end */
  statementEndDate: string;
  /** DTP*435: DT CCYYMMDDHHMM, or D8 CCYYMMDD */
  admissionDateAndHour?: string;
  /** DTP*096 TM HHMM */
  dischargeHour?: string;
}

export interface PrincipalDiagnosis {
  /** HI01-1: ABK (ICD-10-CM) */
  qualifierCode: string;
  /** HI01-2 */
  principalDiagnosisCode: string;
  /** HI01-9 present on admission indicator */
  presentOnAdmissionIndicator?: string;
}

export interface AdmittingDiagnosis {
  /** HI01-1: ABJ */
  qualifierCode: string;
  /** HI01-2 */
  admittingDiagnosisCode: string;
}

export interface PatientReasonForVisit {
  /** HI0n-1: APR */
  qualifierCode: string;
  /** HI0n-2 */
  patientReasonForVisitCode: string;
}

export interface OtherDiagnosis {
  /** HI0n-1: ABF */
  qualifierCode: string;
  /** HI0n-2 */
  otherDiagnosis: string;
  /** HI0n-9 */
  presentOnAdmissionIndicator?: string;
}

export interface InstitutionalService {
  /** SV201 */
  serviceLineRevenueCode: string;
  /** SV202-1: HC, ER, HP, IV, WK */
  procedureIdentifier?: string;
  /** SV202-2 */
  procedureCode?: string;
  /** SV202-3..6 */
  procedureModifiers?: string[];
  /** SV203 decimal string */
  lineItemChargeAmount: string;
  /** SV204: UN units, DA days */
  measurementUnit: string;
  /** SV205 */
  serviceUnitCount: string;
}

export interface InstitutionalServiceLine {
  /** 2400 DTP*472 (D8, or RD8 start) */
  serviceDate?: string;
  /** 2400 DTP*472 RD8 end */
  serviceDateEnd?: string;
  /** 2400 REF*6R line item control number: unique within the claim */
  lineItemControlNumber?: string;
  /** 2400 SV2 */
  institutionalService: InstitutionalService;
  /** 2410 LIN/CTP */
  drugIdentification?: DrugIdentification;
}

export interface InstitutionalClaimInformation {
  /** SBR09 */
  claimFilingCode: string;
  /** CLM01, at most 20 characters */
  patientControlNumber: string;
  /** CLM02 decimal string: equals the sum of SV203 */
  claimChargeAmount: string;
  /** CLM05-1 facility type code (first two digits of the type of bill); CLM05-2 is A */
  placeOfServiceCode: string;
  /** CLM05-3 frequency (third digit of the type of bill): 1, 7, 8... */
  claimFrequencyCode: string;
  /** CLM07 */
  planParticipationCode: string;
  /** CLM08 */
  benefitsAssignmentCertificationIndicator: string;
  /** CLM09 */
  releaseInformationCode: string;
  /** 2300 DTP*434/435/096 */
  claimDateInformation: InstitutionalClaimDateInformation;
  /** 2300 CL1 (required on every 837I claim) */
  claimCodeInformation: InstitutionalClaimCodeInformation;
  /** 2300 REF */
  claimSupplementalInformation?: ClaimSupplementalInformation;
  /** 2300 HI*ABK */
  principalDiagnosis: PrincipalDiagnosis;
  /** 2300 HI*ABJ */
  admittingDiagnosis?: AdmittingDiagnosis;
  /** 2300 HI*APR (at most 3) */
  patientReasonForVisits?: PatientReasonForVisit[];
  /** 2300 HI*ABF segments (each inner list is one HI segment, at most 12 composites) */
  otherDiagnosisInformationList?: OtherDiagnosis[][];
  /** 2400 loops */
  serviceLines: InstitutionalServiceLine[];
}

export interface InstitutionalClaim extends ClaimParties {
  /** 837I 2310A NM1*71 + PRV*AT */
  attending?: ClaimProvider;
  /** 837I 2310D NM1*82 */
  rendering?: ClaimProvider;
  /** 837I 2310F NM1*DN */
  referring?: ClaimProvider;
  claimInformation: InstitutionalClaimInformation;
}

/** BHT and the 1000A/1000B ids the builders write; no clock in the engine, so the caller passes the date. */
export interface Claim837BuildOptions {
  /** BHT03 originator application transaction identifier */
  referenceIdentification: string;
  /** BHT04 CCYYMMDD */
  creationDate: string;
  /** BHT05 HHMM (or HHMMSS) */
  creationTime: string;
  /** BHT02: 00 original (default), 18 reissue */
  purposeCode?: string;
  /** BHT06: CH chargeable (default), RP reporting */
  claimOrEncounterIdentifier?: string;
  /** 1000A NM109; falls back to the first claim's submitter.submitterIdentification */
  submitterIdentification?: string;
  /** 1000B NM109; falls back to the first claim's receiver.receiverIdentification */
  receiverIdentification?: string;
}

/** The input of one 837 transaction set body: claims that share one submitter and receiver. */
export interface Claim837BatchInput<TClaim> {
  claims: readonly TClaim[];
}

export type ProfessionalClaimBatchInput = Claim837BatchInput<ProfessionalClaim>;
export type InstitutionalClaimBatchInput = Claim837BatchInput<InstitutionalClaim>;

/** What the readers return for one 837 transaction set. */
export interface Claim837ReadResult<TClaim> {
  /** BHT values, so that read -> build gives the same body */
  header: Claim837BuildOptions;
  submitter: ClaimSubmitter;
  receiver: ClaimReceiver;
  claims: TClaim[];
}
