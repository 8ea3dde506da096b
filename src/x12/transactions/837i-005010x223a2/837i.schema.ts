/**
 * 837 Health Care Claim: Institutional, implementation guide 005010X223A2, as data. Same HL hierarchy
 * as the professional guide (2000A > 2000B > 2300 | 2000C > 2300); the claim carries CL1 and the
 * UB-04 code sets in HI, and service lines are SV2 revenue lines (at most 999 per claim).
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
import { el, loop, na, pad2, seg } from '../common/schema-builders';
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

const VERSION = '005010X223A2';
const PROVIDER_SECONDARY_IDS = ['0B', '1G', 'G2', 'LU'];
// 837I HCP: claim level has no repriced procedure code (HCP09/HCP10 not used)
const CLAIM_PRICING = { notUsed: [9, 10], procedureQualifiers: [], units: ['DA', 'UN'] };
const LINE_PRICING = {
  notUsed: [],
  procedureQualifiers: ['ER', 'HC', 'HP', 'IV', 'WK'],
  units: ['DA', 'UN'],
};

// --- 2300 Claim Information -------------------------------------------------------------------------

function institutionalClaimCodeCL1(): SegmentDef {
  return seg('CL1', 'Institutional Claim Code', 'R', 1, [
    el('CL101', 'S', 'ID', 1, 1, 'Admission Type Code'),
    el('CL102', 'S', 'ID', 1, 1, 'Admission Source Code'),
    el('CL103', 'R', 'ID', 1, 2, 'Patient Status Code'),
    na('CL104', 'Nursing Home Residential Status Code'),
  ]);
}

const CLAIM_NOTE_CODES = [
  'ALG',
  'DCP',
  'DGN',
  'DME',
  'MED',
  'NTR',
  'ODT',
  'RHB',
  'RLH',
  'RNH',
  'SET',
  'SFM',
  'SPT',
  'UPI',
];

function claimSegments(): SegmentDef[] {
  return [
    DTP('Discharge Hour', 'S', 1, ['096'], ['TM']),
    DTP('Statement Dates', 'R', 1, ['434'], ['RD8']),
    DTP('Admission Date/Hour', 'S', 1, ['435'], ['D8', 'DT']),
    DTP('Date - Repricer Received Date', 'S', 1, ['050']),
    institutionalClaimCodeCL1(),
    PWK('S'),
    CN1(),
    AMT('Patient Estimated Amount Due', 'S', ['F3']),
    REF('Service Authorization Exception Code', 'S', 1, ['4N']),
    REF('Referral Number', 'S', 1, ['9F']),
    REF('Prior Authorization', 'S', 1, ['G1']),
    // 2300 REF*F8 only when CLM05-3 is 7 or 8 (rule in 837i.rules.ts)
    REF('Payer Claim Control Number', 'S', 1, ['F8']),
    REF('Repriced Claim Number', 'S', 1, ['9A']),
    REF('Adjusted Repriced Claim Number', 'S', 1, ['9C']),
    REF('Investigational Device Exemption Number', 'S', 5, ['LX']),
    REF('Claim Identifier For Transmission Intermediaries', 'S', 1, ['D9']),
    REF('Auto Accident State', 'S', 1, ['LU']),
    REF('Medical Record Number', 'S', 1, ['EA']),
    REF('Demonstration Project Identifier', 'S', 1, ['P4']),
    REF('Peer Review Organization (PRO) Approval Number', 'S', 1, ['G4']),
    K3('S', 10),
    NTE('Claim Note', 'S', 10, CLAIM_NOTE_CODES),
    NTE('Billing Note', 'S', 1, ['ADD']),
    CRC('EPSDT Referral', 1, ['ZZ'], ['N', 'Y'], ['AV', 'NU', 'S2', 'ST'], 3),
    HI('Principal Diagnosis', {
      usage: 'R',
      repeat: 1,
      firstQualifiers: ['ABK', 'BK'],
      otherQualifiers: [],
      elements: 1,
      presentOnAdmission: true,
    }),
    HI('Admitting Diagnosis', {
      usage: 'S',
      repeat: 1,
      firstQualifiers: ['ABJ', 'BJ'],
      otherQualifiers: [],
      elements: 1,
    }),
    HI("Patient's Reason For Visit", {
      usage: 'S',
      repeat: 1,
      firstQualifiers: ['APR', 'PR'],
      otherQualifiers: ['APR', 'PR'],
      elements: 3,
    }),
    HI('External Cause of Injury', {
      usage: 'S',
      repeat: 1,
      firstQualifiers: ['ABN', 'BN'],
      otherQualifiers: ['ABN', 'BN'],
      presentOnAdmission: true,
    }),
    HI('Diagnosis Related Group (DRG) Information', {
      usage: 'S',
      repeat: 1,
      firstQualifiers: ['DR'],
      otherQualifiers: [],
      elements: 1,
    }),
    HI('Other Diagnosis Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['ABF', 'BF'],
      otherQualifiers: ['ABF', 'BF'],
      presentOnAdmission: true,
    }),
    HI('Principal Procedure Information', {
      usage: 'S',
      repeat: 1,
      firstQualifiers: ['BBR', 'BR', 'CAH'],
      otherQualifiers: [],
      elements: 1,
      dates: ['D8'],
    }),
    HI('Other Procedure Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['BBQ', 'BQ'],
      otherQualifiers: ['BBQ', 'BQ'],
      dates: ['D8'],
    }),
    HI('Occurrence Span Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['BI'],
      otherQualifiers: ['BI'],
      dates: ['RD8'],
    }),
    HI('Occurrence Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['BH'],
      otherQualifiers: ['BH'],
      dates: ['D8'],
    }),
    HI('Value Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['BE'],
      otherQualifiers: ['BE'],
      amount: true,
    }),
    HI('Condition Information', { usage: 'S', repeat: 2, firstQualifiers: ['BG'], otherQualifiers: ['BG'] }),
    HI('Treatment Code Information', {
      usage: 'S',
      repeat: 2,
      firstQualifiers: ['TC'],
      otherQualifiers: ['TC'],
    }),
    HCP('Claim Pricing/Repricing Information', CLAIM_PRICING),
  ];
}

function claimProviderLoops() {
  const provider = (
    id: string,
    name: string,
    codes: string[],
    extra: SegmentDef[],
    ids: string[],
    refRepeat: number,
  ) =>
    loop(id, name, 'S', 1, NM1(name, codes, { entityTypes: ['1'], idQualifiers: ['XX'], idUsage: 'S' }), [
      ...extra,
      REF(`${name} Secondary Identification`, 'S', refRepeat, ids),
    ]);
  return [
    provider(
      '2310A',
      'Attending Provider Name',
      ['71'],
      [PRV('Attending Provider Specialty Information', 'S', ['AT'])],
      PROVIDER_SECONDARY_IDS,
      4,
    ),
    provider('2310B', 'Operating Physician Name', ['72'], [], PROVIDER_SECONDARY_IDS, 4),
    provider('2310C', 'Other Operating Physician Name', ['ZZ'], [], PROVIDER_SECONDARY_IDS, 4),
    provider('2310D', 'Rendering Provider Name', ['82'], [], PROVIDER_SECONDARY_IDS, 4),
    loop(
      '2310E',
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
      ],
    ),
    provider('2310F', 'Referring Provider Name', ['DN'], [], ['0B', '1G', 'G2'], 3),
  ];
}

function inpatientAdjudicationMIA(): SegmentDef {
  const elements = [
    el('MIA01', 'R', 'R', 1, 15, 'Covered Days or Visits Count'),
    na('MIA02', 'Monetary Amount'),
    el('MIA03', 'S', 'R', 1, 15, 'Lifetime Psychiatric Days Count'),
  ];
  for (let n = 4; n <= 24; n++) {
    const ref = `MIA${pad2(n)}`;
    if (n === 5 || n >= 20) elements.push(el(ref, 'S', 'AN', 1, 50, 'Claim Payment Remark Code'));
    else if (n === 15) elements.push(el(ref, 'S', 'R', 1, 15, 'Cost Report Day Count'));
    else elements.push(el(ref, 'S', 'R', 1, 18, 'Monetary Amount'));
  }
  return seg('MIA', 'Inpatient Adjudication Information', 'S', 1, elements);
}

function otherSubscriberLoop() {
  return loop('2320', 'Other Subscriber Information', 'S', 10, otherSubscriberSBR('N'), [
    CAS('Claim Level Adjustments'),
    AMT('Coordination of Benefits (COB) Payer Paid Amount', 'S', ['D']),
    AMT('Remaining Patient Liability', 'S', ['EAF']),
    AMT('Coordination of Benefits (COB) Total Non-Covered Amount', 'S', ['A8']),
    OI('N'),
    inpatientAdjudicationMIA(),
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
        REF('Other Subscriber Secondary Identification', 'S', 2, ['SY']),
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
      'Other Payer Attending Provider',
      ['71'],
      ['1'],
      PROVIDER_SECONDARY_IDS,
      1,
      4,
    ),
    otherPayerProviderLoop(
      '2330D',
      'Other Payer Operating Physician',
      ['72'],
      ['1'],
      PROVIDER_SECONDARY_IDS,
      1,
      4,
    ),
    otherPayerProviderLoop(
      '2330E',
      'Other Payer Other Operating Physician',
      ['ZZ'],
      ['1'],
      PROVIDER_SECONDARY_IDS,
      1,
      4,
    ),
    otherPayerProviderLoop(
      '2330F',
      'Other Payer Service Facility Location',
      ['77'],
      ['2'],
      ['0B', 'G2', 'LU'],
      1,
      3,
    ),
    otherPayerProviderLoop(
      '2330G',
      'Other Payer Rendering Provider Name',
      ['82'],
      ['1'],
      PROVIDER_SECONDARY_IDS,
      1,
      4,
    ),
    otherPayerProviderLoop(
      '2330H',
      'Other Payer Referring Provider',
      ['DN'],
      ['1'],
      ['0B', '1G', 'G2'],
      1,
      3,
    ),
    otherPayerProviderLoop('2330I', 'Other Payer Billing Provider', ['85'], ['2'], ['G2', 'LU'], 1, 2),
  ]);
}

// --- 2400 Service Line ------------------------------------------------------------------------------

function institutionalServiceSV2(): SegmentDef {
  return seg('SV2', 'Institutional Service Line', 'R', 1, [
    el('SV201', 'R', 'AN', 1, 48, 'Service Line Revenue Code'),
    procedureComposite('SV202', 'S', ['ER', 'HC', 'HP', 'IV', 'WK']),
    el('SV203', 'R', 'R', 1, 18, 'Line Item Charge Amount'),
    el('SV204', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['DA', 'UN']),
    el('SV205', 'R', 'R', 1, 15, 'Service Unit Count'),
    na('SV206', 'Unit Rate'),
    el('SV207', 'S', 'R', 1, 18, 'Line Item Denied Charge or Non-Covered Charge Amount'),
    na('SV208', 'Yes/No Condition or Response Code'),
    na('SV209', 'Nursing Home Residential Status Code'),
    na('SV210', 'Level of Care Code'),
  ]);
}

function serviceLineLoop() {
  const lineProvider = (id: string, name: string, codes: string[], ids: string[]) =>
    loop(id, name, 'S', 1, NM1(name, codes, { entityTypes: ['1'], idQualifiers: ['XX'], idUsage: 'S' }), [
      REF(`${name} Secondary Identification`, 'S', 20, ids, { otherPayer: true }),
    ]);
  // 837I: at most 999 service lines per claim
  return loop('2400', 'Service Line Number', 'R', 999, LX(), [
    institutionalServiceSV2(),
    PWK('S'),
    DTP('Date - Service Date', 'S', 1, ['472'], ['D8', 'RD8']),
    // REF*6R line item control number: unique within the claim (rule in 837i.rules.ts)
    REF('Line Item Control Number', 'S', 1, ['6R']),
    REF('Repriced Line Item Reference Number', 'S', 1, ['9B']),
    REF('Adjusted Repriced Line Item Reference Number', 'S', 1, ['9D']),
    AMT('Service Tax Amount', 'S', ['GT']),
    AMT('Facility Tax Amount', 'S', ['N8']),
    NTE('Third Party Organization Notes', 'S', 1, ['TPO']),
    HCP('Line Pricing/Repricing Information', LINE_PRICING),
    loop('2410', 'Drug Identification', 'S', 1, LIN(['N4']), [
      CTP(),
      REF('Prescription or Compound Drug Association Number', 'S', 1, ['VY', 'XZ']),
    ]),
    lineProvider('2420A', 'Operating Physician Name', ['72'], PROVIDER_SECONDARY_IDS),
    lineProvider('2420B', 'Other Operating Physician Name', ['ZZ'], PROVIDER_SECONDARY_IDS),
    lineProvider('2420C', 'Rendering Provider Name', ['82'], PROVIDER_SECONDARY_IDS),
    lineProvider('2420D', 'Referring Provider Name', ['DN'], ['0B', '1G', 'G2']),
    loop('2430', 'Line Adjudication Information', 'S', 15, SVD('S', 'R', ['ER', 'HC', 'HP', 'IV', 'WK']), [
      CAS('Line Adjustment'),
      DTP('Line Check or Remittance Date', 'R', 1, ['573']),
      AMT('Remaining Patient Liability', 'S', ['EAF']),
    ]),
  ]);
}

function claimLoop(usage: Usage) {
  // CLM05-3 is the UB-04 claim frequency code (external code list): not enumerated here
  return loop('2300', 'Claim Information', usage, 100, CLM({ facilityQualifier: 'A', professional: false }), [
    ...claimSegments(),
    ...claimProviderLoops(),
    otherSubscriberLoop(),
    serviceLineLoop(),
  ]);
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
      NM1('Billing Provider Name', ['85'], { entityTypes: ['2'], idQualifiers: ['XX'], idUsage: 'S' }),
      [
        N3('Billing Provider Address', 'R'),
        N4('Billing Provider City, State, ZIP Code', 'R'),
        REF('Billing Provider Tax Identification', 'R', 1, ['EI']),
        PER('Billing Provider Contact Information', 'S', 2, ['EM', 'FX', 'TE']),
      ],
    ),
    addressLoop('2010AB', 'Pay-to Address Name', '87', ['2']),
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
        subscriberSBR('N'),
        loop(
          '2010BA',
          'Subscriber Name',
          'R',
          1,
          NM1('Subscriber Name', ['IL'], {
            entityTypes: ['1', '2'],
            idQualifiers: ['II', 'MI'],
            idUsage: 'S',
          }),
          [
            N3('Subscriber Address', 'S'),
            N4('Subscriber City, State, ZIP Code', 'S'),
            DMG('Subscriber Demographic Information', 'S'),
            REF('Subscriber Secondary Identification', 'S', 1, ['SY']),
            REF('Property and Casualty Claim Number', 'S', 1, ['Y4']),
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
            REF('Billing Provider Secondary Identification', 'S', 1, ['G2', 'LU']),
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
            PAT('R', 'R', 'N'),
            loop('2010CA', 'Patient Name', 'R', 1, NM1('Patient Name', ['QC'], { entityTypes: ['1'] }), [
              N3('Patient Address', 'R'),
              N4('Patient City, State, ZIP Code', 'R'),
              DMG('Patient Demographic Information', 'R'),
              REF('Property and Casualty Claim Number', 'S', 1, ['Y4']),
              REF('Property and Casualty Patient Identifier', 'S', 1, ['1W', 'SY']),
            ]),
            claimLoop('R'),
          ],
        ),
      ],
    ),
  ],
);

export const schema837I: TransactionSchema = {
  id: '837I',
  transactionSet: '837',
  version: VERSION,
  functionalIdentifier: 'HC',
  children: [
    ST('837', VERSION),
    BHT(),
    loop('1000A', 'Submitter Name', 'R', 1, submitterName(), [submitterContact()]),
    loop('1000B', 'Receiver Name', 'R', 1, receiverName()),
    billingProviderLoop,
    SE(),
  ],
};
