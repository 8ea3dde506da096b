/**
 * Segments the 837 professional (005010X222A1) and institutional (005010X223A2) guides share, with the
 * differences passed in as options.
 */
import type { LoopDef, SegmentDef, Usage } from '../../schema/types';
import { co, composite, el, loop, na, pad2, seg } from './schema-builders';
import {
  CLAIM_FILING_INDICATOR_CODES,
  INDIVIDUAL_RELATIONSHIP_CODES,
  N3,
  N4,
  NM1,
  PAYER_RESPONSIBILITY_CODES,
  PER,
  REF,
} from './x12-segments';

/**
 * Address-only loops (2010AB pay-to address, 2310E/F and 2420G/H ambulance pick-up and drop-off): the
 * guide uses only NM101 and NM102; the name and identifier elements are not used.
 */
export function addressLoop(
  id: string,
  name: string,
  entityCode: string,
  entityTypes: readonly string[],
  // 2310F/2420H ambulance drop-off: NM103 names the drop-off location when it has a name
  lastName: Usage = 'N',
): LoopDef {
  const nm1 = NM1(name, [entityCode], { entityTypes, lastName, personName: 'N' });
  return loop(id, name, 'S', 1, nm1, [N3(`${name} Address`, 'R'), N4(`${name} City, State, ZIP Code`, 'R')]);
}

/**
 * 2330C.. other payer provider loops: NM101/NM102 only (the guide marks the name and NM108/NM109 not
 * used) and a required REF with the other payer's secondary identifier.
 */
export function otherPayerProviderLoop(
  id: string,
  name: string,
  entityCodes: readonly string[],
  entityTypes: readonly string[],
  referenceQualifiers: readonly string[],
  repeat: number,
  referenceRepeat: number,
): LoopDef {
  return loop(
    id,
    name,
    'S',
    repeat,
    NM1(name, entityCodes, { entityTypes, lastName: 'N', personName: 'N' }),
    [REF(`${name} Secondary Identification`, 'R', referenceRepeat, referenceQualifiers)],
  );
}

/** BHT Beginning of Hierarchical Transaction: BHT06 CH chargeable, RP reporting, 31 subrogation demand. */
export function BHT(): SegmentDef {
  return seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, [
    el('BHT01', 'R', 'ID', 4, 4, 'Hierarchical Structure Code', ['0019']),
    el('BHT02', 'R', 'ID', 2, 2, 'Transaction Set Purpose Code', ['00', '18']),
    el('BHT03', 'R', 'AN', 1, 50, 'Originator Application Transaction Identifier'),
    el('BHT04', 'R', 'DT', 8, 8, 'Transaction Set Creation Date'),
    el('BHT05', 'R', 'TM', 4, 8, 'Transaction Set Creation Time'),
    el('BHT06', 'R', 'ID', 2, 2, 'Claim or Encounter Identifier', ['31', 'CH', 'RP']),
  ]);
}

/** 1000A submitter NM1 + PER, 1000B receiver NM1: identical in both 837 guides. */
export function submitterName(): SegmentDef {
  return NM1('Submitter Name', ['41'], { entityTypes: ['1', '2'], idQualifiers: ['46'], suffix: 'N' });
}
export function submitterContact(numberQualifiers: readonly string[] = ['EM', 'FX', 'TE']): SegmentDef {
  return PER('Submitter EDI Contact Information', 'R', 2, numberQualifiers);
}
export function receiverName(): SegmentDef {
  return NM1('Receiver Name', ['40'], { entityTypes: ['2'], idQualifiers: ['46'] });
}

const INSURANCE_TYPE_CODES = ['12', '13', '14', '15', '16', '41', '42', '43', '47'];

/** 2000B SBR Subscriber Information: SBR02 is 18 (self) or empty when the patient is a dependent. */
export function subscriberSBR(insuranceTypeUsage: Usage): SegmentDef {
  return seg('SBR', 'Subscriber Information', 'R', 1, [
    el('SBR01', 'R', 'ID', 1, 1, 'Payer Responsibility Sequence Number Code', PAYER_RESPONSIBILITY_CODES),
    el('SBR02', 'S', 'ID', 2, 2, 'Individual Relationship Code', ['18']),
    el('SBR03', 'S', 'AN', 1, 50, 'Subscriber Group or Policy Number'),
    el('SBR04', 'S', 'AN', 1, 60, 'Subscriber Group Name'),
    el('SBR05', insuranceTypeUsage, 'ID', 1, 3, 'Insurance Type Code', INSURANCE_TYPE_CODES),
    na('SBR06', 'Coordination of Benefits Code'),
    na('SBR07', 'Yes/No Condition or Response Code'),
    na('SBR08', 'Employment Status Code'),
    el('SBR09', 'S', 'ID', 1, 2, 'Claim Filing Indicator Code', CLAIM_FILING_INDICATOR_CODES),
  ]);
}

/** 2320 SBR Other Subscriber Information. */
export function otherSubscriberSBR(insuranceTypeUsage: Usage): SegmentDef {
  return seg('SBR', 'Other Subscriber Information', 'R', 1, [
    el('SBR01', 'R', 'ID', 1, 1, 'Payer Responsibility Sequence Number Code', PAYER_RESPONSIBILITY_CODES),
    el('SBR02', 'R', 'ID', 2, 2, 'Individual Relationship Code', INDIVIDUAL_RELATIONSHIP_CODES),
    el('SBR03', 'S', 'AN', 1, 50, 'Insured Group or Policy Number'),
    el('SBR04', 'S', 'AN', 1, 60, 'Other Insured Group Name'),
    el('SBR05', insuranceTypeUsage, 'ID', 1, 3, 'Insurance Type Code', INSURANCE_TYPE_CODES),
    na('SBR06', 'Coordination of Benefits Code'),
    na('SBR07', 'Yes/No Condition or Response Code'),
    na('SBR08', 'Employment Status Code'),
    el('SBR09', 'S', 'ID', 1, 2, 'Claim Filing Indicator Code', CLAIM_FILING_INDICATOR_CODES),
  ]);
}

/**
 * PAT Patient Information. In 2000C PAT01 (relationship) is required; in 2000B (837P only) PAT01-04 are
 * not used and PAT05-09 carry the date of death, weight and pregnancy indicator.
 */
export function PAT(usage: Usage, relationshipUsage: Usage, patientDetailsUsage: Usage = 'S'): SegmentDef {
  const relationshipCodes = INDIVIDUAL_RELATIONSHIP_CODES.filter((code) => code !== '18');
  return seg(
    'PAT',
    relationshipUsage === 'R' ? 'Patient Information' : 'Patient Information',
    usage,
    1,
    [
      el('PAT01', relationshipUsage, 'ID', 2, 2, 'Individual Relationship Code', relationshipCodes),
      na('PAT02', 'Patient Location Code'),
      na('PAT03', 'Employment Status Code'),
      na('PAT04', 'Student Status Code'),
      el('PAT05', patientDetailsUsage, 'ID', 2, 3, 'Date Time Period Format Qualifier', ['D8']),
      el('PAT06', patientDetailsUsage, 'AN', 1, 35, 'Patient Death Date'),
      el('PAT07', patientDetailsUsage, 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['01']),
      el('PAT08', patientDetailsUsage, 'R', 1, 10, 'Patient Weight'),
      el('PAT09', patientDetailsUsage, 'ID', 1, 1, 'Pregnancy Indicator', ['Y']),
    ],
    { syntax: ['P0506', 'P0708'] },
  );
}

/** DMG Demographic Information (birth date and gender). */
export function DMG(name: string, usage: Usage): SegmentDef {
  return seg(
    'DMG',
    name,
    usage,
    1,
    [
      el('DMG01', 'R', 'ID', 2, 3, 'Date Time Period Format Qualifier', ['D8']),
      el('DMG02', 'R', 'AN', 1, 35, 'Birth Date'),
      el('DMG03', 'R', 'ID', 1, 1, 'Gender Code', ['F', 'M', 'U']),
      na('DMG04', 'Marital Status Code'),
      na('DMG05', 'Composite Race or Ethnicity Information'),
      na('DMG06', 'Citizenship Status Code'),
      na('DMG07', 'Country Code'),
      na('DMG08', 'Basis of Verification Code'),
      na('DMG09', 'Quantity'),
      na('DMG10', 'Code List Qualifier Code'),
      na('DMG11', 'Industry Code'),
    ],
    { syntax: ['P0102'] },
  );
}

/** OI Other Insurance Coverage Information (2320). */
export function OI(patientSignatureUsage: Usage): SegmentDef {
  return seg('OI', 'Other Insurance Coverage Information', 'R', 1, [
    na('OI01', 'Claim Filing Indicator Code'),
    na('OI02', 'Claim Submission Reason Code'),
    el('OI03', 'R', 'ID', 1, 1, 'Benefits Assignment Certification Indicator', ['N', 'W', 'Y']),
    el('OI04', patientSignatureUsage, 'ID', 1, 1, 'Patient Signature Source Code', ['P']),
    na('OI05', 'Provider Agreement Code'),
    el('OI06', 'R', 'ID', 1, 1, 'Release of Information Code', ['I', 'Y']),
  ]);
}

/** MOA Outpatient Adjudication Information (2320). */
export function MOA(): SegmentDef {
  return seg('MOA', 'Outpatient Adjudication Information', 'S', 1, [
    el('MOA01', 'S', 'R', 1, 10, 'Reimbursement Rate'),
    el('MOA02', 'S', 'R', 1, 18, 'HCPCS Payable Amount'),
    el('MOA03', 'S', 'AN', 1, 50, 'Claim Payment Remark Code'),
    el('MOA04', 'S', 'AN', 1, 50, 'Claim Payment Remark Code'),
    el('MOA05', 'S', 'AN', 1, 50, 'Claim Payment Remark Code'),
    el('MOA06', 'S', 'AN', 1, 50, 'Claim Payment Remark Code'),
    el('MOA07', 'S', 'AN', 1, 50, 'Claim Payment Remark Code'),
    el('MOA08', 'S', 'R', 1, 18, 'End Stage Renal Disease Payment Amount'),
    el('MOA09', 'S', 'R', 1, 18, 'Non-Payable Professional Component Billed Amount'),
  ]);
}

/** CRC Conditions Indicator: CRC01 category identifies the segment (07 ambulance, E1 vision, 75 homebound ...). */
export function CRC(
  name: string,
  repeat: number,
  categories: readonly string[],
  responses: readonly string[],
  conditions: readonly string[],
  /** How many condition indicators (CRC03..CRC07) the guide uses here; the rest are not used. */
  conditionCount = 5,
): SegmentDef {
  const indicators = [3, 4, 5, 6, 7].map((n, i) =>
    i < conditionCount
      ? el(`CRC0${n}`, i === 0 ? 'R' : 'S', 'ID', 2, 3, 'Condition Indicator', conditions)
      : na(`CRC0${n}`, 'Condition Indicator'),
  );
  return seg(
    'CRC',
    name,
    'S',
    repeat,
    [
      el('CRC01', 'R', 'ID', 2, 3, 'Code Category', categories),
      el('CRC02', 'R', 'ID', 1, 1, 'Certification Condition Indicator', responses),
      ...indicators,
    ],
    { qualifier: { element: 1, values: categories } },
  );
}

export interface HIOptions {
  usage: Usage;
  repeat: number;
  /** HI01-1 code list qualifiers (identify the segment among the claim's HI segments). */
  firstQualifiers: readonly string[];
  /** HI02-1..HI12-1 qualifiers. */
  otherQualifiers: readonly string[];
  /** HI0n-3/-4 date format and date (occurrence, procedure dates). */
  dates?: readonly string[];
  /** HI0n-5 monetary amount (value codes). */
  amount?: boolean;
  /** HI0n-9 present on admission indicator (837I diagnoses). */
  presentOnAdmission?: boolean;
  /** How many of HI01..HI12 the guide uses (default 12). */
  elements?: number;
}

/** HI Health Care Information Codes: up to 12 C022 composites. */
export function HI(name: string, options: HIOptions): SegmentDef {
  const count = options.elements ?? 12;
  const elements = [];
  for (let n = 1; n <= 12; n++) {
    const ref = `HI${pad2(n)}`;
    if (n > count) {
      elements.push(na(ref, 'Health Care Code Information'));
      continue;
    }
    const dated = options.dates !== undefined;
    elements.push(
      composite(ref, n === 1 ? 'R' : 'S', 'Health Care Code Information', [
        co(
          `${ref}-1`,
          'R',
          'ID',
          1,
          3,
          'Code List Qualifier Code',
          n === 1 ? options.firstQualifiers : options.otherQualifiers,
        ),
        co(`${ref}-2`, 'R', 'AN', 1, 30, 'Industry Code'),
        co(`${ref}-3`, dated ? 'R' : 'N', 'ID', 2, 3, 'Date Time Period Format Qualifier', options.dates),
        co(`${ref}-4`, dated ? 'R' : 'N', 'AN', 1, 35, 'Date Time Period'),
        co(`${ref}-5`, options.amount ? 'R' : 'N', 'R', 1, 18, 'Monetary Amount'),
        co(`${ref}-6`, 'N', 'R', 1, 15, 'Quantity'),
        co(`${ref}-7`, 'N', 'AN', 1, 30, 'Version Identifier'),
        co(`${ref}-8`, 'N', 'AN', 1, 30, 'Industry Code'),
        co(`${ref}-9`, options.presentOnAdmission ? 'S' : 'N', 'ID', 1, 1, 'Present on Admission Indicator', [
          'N',
          'U',
          'W',
          'Y',
        ]),
      ]),
    );
  }
  return seg('HI', name, options.usage, options.repeat, elements, {
    qualifier: { element: 1, component: 1, values: options.firstQualifiers },
  });
}

export interface CLMOptions {
  /** CLM05-2: B place of service (837P), A uniform billing facility type (837I). */
  facilityQualifier: string;
  /** CLM05-3 codes, or undefined for the external claim frequency code list (837I). */
  frequencyCodes?: readonly string[];
  professional: boolean;
}

/** CLM Claim Information: the 2300 trigger. */
export function CLM(options: CLMOptions): SegmentDef {
  const professionalOnly: Usage = options.professional ? 'S' : 'N';
  return seg('CLM', 'Claim Information', 'R', 1, [
    // CLM01: element max is 38, but the guide limits what may be sent to 20 (277CA and 835 echo it back)
    el('CLM01', 'R', 'AN', 1, 20, 'Patient Control Number'),
    el('CLM02', 'R', 'R', 1, 18, 'Total Claim Charge Amount'),
    na('CLM03', 'Claim Filing Indicator Code'),
    na('CLM04', 'Non-Institutional Claim Type Code'),
    composite('CLM05', 'R', 'Health Care Service Location Information', [
      co('CLM05-1', 'R', 'AN', 1, 2, options.professional ? 'Place of Service Code' : 'Facility Type Code'),
      co('CLM05-2', 'R', 'ID', 1, 2, 'Facility Code Qualifier', [options.facilityQualifier]),
      co('CLM05-3', 'R', 'ID', 1, 1, 'Claim Frequency Type Code', options.frequencyCodes),
    ]),
    el('CLM06', options.professional ? 'R' : 'N', 'ID', 1, 1, 'Provider or Supplier Signature Indicator', [
      'N',
      'Y',
    ]),
    el('CLM07', 'R', 'ID', 1, 1, 'Assignment or Plan Participation Code', ['A', 'B', 'C']),
    el('CLM08', 'R', 'ID', 1, 1, 'Benefits Assignment Certification Indicator', ['N', 'W', 'Y']),
    el('CLM09', 'R', 'ID', 1, 1, 'Release of Information Code', ['I', 'Y']),
    el('CLM10', professionalOnly, 'ID', 1, 1, 'Patient Signature Source Code', ['P']),
    composite('CLM11', professionalOnly, 'Related Causes Information', [
      co('CLM11-1', 'R', 'ID', 2, 3, 'Related-Causes Code', ['AA', 'EM', 'OA']),
      co('CLM11-2', 'S', 'ID', 2, 3, 'Related-Causes Code', ['AA', 'EM', 'OA']),
      co('CLM11-3', 'N', 'ID', 2, 3, 'Related-Causes Code'),
      co('CLM11-4', 'S', 'ID', 2, 2, 'Auto Accident State or Province Code'),
      co('CLM11-5', 'S', 'ID', 2, 3, 'Country Code'),
    ]),
    el('CLM12', professionalOnly, 'ID', 2, 3, 'Special Program Indicator', ['02', '03', '05', '09']),
    na('CLM13', 'Yes/No Condition or Response Code'),
    na('CLM14', 'Level of Service Code'),
    na('CLM15', 'Yes/No Condition or Response Code'),
    na('CLM16', 'Provider Agreement Code'),
    na('CLM17', 'Claim Status Code'),
    na('CLM18', 'Yes/No Condition or Response Code'),
    na('CLM19', 'Claim Submission Reason Code'),
    el('CLM20', 'S', 'ID', 1, 2, 'Delay Reason Code', [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '15',
    ]),
  ]);
}
