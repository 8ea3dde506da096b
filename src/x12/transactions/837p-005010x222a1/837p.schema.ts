/**
 * 837 Health Care Claim: Professional, implementation guide 005010X222A1, as data. Loops are nested
 * the way the guide presents its HL hierarchy: 2000A billing provider > 2000B subscriber > 2300 claims
 * (when the patient is the subscriber) and 2000C patient > 2300 claims.
 */
import type { SegmentDef, TransactionSchema, Usage } from '../../schema/types';
import {
  BHT,
  CLM,
  CRC,
  DMG,
  HI,
  MOA,
  OI,
  PAT,
  addressLoop,
  otherPayerProviderLoop,
  otherSubscriberSBR,
  receiverName,
  submitterContact,
  submitterName,
  subscriberSBR,
} from '../common/claim-837-segments';
import { co, composite, el, loop, na, seg } from '../common/schema-builders';
import {
  AMT,
  CAS,
  CN1,
  CTP,
  CUR,
  DTP,
  HCP,
  HL,
  K3,
  LIN,
  LX,
  N3,
  N4,
  NM1,
  NTE,
  PER,
  PRV,
  PWK,
  REF,
  SE,
  ST,
  SVD,
  procedureComposite,
} from '../common/x12-segments';

const VERSION = '005010X222A1';

// --- 2300 Claim Information -------------------------------------------------------------------------

function claimDates(): SegmentDef[] {
  return [
    DTP('Date - Onset of Current Illness or Symptom', 'S', 1, ['431']),
    DTP('Date - Initial Treatment Date', 'S', 1, ['454']),
    DTP('Date - Last Seen Date', 'S', 1, ['304']),
    DTP('Date - Acute Manifestation', 'S', 1, ['453']),
    DTP('Date - Accident', 'S', 1, ['439']),
    DTP('Date - Last Menstrual Period', 'S', 1, ['484']),
    DTP('Date - Last X-ray Date', 'S', 1, ['455']),
    DTP('Date - Hearing and Vision Prescription Date', 'S', 1, ['471']),
    DTP('Date - Disability Dates', 'S', 1, ['314', '360', '361'], ['D8', 'RD8']),
    DTP('Date - Last Worked', 'S', 1, ['297']),
    DTP('Date - Authorized Return to Work', 'S', 1, ['296']),
    DTP('Date - Admission', 'S', 1, ['435']),
    DTP('Date - Discharge', 'S', 1, ['096']),
    DTP('Date - Assumed and Relinquished Care Dates', 'S', 2, ['090', '091']),
    DTP('Date - Property and Casualty Date of First Contact', 'S', 1, ['444']),
    DTP('Date - Repricer Received Date', 'S', 1, ['050']),
  ];
}

function claimReferences(): SegmentDef[] {
  return [
    REF('Service Authorization Exception Code', 'S', 1, ['4N']),
    REF('Mandatory Medicare (Section 4081) Crossover Indicator', 'S', 1, ['F5']),
    REF('Mammography Certification Number', 'S', 1, ['EW']),
    REF('Referral Number', 'S', 1, ['9F']),
    REF('Prior Authorization', 'S', 1, ['G1']),
    // 2300 REF*F8 only when CLM05-3 is 7 or 8 (rule in 837p.rules.ts)
    REF('Payer Claim Control Number', 'S', 1, ['F8']),
    REF('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
    REF('Repriced Claim Number', 'S', 1, ['9A']),
    REF('Adjusted Repriced Claim Number', 'S', 1, ['9C']),
    REF('Investigational Device Exemption Number', 'S', 1, ['LX']),
    REF('Claim Identifier For Transmission Intermediaries', 'S', 1, ['D9']),
    REF('Medical Record Number', 'S', 1, ['EA']),
    REF('Demonstration Project Identifier', 'S', 1, ['P4']),
    REF('Care Plan Oversight', 'S', 1, ['1J']),
  ];
}

function ambulanceTransportCR1(): SegmentDef {
  return seg(
    'CR1',
    'Ambulance Transport Information',
    'S',
    1,
    [
      el('CR101', 'S', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['LB']),
      el('CR102', 'S', 'R', 1, 10, 'Patient Weight'),
      na('CR103', 'Ambulance Transport Code'),
      el('CR104', 'R', 'ID', 1, 1, 'Ambulance Transport Reason Code', ['A', 'B', 'C', 'D', 'E']),
      el('CR105', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['DH']),
      el('CR106', 'R', 'R', 1, 15, 'Transport Distance'),
      na('CR107', 'Address Information'),
      na('CR108', 'Address Information'),
      el('CR109', 'S', 'AN', 1, 80, 'Round Trip Purpose Description'),
      el('CR110', 'S', 'AN', 1, 80, 'Stretcher Purpose Description'),
    ],
    { syntax: ['P0102', 'P0506'] },
  );
}

function spinalManipulationCR2(): SegmentDef {
  return seg('CR2', 'Spinal Manipulation Service Information', 'S', 1, [
    na('CR201', 'Count'),
    na('CR202', 'Quantity'),
    na('CR203', 'Subluxation Level Code'),
    na('CR204', 'Subluxation Level Code'),
    na('CR205', 'Unit or Basis for Measurement Code'),
    na('CR206', 'Quantity'),
    na('CR207', 'Quantity'),
    el('CR208', 'R', 'ID', 1, 1, 'Patient Condition Code', ['A', 'C', 'D', 'E', 'F', 'G', 'M']),
    na('CR209', 'Yes/No Condition or Response Code'),
    el('CR210', 'S', 'AN', 1, 80, 'Patient Condition Description'),
    el('CR211', 'S', 'AN', 1, 80, 'Patient Condition Description'),
    na('CR212', 'Yes/No Condition or Response Code'),
  ]);
}

const YES_NO = ['N', 'Y'];
// SV107: pointers to the HI diagnosis codes (at most 12)
const DIAGNOSIS_POINTERS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];
// 837P HCP: no repriced procedure at claim level (HCP08-12 not used); at line level HCP08 not used
const CLAIM_PRICING = {
  notUsed: [8, 9, 10, 11, 12],
  procedureQualifiers: [],
  units: [],
  excludedMethodologies: ['06'],
};
const LINE_PRICING = { notUsed: [8], procedureQualifiers: ['ER', 'HC', 'IV', 'WK'], units: ['MJ', 'UN'] };
const AMBULANCE_CONDITIONS = ['01', '04', '05', '06', '07', '08', '09', '12'];

function referenceLoop(
  id: string,
  name: string,
  usage: Usage,
  repeat: number,
  trigger: SegmentDef,
  refs: SegmentDef[],
) {
  return loop(id, name, usage, repeat, trigger, refs);
}

const PROVIDER_SECONDARY_IDS = ['0B', '1G', 'G2', 'LU'];

function claimProviderLoops() {
  return [
    referenceLoop(
      '2310A',
      'Referring Provider Name',
      'S',
      2,
      NM1('Referring Provider Name', ['DN', 'P3'], {
        entityTypes: ['1'],
        idQualifiers: ['XX'],
        idUsage: 'S',
      }),
      [REF('Referring Provider Secondary Identification', 'S', 3, ['0B', '1G', 'G2'])],
    ),
    referenceLoop(
      '2310B',
      'Rendering Provider Name',
      'S',
      1,
      NM1('Rendering Provider Name', ['82'], { entityTypes: ['1', '2'], idQualifiers: ['XX'], idUsage: 'S' }),
      [
        PRV('Rendering Provider Specialty Information', 'S', ['PE']),
        REF('Rendering Provider Secondary Identification', 'S', 4, PROVIDER_SECONDARY_IDS),
      ],
    ),
    referenceLoop(
      '2310C',
      'Service Facility Location Name',
      'S',
      1,
      NM1('Service Facility Location Name', ['77'], {
        entityTypes: ['2'],
        idQualifiers: ['XX'],
        idUsage: 'S',
      }),
      [
        N3('Service Facility Location Address', 'R'),
        N4('Service Facility Location City, State, ZIP Code', 'R'),
        REF('Service Facility Location Secondary Identification', 'S', 3, ['0B', 'G2', 'LU']),
        PER('Service Facility Contact Information', 'S', 1, ['TE'], { telephoneOnly: true }),
      ],
    ),
    referenceLoop(
      '2310D',
      'Supervising Provider Name',
      'S',
      1,
      NM1('Supervising Provider Name', ['DQ'], { entityTypes: ['1'], idQualifiers: ['XX'], idUsage: 'S' }),
      [REF('Supervising Provider Secondary Identification', 'S', 4, PROVIDER_SECONDARY_IDS)],
    ),
    addressLoop('2310E', 'Ambulance Pick-up Location', 'PW', ['2']),
    addressLoop('2310F', 'Ambulance Drop-off Location', '45', ['2'], 'S'),
  ];
}

function otherSubscriberLoop() {
  return loop('2320', 'Other Subscriber Information', 'S', 10, otherSubscriberSBR('S'), [
    CAS('Claim Level Adjustments'),
    AMT('Coordination of Benefits (COB) Payer Paid Amount', 'S', ['D']),
    AMT('Coordination of Benefits (COB) Total Non-Covered Amount', 'S', ['A8']),
    AMT('Remaining Patient Liability', 'S', ['EAF']),
    OI('S'),
    MOA(),
    loop(
      '2330A',
      'Other Subscriber Name',
      'R',
      1,
      NM1('Other Subscriber Name', ['IL'], { entityTypes: ['1', '2'], idQualifiers: ['II', 'MI'] }),
      [
        N3('Other Subscriber Address', 'S'),
        N4('Other Subscriber City, State, ZIP Code', 'S'),
        REF('Other Subscriber Secondary Identification', 'S', 1, ['SY']),
      ],
    ),
    loop(
      '2330B',
      'Other Payer Name',
      'R',
      1,
      NM1('Other Payer Name', ['PR'], { entityTypes: ['2'], idQualifiers: ['PI', 'XV'] }),
      [
        N3('Other Payer Address', 'S'),
        N4('Other Payer City, State, ZIP Code', 'S'),
        DTP('Claim Check or Remittance Date', 'S', 1, ['573']),
        REF('Other Payer Secondary Identifier', 'S', 2, ['2U', 'EI', 'FY', 'NF']),
        REF('Other Payer Prior Authorization Number', 'S', 1, ['G1']),
        REF('Other Payer Referral Number', 'S', 1, ['9F']),
        REF('Other Payer Claim Adjustment Indicator', 'S', 1, ['T4']),
        REF('Other Payer Claim Control Number', 'S', 1, ['F8']),
      ],
    ),
    otherPayerProviderLoop(
      '2330C',
      'Other Payer Referring Provider',
      ['DN', 'P3'],
      ['1'],
      ['0B', '1G', 'G2'],
      2,
      3,
    ),
    otherPayerProviderLoop(
      '2330D',
      'Other Payer Rendering Provider',
      ['82'],
      ['1', '2'],
      PROVIDER_SECONDARY_IDS,
      1,
      3,
    ),
    otherPayerProviderLoop(
      '2330E',
      'Other Payer Service Facility Location',
      ['77'],
      ['2'],
      ['0B', 'G2', 'LU'],
      1,
      3,
    ),
    otherPayerProviderLoop(
      '2330F',
      'Other Payer Supervising Provider',
      ['DQ'],
      ['1'],
      PROVIDER_SECONDARY_IDS,
      1,
      3,
    ),
    otherPayerProviderLoop('2330G', 'Other Payer Billing Provider', ['85'], ['1', '2'], ['G2', 'LU'], 1, 2),
  ]);
}

// --- 2400 Service Line ------------------------------------------------------------------------------

function professionalServiceSV1(): SegmentDef {
  const elements = [
    procedureComposite('SV101', 'R', ['ER', 'HC', 'IV', 'WK']),
    el('SV102', 'R', 'R', 1, 18, 'Line Item Charge Amount'),
    el('SV103', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['MJ', 'UN']),
    el('SV104', 'R', 'R', 1, 15, 'Service Unit Count'),
    el('SV105', 'S', 'AN', 1, 2, 'Place of Service Code'),
    na('SV106', 'Service Type Code'),
    composite('SV107', 'R', 'Composite Diagnosis Code Pointer', [
      co('SV107-1', 'R', 'N0', 1, 2, 'Diagnosis Code Pointer', DIAGNOSIS_POINTERS),
      co('SV107-2', 'S', 'N0', 1, 2, 'Diagnosis Code Pointer', DIAGNOSIS_POINTERS),
      co('SV107-3', 'S', 'N0', 1, 2, 'Diagnosis Code Pointer', DIAGNOSIS_POINTERS),
      co('SV107-4', 'S', 'N0', 1, 2, 'Diagnosis Code Pointer', DIAGNOSIS_POINTERS),
    ]),
    na('SV108', 'Monetary Amount'),
    el('SV109', 'S', 'ID', 1, 1, 'Emergency Indicator', ['Y']),
    na('SV110', 'Multiple Procedure Code'),
    el('SV111', 'S', 'ID', 1, 1, 'EPSDT Indicator', ['Y']),
    el('SV112', 'S', 'ID', 1, 1, 'Family Planning Indicator', ['Y']),
    na('SV113', 'Review Code'),
    na('SV114', 'National or Local Assigned Review Value'),
    el('SV115', 'S', 'ID', 1, 1, 'Copay Status Code', ['0']),
    na('SV116', 'Health Care Professional Shortage Area Code'),
    na('SV117', 'Reference Identification'),
    na('SV118', 'Postal Code'),
    na('SV119', 'Monetary Amount'),
    na('SV120', 'Level of Care Code'),
    na('SV121', 'Provider Agreement Code'),
  ];
  return seg('SV1', 'Professional Service', 'R', 1, elements);
}

function durableMedicalEquipmentSV5(): SegmentDef {
  return seg('SV5', 'Durable Medical Equipment Service', 'S', 1, [
    composite('SV501', 'R', 'Composite Medical Procedure Identifier', [
      co('SV501-1', 'R', 'ID', 2, 2, 'Product/Service ID Qualifier', ['HC']),
      co('SV501-2', 'R', 'AN', 1, 48, 'Procedure Identifier'),
    ]),
    el('SV502', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['DA']),
    el('SV503', 'R', 'R', 1, 15, 'Length of Medical Necessity'),
    el('SV504', 'S', 'R', 1, 18, 'DME Rental Price'),
    el('SV505', 'S', 'R', 1, 18, 'DME Purchase Price'),
    el('SV506', 'S', 'ID', 1, 1, 'Rental Unit Price Indicator', ['1', '4', '6']),
  ]);
}

function lineSegments(): SegmentDef[] {
  return [
    professionalServiceSV1(),
    durableMedicalEquipmentSV5(),
    PWK('S'),
    seg(
      'PWK',
      'Durable Medical Equipment Certificate of Medical Necessity Indicator',
      'S',
      1,
      [
        el('PWK01', 'R', 'ID', 2, 2, 'Attachment Report Type Code', ['CT']),
        el('PWK02', 'R', 'ID', 1, 2, 'Attachment Transmission Code', ['AB', 'AD', 'AF', 'AG', 'NS']),
      ],
      { qualifier: { element: 1, values: ['CT'] } },
    ),
    ambulanceTransportCR1(),
    seg('CR3', 'Durable Medical Equipment Certification', 'S', 1, [
      el('CR301', 'R', 'ID', 1, 1, 'Certification Type Code', ['I', 'R', 'S']),
      el('CR302', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['MO']),
      el('CR303', 'R', 'R', 1, 15, 'Durable Medical Equipment Duration'),
      na('CR304', 'Insulin Dependent Code'),
      na('CR305', 'Description'),
    ]),
    CRC('Ambulance Certification', 3, ['07'], YES_NO, AMBULANCE_CONDITIONS),
    CRC('Hospice Employee Indicator', 1, ['70'], YES_NO, ['65'], 1),
    CRC('Condition Indicator/Durable Medical Equipment', 1, ['09'], YES_NO, ['38', 'ZV'], 2),
    DTP('Date - Service Date', 'R', 1, ['472'], ['D8', 'RD8']),
    DTP('Date - Prescription Date', 'S', 1, ['471']),
    DTP('Date - Certification Revision/Recertification Date', 'S', 1, ['607']),
    DTP('Date - Begin Therapy Date', 'S', 1, ['463']),
    DTP('Date - Last Certification Date', 'S', 1, ['461']),
    DTP('Date - Last Seen Date', 'S', 1, ['304']),
    DTP('Date - Test Date', 'S', 2, ['738', '739']),
    DTP('Date - Shipped Date', 'S', 1, ['011']),
    DTP('Date - Last X-ray Date', 'S', 1, ['455']),
    DTP('Date - Initial Treatment Date', 'S', 1, ['454']),
    seg('QTY', 'Ambulance Patient Count', 'S', 1, quantityElements(['PT']), {
      qualifier: { element: 1, values: ['PT'] },
    }),
    seg('QTY', 'Obstetric Anesthesia Additional Units', 'S', 1, quantityElements(['FL']), {
      qualifier: { element: 1, values: ['FL'] },
    }),
    seg('MEA', 'Test Result', 'S', 5, [
      el('MEA01', 'R', 'ID', 2, 2, 'Measurement Reference ID Code', ['OG', 'TR']),
      el('MEA02', 'R', 'ID', 1, 3, 'Measurement Qualifier', ['HT', 'R1', 'R2', 'R3', 'R4']),
      el('MEA03', 'R', 'R', 1, 20, 'Test Results'),
      na('MEA04', 'Composite Unit of Measure'),
      na('MEA05', 'Range Minimum'),
      na('MEA06', 'Range Maximum'),
      na('MEA07', 'Measurement Significance Code'),
      na('MEA08', 'Measurement Attribute Code'),
      na('MEA09', 'Surface/Layer/Position Code'),
      na('MEA10', 'Measurement Method or Device'),
    ]),
    CN1(),
    REF('Repriced Line Item Reference Number', 'S', 1, ['9B']),
    REF('Adjusted Repriced Line Item Reference Number', 'S', 1, ['9D']),
    REF('Prior Authorization', 'S', 5, ['G1'], { otherPayer: true }),
    // REF*6R line item control number: unique within the claim (rule in 837p.rules.ts)
    REF('Line Item Control Number', 'S', 1, ['6R']),
    REF('Mammography Certification Number', 'S', 1, ['EW']),
    REF('Clinical Laboratory Improvement Amendment (CLIA) Number', 'S', 1, ['X4']),
    REF('Referring Clinical Laboratory Improvement Amendment (CLIA) Facility Identification', 'S', 1, ['F4']),
    REF('Immunization Batch Number', 'S', 1, ['BT']),
    REF('Referral Number', 'S', 5, ['9F'], { otherPayer: true }),
    AMT('Sales Tax Amount', 'S', ['T']),
    AMT('Postage Claimed Amount', 'S', ['F4']),
    K3('S', 10),
    NTE('Line Note', 'S', 1, ['ADD', 'DCP']),
    NTE('Third Party Organization Notes', 'S', 1, ['TPO']),
    seg('PS1', 'Purchased Service Information', 'S', 1, [
      el('PS101', 'R', 'AN', 1, 50, 'Purchased Service Provider Identifier'),
      el('PS102', 'R', 'R', 1, 18, 'Purchased Service Charge Amount'),
      na('PS103', 'State or Province Code'),
    ]),
    HCP('Line Pricing/Repricing Information', LINE_PRICING),
  ];
}

function quantityElements(qualifiers: readonly string[]) {
  return [
    el('QTY01', 'R', 'ID', 2, 2, 'Quantity Qualifier', qualifiers),
    el('QTY02', 'R', 'R', 1, 15, 'Quantity'),
    na('QTY03', 'Composite Unit of Measure'),
    na('QTY04', 'Free-form Information'),
  ];
}

function lineProviderLoops() {
  const lineProvider = (
    id: string,
    name: string,
    codes: string[],
    types: string[],
    ids: string[],
    extra: SegmentDef[] = [],
    repeat = 1,
  ) =>
    loop(
      id,
      name,
      'S',
      repeat,
      NM1(name, codes, { entityTypes: types, idQualifiers: ['XX'], idUsage: 'S' }),
      [...extra, REF(`${name} Secondary Identification`, 'S', 20, ids, { otherPayer: true })],
    );
  return [
    lineProvider('2420A', 'Rendering Provider Name', ['82'], ['1', '2'], PROVIDER_SECONDARY_IDS, [
      PRV('Rendering Provider Specialty Information', 'S', ['PE']),
    ]),
    // 2420B: identified by NM108/NM109 only, the name elements are not used
    loop(
      '2420B',
      'Purchased Service Provider Name',
      'S',
      1,
      NM1('Purchased Service Provider Name', ['QB'], {
        entityTypes: ['1', '2'],
        lastName: 'N',
        personName: 'N',
        idQualifiers: ['XX'],
        idUsage: 'S',
      }),
      [
        REF('Purchased Service Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2'], {
          otherPayer: true,
        }),
      ],
    ),
    loop(
      '2420C',
      'Service Facility Location Name',
      'S',
      1,
      NM1('Service Facility Location Name', ['77'], {
        entityTypes: ['2'],
        idQualifiers: ['XX'],
        idUsage: 'S',
      }),
      [
        N3('Service Facility Location Address', 'R'),
        N4('Service Facility Location City, State, ZIP Code', 'R'),
        REF('Service Facility Location Secondary Identification', 'S', 3, ['G2', 'LU'], { otherPayer: true }),
      ],
    ),
    lineProvider('2420D', 'Supervising Provider Name', ['DQ'], ['1'], PROVIDER_SECONDARY_IDS),
    loop(
      '2420E',
      'Ordering Provider Name',
      'S',
      1,
      NM1('Ordering Provider Name', ['DK'], { entityTypes: ['1'], idQualifiers: ['XX'], idUsage: 'S' }),
      [
        N3('Ordering Provider Address', 'S'),
        N4('Ordering Provider City, State, ZIP Code', 'S'),
        REF('Ordering Provider Secondary Identification', 'S', 20, ['0B', '1G', 'G2'], { otherPayer: true }),
        PER('Ordering Provider Contact Information', 'S', 1, ['EM', 'FX', 'TE']),
      ],
    ),
    lineProvider('2420F', 'Referring Provider Name', ['DN', 'P3'], ['1'], ['0B', '1G', 'G2'], [], 2),
    addressLoop('2420G', 'Ambulance Pick-up Location', 'PW', ['2']),
    addressLoop('2420H', 'Ambulance Drop-off Location', '45', ['2'], 'S'),
  ];
}

function serviceLineLoop() {
  // 837P: at most 50 service lines per claim
  return loop('2400', 'Service Line Number', 'R', 50, LX(), [
    ...lineSegments(),
    loop('2410', 'Drug Identification', 'S', 1, LIN(['EN', 'EO', 'HI', 'N4', 'ON', 'UK', 'UP']), [
      CTP(),
      REF('Prescription or Compound Drug Association Number', 'S', 1, ['VY', 'XZ']),
    ]),
    ...lineProviderLoops(),
    loop('2430', 'Line Adjudication Information', 'S', 15, SVD('R', 'N', ['ER', 'HC', 'IV', 'WK']), [
      CAS('Line Adjustment'),
      DTP('Line Check or Remittance Date', 'R', 1, ['573']),
      AMT('Remaining Patient Liability', 'S', ['EAF']),
    ]),
    loop(
      '2440',
      'Form Identification Code',
      'S',
      '>1',
      seg('LQ', 'Form Identification Code', 'R', 1, [
        el('LQ01', 'R', 'ID', 1, 3, 'Code List Qualifier Code', ['AS', 'UT']),
        el('LQ02', 'R', 'AN', 1, 30, 'Form Identifier'),
      ]),
      [
        seg('FRM', 'Supporting Documentation', 'R', 99, [
          el('FRM01', 'R', 'AN', 1, 20, 'Question Number/Letter'),
          el('FRM02', 'S', 'ID', 1, 1, 'Question Response', ['N', 'W', 'Y']),
          el('FRM03', 'S', 'AN', 1, 50, 'Question Response'),
          el('FRM04', 'S', 'DT', 8, 8, 'Question Response'),
          el('FRM05', 'S', 'R', 1, 6, 'Question Response'),
        ]),
      ],
    ),
  ]);
}

function claimLoop(usage: Usage) {
  return loop(
    '2300',
    'Claim Information',
    usage,
    100,
    CLM({ facilityQualifier: 'B', frequencyCodes: ['1', '7', '8'], professional: true }),
    [
      ...claimDates(),
      PWK('S'),
      CN1(),
      AMT('Patient Amount Paid', 'S', ['F5']),
      ...claimReferences(),
      K3('S', 10),
      NTE('Claim Note', 'S', 1, ['ADD', 'CER', 'DCP', 'DGN', 'TPO']),
      ambulanceTransportCR1(),
      spinalManipulationCR2(),
      CRC('Ambulance Certification', 3, ['07'], YES_NO, AMBULANCE_CONDITIONS),
      CRC('Patient Condition Information: Vision', 3, ['E1', 'E2', 'E3'], YES_NO, [
        'L1',
        'L2',
        'L3',
        'L4',
        'L5',
      ]),
      CRC('Homebound Indicator', 1, ['75'], ['Y'], ['IH'], 1),
      CRC('EPSDT Referral', 1, ['ZZ'], YES_NO, ['AV', 'NU', 'S2', 'ST'], 3),
      HI('Health Care Diagnosis Code', {
        usage: 'R',
        repeat: 1,
        firstQualifiers: ['ABK', 'BK'],
        otherQualifiers: ['ABF', 'BF'],
      }),
      HI('Anesthesia Related Procedure', {
        usage: 'S',
        repeat: 1,
        firstQualifiers: ['BP'],
        otherQualifiers: ['BO'],
        elements: 2,
      }),
      HI('Condition Information', {
        usage: 'S',
        repeat: 2,
        firstQualifiers: ['BG'],
        otherQualifiers: ['BG'],
      }),
      HCP('Claim Pricing/Repricing Information', CLAIM_PRICING),
      ...claimProviderLoops(),
      otherSubscriberLoop(),
      serviceLineLoop(),
    ],
  );
}

// --- Hierarchy ----------------------------------------------------------------------------------------

const billingProviderLoop = loop(
  '2000A',
  'Billing Provider Hierarchical Level',
  'R',
  '>1',
  HL('Billing Provider Hierarchical Level', '20', 'N', ['1']),
  [
    PRV('Billing Provider Specialty Information', 'S', ['BI']),
    CUR(),
    loop(
      '2010AA',
      'Billing Provider Name',
      'R',
      1,
      NM1('Billing Provider Name', ['85'], { entityTypes: ['1', '2'], idQualifiers: ['XX'], idUsage: 'S' }),
      [
        N3('Billing Provider Address', 'R'),
        N4('Billing Provider City, State, ZIP Code', 'R'),
        REF('Billing Provider Tax Identification', 'R', 1, ['EI', 'SY']),
        REF('Billing Provider UPIN/License Information', 'S', 2, ['0B', '1G']),
        PER('Billing Provider Contact Information', 'S', 2, ['EM', 'FX', 'TE']),
      ],
    ),
    addressLoop('2010AB', 'Pay-to Address Name', '87', ['1', '2']),
    loop(
      '2010AC',
      'Pay-To Plan Name',
      'S',
      1,
      NM1('Pay-To Plan Name', ['PE'], { entityTypes: ['2'], idQualifiers: ['PI', 'XV'] }),
      [
        N3('Pay-to Plan Address', 'R'),
        N4('Pay-To Plan City, State, ZIP Code', 'R'),
        REF('Pay-to Plan Secondary Identification', 'S', 1, ['2U', 'FY', 'NF']),
        REF('Pay-To Plan Tax Identification Number', 'R', 1, ['EI']),
      ],
    ),
    loop(
      '2000B',
      'Subscriber Hierarchical Level',
      'R',
      '>1',
      HL('Subscriber Hierarchical Level', '22', 'R'),
      [
        subscriberSBR('S'),
        PAT('S', 'N'),
        loop(
          '2010BA',
          'Subscriber Name',
          'R',
          1,
          NM1('Subscriber Name', ['IL'], { entityTypes: ['1', '2'], idQualifiers: ['II', 'MI'] }),
          [
            N3('Subscriber Address', 'S'),
            N4('Subscriber City, State, ZIP Code', 'S'),
            DMG('Subscriber Demographic Information', 'S'),
            REF('Subscriber Secondary Identification', 'S', 1, ['SY']),
            REF('Property and Casualty Claim Number', 'S', 1, ['Y4']),
            PER('Property and Casualty Subscriber Contact Information', 'S', 1, ['TE'], {
              telephoneOnly: true,
            }),
          ],
        ),
        loop(
          '2010BB',
          'Payer Name',
          'R',
          1,
          NM1('Payer Name', ['PR'], { entityTypes: ['2'], idQualifiers: ['PI', 'XV'] }),
          [
            N3('Payer Address', 'S'),
            N4('Payer City, State, ZIP Code', 'S'),
            REF('Payer Secondary Identification', 'S', 3, ['2U', 'EI', 'FY', 'NF']),
            REF('Billing Provider Secondary Identification', 'S', 2, ['G2', 'LU']),
          ],
        ),
        // 2300 under 2000B only when the subscriber is the patient (SBR02 = 18)
        claimLoop('S'),
        loop(
          '2000C',
          'Patient Hierarchical Level',
          'S',
          '>1',
          HL('Patient Hierarchical Level', '23', 'R', ['0']),
          [
            PAT('R', 'R'),
            loop('2010CA', 'Patient Name', 'R', 1, NM1('Patient Name', ['QC'], { entityTypes: ['1'] }), [
              N3('Patient Address', 'R'),
              N4('Patient City, State, ZIP Code', 'R'),
              DMG('Patient Demographic Information', 'R'),
              REF('Property and Casualty Claim Number', 'S', 1, ['Y4']),
              REF('Property and Casualty Patient Identifier', 'S', 1, ['1W', 'SY']),
              PER('Property and Casualty Patient Contact Information', 'S', 1, ['TE'], {
                telephoneOnly: true,
              }),
            ]),
            claimLoop('R'),
          ],
        ),
      ],
    ),
  ],
);

export const schema837P: TransactionSchema = {
  id: '837P',
  transactionSet: '837',
  version: VERSION,
  functionalIdentifier: 'HC',
  children: [
    ST('837', VERSION),
    BHT(),
    loop('1000A', 'Submitter Name', 'R', 1, submitterName(), [submitterContact(['ED', 'EM', 'FX', 'TE'])]),
    loop('1000B', 'Receiver Name', 'R', 1, receiverName()),
    billingProviderLoop,
    SE(),
  ],
};
