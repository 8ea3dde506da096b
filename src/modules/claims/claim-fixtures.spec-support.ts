/** Unit-spec fixtures: one synthetic professional and one institutional claim (made-up values). */
export function professionalClaimFixture(): Record<string, unknown> {
  return {
    claimType: 'professional',
    tradingPartnerServiceId: 'SANDBOX1',
    tradingPartnerName: 'SANDBOX PAYER',
    submitter: {
      organizationName: 'SYNTHETIC BILLING',
      contactInformation: { name: 'CONTACT', phoneNumber: '5555550100' },
    },
    receiver: { organizationName: 'SANDBOX PAYER' },
    subscriber: {
      memberId: 'MEMBER1',
      paymentResponsibilityLevelCode: 'P',
      firstName: 'JANE',
      lastName: 'SYNTHETIC',
      gender: 'F',
      dateOfBirth: '19800101',
    },
    billing: {
      npi: '1234567893',
      employerId: '123456789',
      organizationName: 'SYNTHETIC CLINIC',
      address: { address1: '1 MAIN ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
    },
    claimInformation: {
      claimFilingCode: 'CI',
      patientControlNumber: 'PCN1',
      claimChargeAmount: '150.50',
      placeOfServiceCode: '11',
      claimFrequencyCode: '1',
      signatureIndicator: 'Y',
      planParticipationCode: 'A',
      benefitsAssignmentCertificationIndicator: 'Y',
      releaseInformationCode: 'Y',
      healthCareCodeInformation: [{ diagnosisTypeCode: 'ABK', diagnosisCode: 'E119' }],
      serviceLines: [
        {
          serviceDate: '20240105',
          providerControlNumber: 'L1',
          professionalService: {
            procedureIdentifier: 'HC',
            procedureCode: '99213',
            procedureModifiers: ['25'],
            lineItemChargeAmount: '100.00',
            measurementUnit: 'UN',
            serviceUnitCount: '1',
            compositeDiagnosisCodePointers: { diagnosisCodePointers: ['1'] },
          },
        },
        {
          serviceDate: '20240105',
          providerControlNumber: 'L2',
          professionalService: {
            procedureIdentifier: 'HC',
            procedureCode: '85025',
            lineItemChargeAmount: '50.50',
            measurementUnit: 'UN',
            serviceUnitCount: '1',
            compositeDiagnosisCodePointers: { diagnosisCodePointers: ['1'] },
          },
        },
      ],
    },
  };
}

export function institutionalClaimFixture(): Record<string, unknown> {
  return {
    claimType: 'institutional',
    tradingPartnerServiceId: 'SANDBOX1',
    submitter: {
      organizationName: 'SYNTHETIC BILLING',
      contactInformation: { name: 'CONTACT', phoneNumber: '5555550100' },
    },
    receiver: { organizationName: 'SANDBOX PAYER' },
    subscriber: {
      memberId: 'MEMBER2',
      paymentResponsibilityLevelCode: 'P',
      lastName: 'SYNTHETIC',
      gender: 'M',
      dateOfBirth: '19700101',
    },
    billing: {
      npi: '1234567893',
      employerId: '123456789',
      organizationName: 'SYNTHETIC HOSPITAL',
      address: { address1: '2 MAIN ST', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701' },
    },
    claimInformation: {
      claimFilingCode: 'CI',
      patientControlNumber: 'PCN2',
      claimChargeAmount: '250.00',
      placeOfServiceCode: '13',
      claimFrequencyCode: '1',
      planParticipationCode: 'A',
      benefitsAssignmentCertificationIndicator: 'Y',
      releaseInformationCode: 'Y',
      claimCodeInformation: { admissionTypeCode: '1', patientStatusCode: '01' },
      claimDateInformation: { statementBeginDate: '20240105', statementEndDate: '20240105' },
      principalDiagnosis: { qualifierCode: 'ABK', principalDiagnosisCode: 'R69' },
      admittingDiagnosis: { qualifierCode: 'ABJ', admittingDiagnosisCode: 'R69' },
      otherDiagnosisInformationList: [[{ qualifierCode: 'ABF', otherDiagnosis: 'I10' }]],
      serviceLines: [
        {
          serviceDate: '20240105',
          lineItemControlNumber: 'L1',
          institutionalService: {
            serviceLineRevenueCode: '0450',
            lineItemChargeAmount: '250.00',
            measurementUnit: 'UN',
            serviceUnitCount: '1',
          },
        },
      ],
    },
  };
}
