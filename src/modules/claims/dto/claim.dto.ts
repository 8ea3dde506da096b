/**
 * OpenAPI documentation of the JSON claim: the public claim shape Change Healthcare and Stedi share
 * (`claimInformation`, `serviceLines`, `professionalService`...), so offices moving from them recognise it.
 * These classes document the shape; the claim edits (not class-validator) check each claim, so a bad claim
 * gets its own result with codes and paths instead of failing the whole batch. Each class `implements` the
 * X12 engine's 837 claim model (src/x12/transactions/837-claim.model.ts), so the documented shape cannot drift
 * from what the builders take.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AdmittingDiagnosis,
  ClaimAddress,
  ClaimDependent,
  ClaimProvider,
  ClaimReceiver,
  ClaimSubmitter,
  ClaimSubscriber,
  ClaimSupplementalInformation,
  ContactInformation,
  DrugIdentification,
  HealthCareCodeInformation,
  InstitutionalClaimCodeInformation,
  InstitutionalClaimDateInformation,
  InstitutionalService,
  OtherDiagnosis,
  PrincipalDiagnosis,
  ProfessionalService,
} from '../../../x12/transactions/837-claim.model';

export class AddressDto implements ClaimAddress {
  @ApiProperty({ example: '123 SYNTHETIC ST' }) address1!: string;
  @ApiPropertyOptional() address2?: string;
  @ApiProperty({ example: 'SPRINGFIELD' }) city!: string;
  @ApiProperty({ example: 'IL' }) state!: string;
  @ApiProperty({ example: '627010000', description: 'ZIP (5 or 9 digits)' }) postalCode!: string;
}

export class ContactInformationDto implements ContactInformation {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() phoneNumber?: string;
  @ApiPropertyOptional() email?: string;
}

export class SubmitterDto implements ClaimSubmitter {
  @ApiProperty({ description: '1000A NM103' }) organizationName!: string;
  @ApiPropertyOptional({ description: '1000A NM109 (defaults to the organisation’s submitter id)' })
  submitterIdentification?: string;
  @ApiProperty({ type: ContactInformationDto }) contactInformation!: ContactInformationDto;
}

export class ReceiverDto implements ClaimReceiver {
  @ApiProperty({ description: '1000B NM103: the payer or clearinghouse receiving the file' })
  organizationName!: string;
}

export class ProviderDto implements ClaimProvider {
  @ApiPropertyOptional({
    enum: ['BillingProvider', 'RenderingProvider', 'ReferringProvider', 'AttendingProvider'],
  })
  providerType?: string;
  @ApiProperty({ example: '1234567893', description: '10-digit NPI (Luhn check digit over 80840 + NPI)' })
  npi!: string;
  @ApiPropertyOptional({ description: 'EIN (REF*EI); billing provider' }) employerId?: string;
  @ApiPropertyOptional({ description: 'SSN (REF*SY) when the billing provider is a person' }) ssn?: string;
  @ApiPropertyOptional({ example: '207Q00000X' }) taxonomyCode?: string;
  @ApiPropertyOptional() organizationName?: string;
  @ApiPropertyOptional() lastName?: string;
  @ApiPropertyOptional() firstName?: string;
  @ApiPropertyOptional({ type: AddressDto }) address?: AddressDto;
  @ApiPropertyOptional({ type: ContactInformationDto }) contactInformation?: ContactInformationDto;
}

export class SubscriberDto implements ClaimSubscriber {
  @ApiProperty({ description: '2010BA NM109 member id' }) memberId!: string;
  @ApiProperty({
    example: 'P',
    description: 'SBR01 payer responsibility (P primary, S secondary...)',
  })
  paymentResponsibilityLevelCode!: string;
  @ApiPropertyOptional() firstName?: string;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional({ enum: ['M', 'F', 'U'] }) gender?: string;
  @ApiPropertyOptional({ example: '19800101', description: 'CCYYMMDD' }) dateOfBirth?: string;
  @ApiPropertyOptional() groupNumber?: string;
  @ApiPropertyOptional({ type: AddressDto }) address?: AddressDto;
}

export class DependentDto implements ClaimDependent {
  @ApiPropertyOptional() firstName?: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ enum: ['M', 'F', 'U'] }) gender!: string;
  @ApiProperty({ example: '20100101' }) dateOfBirth!: string;
  @ApiProperty({
    example: '19',
    description: 'PAT01 relationship to the subscriber (01 spouse, 19 child, ...)',
  })
  relationshipToSubscriberCode!: string;
  @ApiPropertyOptional({ type: AddressDto }) address?: AddressDto;
}

export class HealthCareCodeInformationDto implements HealthCareCodeInformation {
  @ApiProperty({ enum: ['ABK', 'ABF'], description: 'ABK principal, ABF other (ICD-10-CM)' })
  diagnosisTypeCode!: string;
  @ApiProperty({ example: 'E119', description: 'ICD-10-CM, with or without the dot' }) diagnosisCode!: string;
}

export class ClaimSupplementalInformationDto implements ClaimSupplementalInformation {
  @ApiPropertyOptional({ description: 'REF*G1' }) priorAuthorizationNumber?: string;
  @ApiPropertyOptional({ description: 'REF*9F' }) referralNumber?: string;
  @ApiPropertyOptional({
    description: "REF*F8 payer's original claim number: required for frequency 7 and 8",
  })
  claimControlNumber?: string;
}

export class DiagnosisCodePointersDto {
  @ApiProperty({ type: [String], example: ['1'] }) diagnosisCodePointers!: string[];
}

export class ProfessionalServiceDto implements ProfessionalService {
  @ApiProperty({ example: 'HC' }) procedureIdentifier!: string;
  @ApiProperty({ example: '99213', description: 'CPT or HCPCS' }) procedureCode!: string;
  @ApiPropertyOptional({ type: [String], example: ['25'], description: 'Up to four' })
  procedureModifiers?: string[];
  @ApiProperty({ example: '100.00', description: 'Decimal string, at most two decimals' })
  lineItemChargeAmount!: string;
  @ApiProperty({ example: 'UN' }) measurementUnit!: string;
  @ApiProperty({ example: '1' }) serviceUnitCount!: string;
  @ApiPropertyOptional({ example: '11', description: 'SV105, when it differs from the claim' })
  placeOfServiceCode?: string;
  @ApiProperty({ type: DiagnosisCodePointersDto })
  compositeDiagnosisCodePointers!: DiagnosisCodePointersDto;
}

export class InstitutionalServiceDto implements InstitutionalService {
  @ApiProperty({ example: '0450' }) serviceLineRevenueCode!: string;
  @ApiPropertyOptional({ example: 'HC' }) procedureIdentifier?: string;
  @ApiPropertyOptional({ example: '99283' }) procedureCode?: string;
  @ApiPropertyOptional({ type: [String] }) procedureModifiers?: string[];
  @ApiProperty({ example: '250.00' }) lineItemChargeAmount!: string;
  @ApiProperty({ example: 'UN' }) measurementUnit!: string;
  @ApiProperty({ example: '1' }) serviceUnitCount!: string;
}

export class DrugIdentificationDto implements DrugIdentification {
  @ApiPropertyOptional({ example: 'N4' }) serviceIdQualifier?: string;
  @ApiProperty({ example: '00000000000' }) nationalDrugCode!: string;
  @ApiProperty() nationalDrugUnitCount!: string;
  @ApiProperty({ example: 'UN' }) measurementUnitCode!: string;
}

export class ServiceLineDto {
  @ApiPropertyOptional({ example: '20240105', description: 'DTP*472, CCYYMMDD' }) serviceDate?: string;
  @ApiPropertyOptional() serviceDateEnd?: string;
  @ApiPropertyOptional({ description: '837P REF*6R line item control number (unique within the claim)' })
  providerControlNumber?: string;
  @ApiPropertyOptional({ description: '837I REF*6R line item control number (unique within the claim)' })
  lineItemControlNumber?: string;
  @ApiPropertyOptional({ type: ProfessionalServiceDto }) professionalService?: ProfessionalServiceDto;
  @ApiPropertyOptional({ type: InstitutionalServiceDto }) institutionalService?: InstitutionalServiceDto;
  @ApiPropertyOptional({ type: DrugIdentificationDto }) drugIdentification?: DrugIdentificationDto;
  @ApiPropertyOptional({ type: ProviderDto }) renderingProvider?: ProviderDto;
}

export class ClaimCodeInformationDto implements InstitutionalClaimCodeInformation {
  @ApiProperty({ example: '1' }) admissionTypeCode!: string;
  @ApiPropertyOptional({ example: '7' }) admissionSourceCode?: string;
  @ApiProperty({ example: '01' }) patientStatusCode!: string;
}

export class ClaimDateInformationDto implements InstitutionalClaimDateInformation {
  @ApiProperty({ example: '20240105' }) statementBeginDate!: string;
  @ApiProperty({ example: '20240105' }) statementEndDate!: string;
  @ApiPropertyOptional({ example: '202401050800', description: 'CCYYMMDDHHMM' })
  admissionDateAndHour?: string;
  @ApiPropertyOptional({ example: '1200' }) dischargeHour?: string;
}

export class PrincipalDiagnosisDto implements PrincipalDiagnosis {
  @ApiProperty({ example: 'ABK' }) qualifierCode!: string;
  @ApiProperty({ example: 'R69' }) principalDiagnosisCode!: string;
}

export class AdmittingDiagnosisDto implements AdmittingDiagnosis {
  @ApiProperty({ example: 'ABJ' }) qualifierCode!: string;
  @ApiProperty() admittingDiagnosisCode!: string;
}

export class OtherDiagnosisDto implements OtherDiagnosis {
  @ApiProperty({ example: 'ABF' }) qualifierCode!: string;
  @ApiProperty() otherDiagnosis!: string;
}

export class ClaimInformationDto {
  @ApiProperty({ example: 'CI', description: 'SBR09 claim filing indicator' }) claimFilingCode!: string;
  @ApiProperty({ description: 'CLM01, at most 20 characters, unique among open claims' })
  patientControlNumber!: string;
  @ApiProperty({ example: '100.00', description: 'CLM02: must equal the sum of the line charges' })
  claimChargeAmount!: string;
  @ApiProperty({
    example: '11',
    description: 'CLM05-1: place of service (837P) or facility type code (837I)',
  })
  placeOfServiceCode!: string;
  @ApiProperty({ example: '1', enum: ['1', '7', '8'], description: 'CLM05-3' }) claimFrequencyCode!: string;
  @ApiPropertyOptional({ example: 'Y' }) signatureIndicator?: string;
  @ApiPropertyOptional({ example: 'A' }) planParticipationCode?: string;
  @ApiPropertyOptional({ example: 'Y' }) benefitsAssignmentCertificationIndicator?: string;
  @ApiPropertyOptional({ example: 'Y' }) releaseInformationCode?: string;
  @ApiPropertyOptional({ type: ClaimSupplementalInformationDto })
  claimSupplementalInformation?: ClaimSupplementalInformationDto;
  @ApiPropertyOptional({ type: [HealthCareCodeInformationDto], description: '837P diagnoses (HI)' })
  healthCareCodeInformation?: HealthCareCodeInformationDto[];
  @ApiPropertyOptional({ type: ClaimCodeInformationDto, description: '837I admission details (CL1)' })
  claimCodeInformation?: ClaimCodeInformationDto;
  @ApiPropertyOptional({ type: ClaimDateInformationDto, description: '837I statement and admission dates' })
  claimDateInformation?: ClaimDateInformationDto;
  @ApiPropertyOptional({ type: PrincipalDiagnosisDto, description: '837I principal diagnosis' })
  principalDiagnosis?: PrincipalDiagnosisDto;
  @ApiPropertyOptional({ type: AdmittingDiagnosisDto }) admittingDiagnosis?: AdmittingDiagnosisDto;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'array', items: { $ref: '#/components/schemas/OtherDiagnosisDto' } },
  })
  otherDiagnosisInformationList?: OtherDiagnosisDto[][];
  @ApiPropertyOptional({ type: ProviderDto }) serviceFacilityLocation?: ProviderDto;
  @ApiProperty({ type: [ServiceLineDto], description: 'At most 50 on a professional claim' })
  serviceLines!: ServiceLineDto[];
}

export class ClaimDto {
  @ApiPropertyOptional({
    enum: ['professional', 'institutional'],
    description:
      'Defaults to institutional when the claim has institutional parts (principalDiagnosis, claimCodeInformation), else professional.',
  })
  claimType?: 'professional' | 'institutional';
  @ApiPropertyOptional({ description: 'The caller’s reference for this claim (BHT03 when built alone)' })
  controlNumber?: string;
  @ApiProperty({ example: 'SANDBOX1', description: 'The payer id (2010BB NM109): must be a known payer' })
  tradingPartnerServiceId!: string;
  @ApiPropertyOptional({ description: 'The payer name (2010BB NM103)' }) tradingPartnerName?: string;
  @ApiPropertyOptional({ enum: ['T', 'P'] }) usageIndicator?: string;
  @ApiProperty({ type: SubmitterDto }) submitter!: SubmitterDto;
  @ApiProperty({ type: ReceiverDto }) receiver!: ReceiverDto;
  @ApiProperty({ type: SubscriberDto }) subscriber!: SubscriberDto;
  @ApiPropertyOptional({ type: DependentDto, description: 'The patient, when not the subscriber (2000C)' })
  dependent?: DependentDto;
  @ApiProperty({ type: ProviderDto }) billing!: ProviderDto;
  @ApiPropertyOptional({ type: AddressDto }) payToAddress?: AddressDto;
  @ApiPropertyOptional({ type: ProviderDto }) rendering?: ProviderDto;
  @ApiPropertyOptional({ type: ProviderDto }) referring?: ProviderDto;
  @ApiPropertyOptional({ type: ProviderDto, description: '837I attending provider' }) attending?: ProviderDto;
  @ApiProperty({ type: ClaimInformationDto }) claimInformation!: ClaimInformationDto;
}
