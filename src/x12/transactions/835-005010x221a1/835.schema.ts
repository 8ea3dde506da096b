/**
 * 835 Health Care Claim Payment/Advice, implementation guide 005010X221A1, as data: header (BPR, TRN,
 * CUR, REF, DTM), 1000A payer, 1000B payee, 2000 header number (LX) > 2100 claim (CLP) > 2110 service
 * line (SVC), and the PLB provider adjustments. Usage, repeats and code values follow the guide; element
 * types and lengths follow the X12 5010 data element dictionary.
 */
import type { ElementDef, Repeat, SegmentDef, TransactionSchema, Usage } from '../../schema/types';
import { co, composite, el, loop, na, pad2, seg } from '../common/schema-builders';
import { N3, N4, NM1, REF, SE, ST } from '../common/x12-segments';

const VERSION = '005010X221A1';

/** 835 CAS01: 5010 dropped CR from the 835 (corrections are reversals plus new claims). */
const CAS_GROUP_CODES_835 = ['CO', 'OA', 'PI', 'PR'];
const CLP02_STATUS_CODES = ['1', '2', '3', '4', '19', '20', '21', '22', '23', '25'];
// prettier-ignore
const CLP06_FILING_INDICATORS = ['12', '13', '14', '15', '16', '17', 'AM', 'CH', 'DS', 'HM', 'LM', 'MA', 'MB', 'MC', 'OF', 'TV', 'VA', 'WC', 'ZZ'];
// prettier-ignore
const PLB_REASON_CODES = [
  '50', '51', '72', '90', 'AH', 'AM', 'AP', 'B2', 'B3', 'BD', 'BN', 'C5', 'CR', 'CS', 'CT', 'CV', 'CW', 'DM', 'E3',
  'FB', 'FC', 'GO', 'HM', 'IP', 'IR', 'IS', 'J1', 'L3', 'L6', 'LE', 'LS', 'OA', 'OB', 'PI', 'PL', 'RA', 'RE', 'SL',
  'TL', 'WO', 'WU',
];

/**
 * ST: 005010X221A1 marks ST03 "not used", yet many payers send it. We accept both (S) rather than
 * flag a harmless version echo; the files we write leave it out.
 */
function ST835(): SegmentDef {
  const st = ST('835', VERSION);
  return {
    ...st,
    elements: st.elements.map((element) => (element.ref === 'ST03' ? { ...element, usage: 'S' } : element)),
  };
}

// --- segments used only by the 835 -----------------------------------------------------------------

function BPR(): SegmentDef {
  const notUsed = [17, 18, 19, 20, 21].map((n) => na(`BPR${n}`, 'Not used'));
  return seg('BPR', 'Financial Information', 'R', 1, [
    el('BPR01', 'R', 'ID', 1, 2, 'Transaction Handling Code', ['C', 'D', 'H', 'I', 'P', 'U', 'X']),
    el('BPR02', 'R', 'R', 1, 18, 'Total Actual Provider Payment Amount'),
    el('BPR03', 'R', 'ID', 1, 1, 'Credit or Debit Flag Code', ['C', 'D']),
    el('BPR04', 'R', 'ID', 3, 3, 'Payment Method Code', ['ACH', 'BOP', 'CHK', 'FWT', 'NON']),
    el('BPR05', 'S', 'ID', 1, 10, 'Payment Format Code', ['CCP', 'CTX']),
    el('BPR06', 'S', 'ID', 2, 2, 'Sender DFI Identification Number Qualifier', ['01', '04']),
    el('BPR07', 'S', 'AN', 3, 12, 'Sender DFI Identifier'),
    el('BPR08', 'S', 'ID', 1, 3, 'Sender Account Number Qualifier', ['DA']),
    el('BPR09', 'S', 'AN', 1, 35, 'Sender Bank Account Number'),
    el('BPR10', 'S', 'AN', 10, 10, 'Payer Identifier'),
    el('BPR11', 'S', 'AN', 9, 9, 'Originating Company Supplemental Code'),
    el('BPR12', 'S', 'ID', 2, 2, 'Receiver DFI Identification Number Qualifier', ['01', '04']),
    el('BPR13', 'S', 'AN', 3, 12, 'Receiver or Provider Bank ID Number'),
    el('BPR14', 'S', 'ID', 1, 3, 'Receiver Account Number Qualifier', ['DA', 'SG']),
    el('BPR15', 'S', 'AN', 1, 35, 'Receiver or Provider Account Number'),
    el('BPR16', 'R', 'DT', 8, 8, 'Check Issue or EFT Effective Date'),
    ...notUsed,
  ]);
}

function TRN(): SegmentDef {
  return seg('TRN', 'Reassociation Trace Number', 'R', 1, [
    el('TRN01', 'R', 'ID', 1, 2, 'Trace Type Code', ['1']),
    el('TRN02', 'R', 'AN', 1, 50, 'Check or EFT Trace Number'),
    el('TRN03', 'R', 'AN', 10, 10, 'Payer Identifier'),
    el('TRN04', 'S', 'AN', 1, 50, 'Originating Company Supplemental Code'),
  ]);
}

function CUR(): SegmentDef {
  const elements: ElementDef[] = [
    el('CUR01', 'R', 'ID', 2, 3, 'Entity Identifier Code', ['PR']),
    el('CUR02', 'R', 'ID', 3, 3, 'Currency Code'),
  ];
  for (let n = 3; n <= 21; n++) elements.push(na(`CUR${pad2(n)}`, 'Not used'));
  return seg('CUR', 'Foreign Currency Information', 'S', 1, elements);
}

/** DTM Date/Time Reference; DTM01 qualifiers identify the segment among its siblings. */
function DTM(name: string, usage: Usage, repeat: Repeat, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'DTM',
    name,
    usage,
    repeat,
    [
      el('DTM01', 'R', 'ID', 3, 3, 'Date/Time Qualifier', qualifiers),
      el('DTM02', 'R', 'DT', 8, 8, 'Date'),
      na('DTM03', 'Time'),
      na('DTM04', 'Time Code'),
      na('DTM05', 'Date Time Period Format Qualifier'),
      na('DTM06', 'Date Time Period'),
    ],
    { qualifier: { element: 1, values: qualifiers } },
  );
}

function N1(name: string, entityCode: string, idUsage: Usage, idQualifiers: readonly string[]): SegmentDef {
  return seg(
    'N1',
    name,
    'R',
    1,
    [
      el('N101', 'R', 'ID', 2, 3, 'Entity Identifier Code', [entityCode]),
      el('N102', 'R', 'AN', 1, 60, 'Name'),
      el('N103', idUsage, 'ID', 1, 2, 'Identification Code Qualifier', idQualifiers),
      el('N104', idUsage, 'AN', 2, 80, 'Identification Code'),
      na('N105', 'Entity Relationship Code'),
      na('N106', 'Entity Identifier Code'),
    ],
    { qualifier: { element: 1, values: [entityCode] } },
  );
}

/** PER Contact Information: PER01 function code identifies it; numbers are (qualifier, number) pairs. */
function PER(
  name: string,
  usage: Usage,
  repeat: Repeat,
  functionCode: string,
  numberUsage: Usage,
  qualifiers: readonly [readonly string[], readonly string[], readonly string[]],
): SegmentDef {
  return seg(
    'PER',
    name,
    usage,
    repeat,
    [
      el('PER01', 'R', 'ID', 2, 2, 'Contact Function Code', [functionCode]),
      el('PER02', functionCode === 'IC' ? 'N' : 'S', 'AN', 1, 60, 'Name'),
      el('PER03', numberUsage, 'ID', 2, 2, 'Communication Number Qualifier', qualifiers[0]),
      el('PER04', numberUsage, 'AN', 1, 256, 'Communication Number'),
      el(
        'PER05',
        qualifiers[1].length ? 'S' : 'N',
        'ID',
        2,
        2,
        'Communication Number Qualifier',
        qualifiers[1],
      ),
      el('PER06', qualifiers[1].length ? 'S' : 'N', 'AN', 1, 256, 'Communication Number'),
      el(
        'PER07',
        qualifiers[2].length ? 'S' : 'N',
        'ID',
        2,
        2,
        'Communication Number Qualifier',
        qualifiers[2],
      ),
      el('PER08', qualifiers[2].length ? 'S' : 'N', 'AN', 1, 256, 'Communication Number'),
      na('PER09', 'Contact Inquiry Reference'),
    ],
    { qualifier: { element: 1, values: [functionCode] } },
  );
}

function RDM(): SegmentDef {
  return seg('RDM', 'Remittance Delivery Method', 'S', 1, [
    el('RDM01', 'R', 'ID', 1, 2, 'Report Transmission Code', ['BM', 'EM', 'FT', 'OL']),
    el('RDM02', 'S', 'AN', 1, 60, 'Name'),
    el('RDM03', 'S', 'AN', 1, 256, 'Communication Number'),
    na('RDM04', 'Reference Identifier'),
    na('RDM05', 'Reference Identifier'),
  ]);
}

function LX(): SegmentDef {
  return seg('LX', 'Header Number', 'R', 1, [el('LX01', 'R', 'N0', 1, 6, 'Assigned Number')]);
}

function TS3(): SegmentDef {
  const used = new Set([13, 15, 17, 18, 20, 21, 22, 23, 24]);
  const elements: ElementDef[] = [
    el('TS301', 'R', 'AN', 1, 50, 'Provider Identifier'),
    el('TS302', 'R', 'AN', 1, 2, 'Facility Type Code'),
    el('TS303', 'R', 'DT', 8, 8, 'Fiscal Period Date'),
    el('TS304', 'R', 'R', 1, 15, 'Total Claim Count'),
    el('TS305', 'R', 'R', 1, 18, 'Total Claim Charge Amount'),
  ];
  for (let n = 6; n <= 24; n++) {
    elements.push(
      used.has(n) ? el(`TS3${pad2(n)}`, 'S', 'R', 1, 18, 'Monetary Amount') : na(`TS3${pad2(n)}`, 'Not used'),
    );
  }
  return seg('TS3', 'Provider Summary Information', 'S', 1, elements);
}

function TS2(): SegmentDef {
  const elements: ElementDef[] = [];
  for (let n = 1; n <= 19; n++) {
    // TS207, TS215 and TS216 are counts/quantities, the rest amounts; both are decimal (R).
    elements.push(el(`TS2${pad2(n)}`, 'S', 'R', 1, [7, 15, 16].includes(n) ? 15 : 18, 'Amount or Quantity'));
  }
  return seg('TS2', 'Provider Supplemental Summary Information', 'S', 1, elements);
}

function CLP(): SegmentDef {
  return seg('CLP', 'Claim Payment Information', 'R', 1, [
    el('CLP01', 'R', 'AN', 1, 38, 'Patient Control Number'),
    el('CLP02', 'R', 'ID', 1, 2, 'Claim Status Code', CLP02_STATUS_CODES),
    el('CLP03', 'R', 'R', 1, 18, 'Total Claim Charge Amount'),
    el('CLP04', 'R', 'R', 1, 18, 'Claim Payment Amount'),
    el('CLP05', 'S', 'R', 1, 18, 'Patient Responsibility Amount'),
    el('CLP06', 'R', 'ID', 1, 2, 'Claim Filing Indicator Code', CLP06_FILING_INDICATORS),
    el('CLP07', 'R', 'AN', 1, 50, 'Payer Claim Control Number'),
    el('CLP08', 'S', 'AN', 1, 2, 'Facility Type Code'),
    el('CLP09', 'S', 'ID', 1, 1, 'Claim Frequency Type Code'),
    na('CLP10', 'Patient Status Code'),
    el('CLP11', 'S', 'AN', 1, 48, 'Diagnosis Related Group (DRG) Code'),
    el('CLP12', 'S', 'R', 1, 15, 'Diagnosis Related Group (DRG) Weight'),
    el('CLP13', 'S', 'R', 1, 10, 'Discharge Fraction'),
    na('CLP14', 'Yes/No Condition or Response Code'),
  ]);
}

/** CAS: group code then up to six (reason, amount, quantity) trios; the guide allows 99 per loop. */
function CAS(name: string): SegmentDef {
  const elements: ElementDef[] = [
    el('CAS01', 'R', 'ID', 1, 2, 'Claim Adjustment Group Code', CAS_GROUP_CODES_835),
  ];
  for (let trio = 0; trio < 6; trio++) {
    const first = trio === 0;
    const n = 2 + trio * 3;
    elements.push(
      el(`CAS${pad2(n)}`, first ? 'R' : 'S', 'ID', 1, 5, 'Adjustment Reason Code'),
      el(`CAS${pad2(n + 1)}`, first ? 'R' : 'S', 'R', 1, 18, 'Adjustment Amount'),
      el(`CAS${pad2(n + 2)}`, 'S', 'R', 1, 15, 'Adjustment Quantity'),
    );
  }
  return seg('CAS', name, 'S', 99, elements);
}

function MIA(): SegmentDef {
  const remark = new Set([5, 20, 21, 22, 23]);
  const quantity = new Set([1, 3, 15]);
  const elements: ElementDef[] = [];
  for (let n = 1; n <= 24; n++) {
    const ref = `MIA${pad2(n)}`;
    if (remark.has(n)) elements.push(el(ref, 'S', 'AN', 1, 50, 'Claim Payment Remark Code'));
    else if (quantity.has(n)) elements.push(el(ref, n === 1 ? 'R' : 'S', 'R', 1, 15, 'Quantity'));
    else elements.push(el(ref, 'S', 'R', 1, 18, 'Monetary Amount'));
  }
  return seg('MIA', 'Inpatient Adjudication Information', 'S', 1, elements);
}

function MOA(): SegmentDef {
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

function AMT(name: string, repeat: Repeat, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'AMT',
    name,
    'S',
    repeat,
    [
      el('AMT01', 'R', 'ID', 1, 3, 'Amount Qualifier Code', qualifiers),
      el('AMT02', 'R', 'R', 1, 18, 'Monetary Amount'),
      na('AMT03', 'Credit/Debit Flag Code'),
    ],
    { qualifier: { element: 1, values: qualifiers } },
  );
}

function QTY(name: string, repeat: Repeat, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'QTY',
    name,
    'S',
    repeat,
    [
      el('QTY01', 'R', 'ID', 2, 2, 'Quantity Qualifier', qualifiers),
      el('QTY02', 'R', 'R', 1, 15, 'Quantity'),
      na('QTY03', 'Composite Unit of Measure'),
      na('QTY04', 'Free-form Information'),
    ],
    { qualifier: { element: 1, values: qualifiers } },
  );
}

/** SVC01 / SVC06 composite medical procedure identifier. */
function procedure(
  ref: string,
  usage: Usage,
  qualifiers: readonly string[],
  descriptionUsage: Usage,
): ElementDef {
  return composite(ref, usage, 'Composite Medical Procedure Identifier', [
    co(`${ref}-1`, 'R', 'ID', 2, 2, 'Product or Service ID Qualifier', qualifiers),
    co(`${ref}-2`, 'R', 'AN', 1, 48, 'Procedure Code'),
    co(`${ref}-3`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-4`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-5`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-6`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-7`, descriptionUsage, 'AN', 1, 80, 'Procedure Code Description'),
    co(`${ref}-8`, 'N', 'AN', 1, 48, 'Product/Service ID'),
  ]);
}

function SVC(): SegmentDef {
  return seg('SVC', 'Service Payment Information', 'R', 1, [
    procedure('SVC01', 'R', ['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'N6', 'NU', 'UI', 'WK'], 'N'),
    el('SVC02', 'R', 'R', 1, 18, 'Line Item Charge Amount'),
    el('SVC03', 'R', 'R', 1, 18, 'Line Item Provider Payment Amount'),
    el('SVC04', 'S', 'AN', 1, 48, 'National Uniform Billing Committee Revenue Code'),
    el('SVC05', 'S', 'R', 1, 15, 'Units of Service Paid Count'),
    procedure('SVC06', 'S', ['AD', 'ER', 'HC', 'HP', 'IV', 'N4', 'NU', 'WK'], 'S'),
    el('SVC07', 'S', 'R', 1, 15, 'Original Units of Service Count'),
  ]);
}

function LQ(): SegmentDef {
  return seg('LQ', 'Health Care Remark Codes', 'S', 99, [
    el('LQ01', 'R', 'ID', 1, 3, 'Code List Qualifier Code', ['HE', 'RX']),
    el('LQ02', 'R', 'AN', 1, 30, 'Remark Code'),
  ]);
}

function PLB(): SegmentDef {
  const elements: ElementDef[] = [
    el('PLB01', 'R', 'AN', 1, 50, 'Provider Identifier'),
    el('PLB02', 'R', 'DT', 8, 8, 'Fiscal Period Date'),
  ];
  for (let pair = 0; pair < 6; pair++) {
    const usage: Usage = pair === 0 ? 'R' : 'S';
    const identifier = `PLB${pad2(3 + pair * 2)}`;
    elements.push(
      composite(identifier, usage, 'Adjustment Identifier', [
        co(`${identifier}-1`, 'R', 'ID', 2, 2, 'Adjustment Reason Code', PLB_REASON_CODES),
        co(`${identifier}-2`, 'S', 'AN', 1, 50, 'Provider Adjustment Identifier'),
      ]),
      el(`PLB${pad2(4 + pair * 2)}`, usage, 'R', 1, 18, 'Provider Adjustment Amount'),
    );
  }
  return seg('PLB', 'Provider Adjustment', 'S', '>1', elements);
}

// --- loops -------------------------------------------------------------------------------------------

const PAYER_BUSINESS_NUMBERS = [['EM', 'FX', 'TE'], ['EM', 'EX', 'FX', 'TE'], ['EX']] as const;
const PAYER_TECHNICAL_NUMBERS = [
  ['EM', 'TE', 'UR'],
  ['EM', 'EX', 'FX', 'TE', 'UR'],
  ['EM', 'EX', 'FX', 'UR'],
] as const;

const loop1000A = loop(
  '1000A',
  'Payer Identification',
  'R',
  1,
  N1('Payer Identification', 'PR', 'S', ['XV']),
  [
    N3('Payer Address', 'R'),
    N4('Payer City, State, ZIP Code', 'R'),
    REF('Additional Payer Identification', 'S', 4, ['2U', 'EO', 'HI', 'NF']),
    PER('Payer Business Contact Information', 'S', 1, 'CX', 'S', PAYER_BUSINESS_NUMBERS),
    PER('Payer Technical Contact Information', 'R', '>1', 'BL', 'S', PAYER_TECHNICAL_NUMBERS),
    PER('Payer WEB Site', 'S', 1, 'IC', 'R', [['UR'], [], []]),
  ],
);

const loop1000B = loop(
  '1000B',
  'Payee Identification',
  'R',
  1,
  N1('Payee Identification', 'PE', 'R', ['FI', 'XV', 'XX']),
  [
    N3('Payee Address', 'S'),
    N4('Payee City, State, ZIP Code', 'S'),
    REF('Payee Additional Identification', 'S', '>1', ['0B', 'D3', 'PQ', 'TJ']),
    RDM(),
  ],
);

/** 2110 REF*1S/APC/...: the service identification REF, which the guide places before REF*6R. */
export const SERVICE_IDENTIFICATION_QUALIFIERS: readonly string[] = [
  '1S',
  'APC',
  'BB',
  'E9',
  'G1',
  'G3',
  'LU',
  'RB',
];

const loop2110 = loop('2110', 'Service Payment Information', 'S', 999, SVC(), [
  DTM('Service Date', 'S', 2, ['150', '151', '472']),
  CAS('Service Adjustment'),
  REF('Service Identification', 'S', 8, [...SERVICE_IDENTIFICATION_QUALIFIERS]),
  // 2110 REF*6R: the 837 line item control number, echoed back for line-level posting
  REF('Line Item Control Number', 'S', 1, ['6R']),
  REF('Rendering Provider Information', 'S', 10, [
    '0B',
    '1A',
    '1B',
    '1C',
    '1D',
    '1G',
    '1H',
    '1J',
    'D3',
    'G2',
    'HPI',
    'SY',
    'TJ',
  ]),
  REF('HealthCare Policy Identification', 'S', 5, ['0K']),
  AMT('Service Supplemental Amount', 9, ['B6', 'KH', 'T', 'T2', 'ZK', 'ZL', 'ZM', 'ZN', 'ZO']),
  QTY('Service Supplemental Quantity', 6, ['ZK', 'ZL', 'ZM', 'ZN', 'ZO']),
  LQ(),
]);

const loop2100 = loop('2100', 'Claim Payment Information', 'R', '>1', CLP(), [
  CAS('Claim Adjustment'),
  NM1('Patient Name', ['QC'], {
    entityTypes: ['1'],
    lastName: 'S',
    idQualifiers: ['34', 'HN', 'II', 'MI', 'MR'],
    idUsage: 'S',
  }),
  NM1('Insured Name', ['IL'], {
    entityTypes: ['1', '2'],
    lastName: 'S',
    idQualifiers: ['FI', 'II', 'MI'],
    usage: 'S',
  }),
  NM1('Corrected Patient/Insured Name', ['74'], {
    entityTypes: ['1', '2'],
    lastName: 'S',
    idQualifiers: ['C'],
    idUsage: 'S',
    usage: 'S',
  }),
  NM1('Service Provider Name', ['82'], {
    entityTypes: ['1', '2'],
    lastName: 'S',
    idQualifiers: ['BD', 'BS', 'FI', 'MC', 'PC', 'SL', 'UP', 'XX'],
    usage: 'S',
  }),
  NM1('Crossover Carrier Name', ['TT'], {
    entityTypes: ['2'],
    idQualifiers: ['AD', 'FI', 'NI', 'PI', 'PP', 'XV'],
    usage: 'S',
  }),
  NM1('Corrected Priority Payer Name', ['PR'], {
    entityTypes: ['2'],
    idQualifiers: ['AD', 'FI', 'NI', 'PI', 'PP', 'XV'],
    usage: 'S',
  }),
  NM1('Other Subscriber Name', ['GB'], {
    entityTypes: ['1', '2'],
    lastName: 'S',
    idQualifiers: ['FI', 'II', 'MI'],
    idUsage: 'S',
    usage: 'S',
  }),
  MIA(),
  MOA(),
  REF('Other Claim Related Identification', 'S', 5, [
    '1L',
    '1W',
    '28',
    '6P',
    '9A',
    '9C',
    'BB',
    'CE',
    'EA',
    'F8',
    'G1',
    'G3',
    'IG',
    'SY',
  ]),
  REF('Rendering Provider Identification', 'S', 10, [
    '0B',
    '1A',
    '1B',
    '1C',
    '1D',
    '1G',
    '1H',
    '1J',
    'D3',
    'G2',
    'LU',
  ]),
  DTM('Statement From or To Date', 'S', 2, ['232', '233']),
  DTM('Coverage Expiration Date', 'S', 1, ['036']),
  DTM('Claim Received Date', 'S', 1, ['050']),
  PER('Claim Contact Information', 'S', 2, 'CX', 'R', [['EM', 'FX', 'TE'], ['EM', 'EX', 'FX', 'TE'], ['EX']]),
  AMT('Claim Supplemental Information', 13, [
    'AU',
    'D8',
    'DY',
    'F5',
    'I',
    'NL',
    'T',
    'T2',
    'ZK',
    'ZL',
    'ZM',
    'ZN',
    'ZO',
  ]),
  QTY('Claim Supplemental Information Quantity', 14, [
    'CA',
    'CD',
    'LA',
    'LE',
    'NE',
    'NR',
    'OU',
    'PS',
    'VS',
    'ZK',
    'ZL',
    'ZM',
    'ZN',
    'ZO',
  ]),
  loop2110,
]);

const loop2000 = loop('2000', 'Header Number', 'S', '>1', LX(), [TS3(), TS2(), loop2100]);

export const schema835: TransactionSchema = {
  id: '835',
  transactionSet: '835',
  version: VERSION,
  functionalIdentifier: 'HP',
  children: [
    ST835(),
    BPR(),
    TRN(),
    CUR(),
    REF('Receiver Identification', 'S', 1, ['EV']),
    REF('Version Identification', 'S', 1, ['F2']),
    DTM('Production Date', 'S', 1, ['405']),
    loop1000A,
    loop1000B,
    loop2000,
    PLB(),
    SE(),
  ],
};
