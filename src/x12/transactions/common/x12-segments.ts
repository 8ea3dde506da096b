/**
 * Segments that recur across loops and guides (ST, SE, BHT, HL, NM1, N3, N4, REF, DTP, PER, PRV, AMT,
 * NTE, PWK, K3, CAS ...), built from the X12 5010 data element dictionary's types and lengths and each
 * guide's usage and code values, which the caller passes in.
 */
import type { Repeat, SegmentDef, Usage } from '../../schema/types';
import { co, composite, el, na, pad2, seg } from './schema-builders';

export function ST(transactionSet: string, version: string): SegmentDef {
  return seg('ST', 'Transaction Set Header', 'R', 1, [
    el('ST01', 'R', 'ID', 3, 3, 'Transaction Set Identifier Code', [transactionSet]),
    el('ST02', 'R', 'AN', 4, 9, 'Transaction Set Control Number'),
    el('ST03', 'R', 'AN', 1, 35, 'Implementation Convention Reference', [version]),
  ]);
}

export function SE(): SegmentDef {
  return seg('SE', 'Transaction Set Trailer', 'R', 1, [
    el('SE01', 'R', 'N0', 1, 10, 'Number of Included Segments'),
    el('SE02', 'R', 'AN', 4, 9, 'Transaction Set Control Number'),
  ]);
}

/**
 * HL: `level` is HL03 (20 billing provider, 22 subscriber, 23 patient ...); `childCodes` the HL04 values
 * the guide allows at this level (837: 2000A always 1, 2000C always 0).
 */
export function HL(
  name: string,
  level: string,
  parentUsage: Usage,
  childCodes: readonly string[] = ['0', '1'],
  childCodeUsage: Usage = 'R',
): SegmentDef {
  return seg(
    'HL',
    name,
    'R',
    1,
    [
      el('HL01', 'R', 'AN', 1, 12, 'Hierarchical ID Number'),
      el('HL02', parentUsage, 'AN', 1, 12, 'Hierarchical Parent ID Number'),
      el('HL03', 'R', 'ID', 1, 2, 'Hierarchical Level Code', [level]),
      el('HL04', childCodeUsage, 'ID', 1, 1, 'Hierarchical Child Code', childCodes),
    ],
    { qualifier: { element: 3, values: [level] } },
  );
}

export interface NM1Options {
  /** NM102: 1 person, 2 non-person entity. */
  entityTypes: readonly string[];
  /** NM103 last or organization name usage; default R. */
  lastName?: Usage;
  /** NM104, NM105, NM107 (first, middle, suffix) usage; default S when persons are allowed, N otherwise. */
  personName?: Usage;
  /** NM107 name suffix usage when it differs from the first and middle name (1000A submitter: not used). */
  suffix?: Usage;
  /** NM108 identification code qualifiers; absent = NM108/NM109 not used. */
  idQualifiers?: readonly string[];
  idUsage?: Usage;
  /** Usage of the segment itself (R as a loop trigger). */
  usage?: Usage;
}

/** NM1 Individual or Organizational Name; NM101 entity identifier codes identify the loop. */
export function NM1(name: string, entityCodes: readonly string[], options: NM1Options): SegmentDef {
  const personName = options.personName ?? (options.entityTypes.includes('1') ? 'S' : 'N');
  const idUsage = options.idQualifiers ? (options.idUsage ?? 'R') : 'N';
  return seg(
    'NM1',
    name,
    options.usage ?? 'R',
    1,
    [
      el('NM101', 'R', 'ID', 2, 3, 'Entity Identifier Code', entityCodes),
      el('NM102', 'R', 'ID', 1, 1, 'Entity Type Qualifier', options.entityTypes),
      el('NM103', options.lastName ?? 'R', 'AN', 1, 60, 'Name Last or Organization Name'),
      el('NM104', personName, 'AN', 1, 35, 'Name First'),
      el('NM105', personName, 'AN', 1, 25, 'Name Middle'),
      na('NM106', 'Name Prefix'),
      el('NM107', options.suffix ?? personName, 'AN', 1, 10, 'Name Suffix'),
      el('NM108', idUsage, 'ID', 1, 2, 'Identification Code Qualifier', options.idQualifiers),
      el('NM109', idUsage, 'AN', 2, 80, 'Identification Code'),
      na('NM110', 'Entity Relationship Code'),
      na('NM111', 'Entity Identifier Code'),
      na('NM112', 'Name Last or Organization Name'),
    ],
    { qualifier: { element: 1, values: entityCodes }, syntax: ['P0809', 'C1110'] },
  );
}

export function N3(name: string, usage: Usage): SegmentDef {
  return seg('N3', name, usage, 1, [
    el('N301', 'R', 'AN', 1, 55, 'Address Information'),
    el('N302', 'S', 'AN', 1, 55, 'Address Information'),
  ]);
}

export function N4(name: string, usage: Usage): SegmentDef {
  return seg(
    'N4',
    name,
    usage,
    1,
    [
      el('N401', 'R', 'AN', 2, 30, 'City Name'),
      el('N402', 'S', 'ID', 2, 2, 'State or Province Code'),
      el('N403', 'S', 'ID', 3, 15, 'Postal Code'),
      el('N404', 'S', 'ID', 2, 3, 'Country Code'),
      na('N405', 'Location Qualifier'),
      na('N406', 'Location Identifier'),
      el('N407', 'S', 'ID', 1, 3, 'Country Subdivision Code'),
    ],
    { syntax: ['E0207', 'C0605', 'C0704'] },
  );
}

/**
 * REF Reference Information; REF01 qualifiers identify the segment among its siblings. `otherPayer`:
 * REF04 (C040) carries the other payer's identifier (REF04-1 = 2U), as in 2400 and 2420 references.
 */
export function REF(
  name: string,
  usage: Usage,
  repeat: Repeat,
  qualifiers: readonly string[],
  options: { otherPayer?: boolean } = {},
): SegmentDef {
  return seg(
    'REF',
    name,
    usage,
    repeat,
    [
      el('REF01', 'R', 'ID', 2, 3, 'Reference Identification Qualifier', qualifiers),
      el('REF02', 'R', 'AN', 1, 50, 'Reference Identification'),
      na('REF03', 'Description'),
      options.otherPayer
        ? composite('REF04', 'S', 'Reference Identifier', [
            co('REF04-1', 'R', 'ID', 2, 3, 'Reference Identification Qualifier', ['2U']),
            co('REF04-2', 'R', 'AN', 1, 50, 'Other Payer Primary Identifier'),
            co('REF04-3', 'N', 'ID', 2, 3, 'Reference Identification Qualifier'),
            co('REF04-4', 'N', 'AN', 1, 50, 'Reference Identification'),
            co('REF04-5', 'N', 'ID', 2, 3, 'Reference Identification Qualifier'),
            co('REF04-6', 'N', 'AN', 1, 50, 'Reference Identification'),
          ])
        : na('REF04', 'Reference Identifier'),
    ],
    { qualifier: { element: 1, values: qualifiers }, syntax: ['R0203'] },
  );
}

/** DTP Date or Time or Period; DTP01 qualifiers identify the segment, DTP02 formats (D8, RD8 ...). */
export function DTP(
  name: string,
  usage: Usage,
  repeat: Repeat,
  qualifiers: readonly string[],
  formats: readonly string[] = ['D8'],
): SegmentDef {
  return seg(
    'DTP',
    name,
    usage,
    repeat,
    [
      el('DTP01', 'R', 'ID', 3, 3, 'Date/Time Qualifier', qualifiers),
      el('DTP02', 'R', 'ID', 2, 3, 'Date Time Period Format Qualifier', formats),
      el('DTP03', 'R', 'AN', 1, 35, 'Date Time Period'),
    ],
    { qualifier: { element: 1, values: qualifiers } },
  );
}

/**
 * PER Contact Information; PER03/05/07 communication number qualifiers (EX: telephone extension).
 * `telephoneOnly`: PER03 TE with an optional PER05 EX extension; PER07/PER08 not used.
 */
export function PER(
  name: string,
  usage: Usage,
  repeat: Repeat,
  numberQualifiers: readonly string[],
  options: { telephoneOnly?: boolean } = {},
): SegmentDef {
  const laterQualifiers = options.telephoneOnly
    ? ['EX']
    : numberQualifiers.includes('TE')
      ? [...numberQualifiers, 'EX']
      : numberQualifiers;
  const later: Usage = options.telephoneOnly ? 'N' : 'S';
  return seg(
    'PER',
    name,
    usage,
    repeat,
    [
      el('PER01', 'R', 'ID', 2, 2, 'Contact Function Code', ['IC']),
      el('PER02', 'S', 'AN', 1, 60, 'Name'),
      el('PER03', 'R', 'ID', 2, 2, 'Communication Number Qualifier', numberQualifiers),
      el('PER04', 'R', 'AN', 1, 256, 'Communication Number'),
      el('PER05', 'S', 'ID', 2, 2, 'Communication Number Qualifier', laterQualifiers),
      el('PER06', 'S', 'AN', 1, 256, 'Communication Number'),
      el('PER07', later, 'ID', 2, 2, 'Communication Number Qualifier', laterQualifiers),
      el('PER08', later, 'AN', 1, 256, 'Communication Number'),
      na('PER09', 'Contact Inquiry Reference'),
    ],
    { syntax: ['P0304', 'P0506', 'P0708'] },
  );
}

/** PRV Provider Information; PRV01 provider code (BI billing, PE performing, AT attending ...), PRV03 taxonomy. */
export function PRV(name: string, usage: Usage, providerCodes: readonly string[]): SegmentDef {
  return seg(
    'PRV',
    name,
    usage,
    1,
    [
      el('PRV01', 'R', 'ID', 1, 3, 'Provider Code', providerCodes),
      el('PRV02', 'R', 'ID', 2, 3, 'Reference Identification Qualifier', ['PXC']),
      el('PRV03', 'R', 'AN', 1, 50, 'Provider Taxonomy Code'),
      na('PRV04', 'State or Province Code'),
      na('PRV05', 'Provider Specialty Information'),
      na('PRV06', 'Provider Organization Code'),
    ],
    { syntax: ['P0203'] },
  );
}

export function CUR(): SegmentDef {
  const elements = [
    el('CUR01', 'R', 'ID', 2, 3, 'Entity Identifier Code', ['85']),
    el('CUR02', 'R', 'ID', 3, 3, 'Currency Code'),
  ];
  for (let n = 3; n <= 21; n++) elements.push(na(`CUR${pad2(n)}`, 'Not used'));
  return seg('CUR', 'Foreign Currency Information', 'S', 1, elements);
}

/** AMT Monetary Amount Information; AMT01 qualifier identifies it. */
export function AMT(name: string, usage: Usage, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'AMT',
    name,
    usage,
    1,
    [
      el('AMT01', 'R', 'ID', 1, 3, 'Amount Qualifier Code', qualifiers),
      el('AMT02', 'R', 'R', 1, 18, 'Monetary Amount'),
      na('AMT03', 'Credit/Debit Flag Code'),
    ],
    { qualifier: { element: 1, values: qualifiers } },
  );
}

/** NTE Note/Special Instruction; `qualifiers` undefined when the segment is not told apart by NTE01. */
export function NTE(
  name: string,
  usage: Usage,
  repeat: Repeat,
  codes: readonly string[],
  distinct = true,
): SegmentDef {
  return seg(
    'NTE',
    name,
    usage,
    repeat,
    [
      el('NTE01', 'R', 'ID', 3, 3, 'Note Reference Code', codes),
      el('NTE02', 'R', 'AN', 1, 80, 'Description'),
    ],
    distinct ? { qualifier: { element: 1, values: codes } } : {},
  );
}

export function K3(usage: Usage, repeat: Repeat): SegmentDef {
  return seg('K3', 'File Information', usage, repeat, [
    el('K301', 'R', 'AN', 1, 80, 'Fixed Format Information'),
    na('K302', 'Record Format Code'),
    na('K303', 'Composite Unit of Measure'),
  ]);
}

// prettier-ignore
const PWK_REPORT_TYPES = [
  '03', '04', '05', '06', '07', '08', '09', '10', '11', '13', '15', '21', 'A3', 'A4', 'AM', 'AS', 'B2', 'B3',
  'B4', 'BR', 'BS', 'BT', 'CB', 'CK', 'CT', 'D2', 'DA', 'DB', 'DG', 'DJ', 'DS', 'EB', 'HC', 'HR', 'I5', 'IR',
  'LA', 'M1', 'MT', 'NN', 'OB', 'OC', 'OD', 'OE', 'OX', 'OZ', 'P4', 'P5', 'PE', 'PN', 'PO', 'PQ', 'PY', 'PZ',
  'RB', 'RR', 'RT', 'RX', 'SG', 'V5', 'XP',
];

/** PWK Claim Supplemental Information (attachments). */
export function PWK(usage: Usage): SegmentDef {
  return seg(
    'PWK',
    'Claim Supplemental Information',
    usage,
    10,
    [
      el('PWK01', 'R', 'ID', 2, 2, 'Report Type Code', PWK_REPORT_TYPES),
      el('PWK02', 'R', 'ID', 1, 2, 'Report Transmission Code', ['AA', 'BM', 'EL', 'EM', 'FT', 'FX']),
      na('PWK03', 'Report Copies Needed'),
      na('PWK04', 'Entity Identifier Code'),
      el('PWK05', 'S', 'ID', 1, 2, 'Identification Code Qualifier', ['AC']),
      el('PWK06', 'S', 'AN', 2, 80, 'Attachment Control Number'),
      na('PWK07', 'Description'),
      na('PWK08', 'Actions Indicated'),
      na('PWK09', 'Request Category Code'),
    ],
    { qualifier: { element: 1, values: PWK_REPORT_TYPES }, syntax: ['P0506'] },
  );
}

export function CN1(): SegmentDef {
  return seg('CN1', 'Contract Information', 'S', 1, [
    el('CN101', 'R', 'ID', 2, 2, 'Contract Type Code', ['01', '02', '03', '04', '05', '06', '09']),
    el('CN102', 'S', 'R', 1, 18, 'Contract Amount'),
    el('CN103', 'S', 'R', 1, 6, 'Contract Percentage'),
    el('CN104', 'S', 'AN', 1, 50, 'Contract Code'),
    el('CN105', 'S', 'R', 1, 6, 'Terms Discount Percentage'),
    el('CN106', 'S', 'AN', 1, 30, 'Contract Version Identifier'),
  ]);
}

export const CLAIM_ADJUSTMENT_GROUP_CODES = ['CO', 'CR', 'OA', 'PI', 'PR'];

/** CAS Claims Adjustment: a group code then up to six (reason, amount, quantity) triples. */
export function CAS(name: string): SegmentDef {
  const elements = [
    el('CAS01', 'R', 'ID', 1, 2, 'Claim Adjustment Group Code', CLAIM_ADJUSTMENT_GROUP_CODES),
  ];
  for (let triple = 0; triple < 6; triple++) {
    const first = triple === 0;
    const n = 2 + triple * 3;
    elements.push(
      el(`CAS${pad2(n)}`, first ? 'R' : 'S', 'ID', 1, 5, 'Claim Adjustment Reason Code'),
      el(`CAS${pad2(n + 1)}`, first ? 'R' : 'S', 'R', 1, 18, 'Monetary Amount'),
      el(`CAS${pad2(n + 2)}`, 'S', 'R', 1, 15, 'Quantity'),
    );
  }
  // each further (reason, amount, quantity) triple: reason and amount go together, quantity needs both
  const syntax = ['L050607', 'C0605', 'C0705', 'L080910', 'C0908', 'C1008', 'L111213', 'C1211', 'C1311'];
  syntax.push('L141516', 'C1514', 'C1614', 'L171819', 'C1817', 'C1917');
  return seg('CAS', name, 'S', 5, elements, { syntax });
}

export interface HCPOptions {
  /** HCP elements (by number) the guide marks not used at this level (claim level: the procedure fields). */
  notUsed: readonly number[];
  /** HCP09 product/service id qualifiers. */
  procedureQualifiers: readonly string[];
  /** HCP11 units. */
  units: readonly string[];
  /** HCP01 pricing methodologies the guide leaves out at this level (837P claim level: 06). */
  excludedMethodologies?: readonly string[];
}

// prettier-ignore
const PRICING_METHODOLOGIES = ['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14'];

/** HCP Claim or Line Pricing/Repricing Information. */
export function HCP(name: string, options: HCPOptions): SegmentDef {
  const elements = [
    el(
      'HCP01',
      'R',
      'ID',
      2,
      2,
      'Pricing Methodology',
      PRICING_METHODOLOGIES.filter((code) => !options.excludedMethodologies?.includes(code)),
    ),
    el('HCP02', 'R', 'R', 1, 18, 'Repriced Allowed Amount'),
    el('HCP03', 'S', 'R', 1, 18, 'Repriced Saving Amount'),
    el('HCP04', 'S', 'AN', 1, 50, 'Repricing Organization Identifier'),
    el('HCP05', 'S', 'R', 1, 9, 'Repricing Per Diem or Flat Rate Amount'),
    el('HCP06', 'S', 'AN', 1, 50, 'Repriced Approved Ambulatory Patient Group Code'),
    el('HCP07', 'S', 'R', 1, 18, 'Repriced Approved Ambulatory Patient Group Amount'),
    el('HCP08', 'S', 'AN', 1, 48, 'Repriced Approved Service Code'),
    el('HCP09', 'S', 'ID', 2, 2, 'Product/Service ID Qualifier', options.procedureQualifiers),
    el('HCP10', 'S', 'AN', 1, 48, 'Repriced Approved Procedure Code'),
    el('HCP11', 'S', 'ID', 2, 2, 'Unit or Basis for Measurement Code', options.units),
    el('HCP12', 'S', 'R', 1, 15, 'Repriced Approved Service Unit Count'),
    el('HCP13', 'S', 'ID', 1, 2, 'Reject Reason Code', ['T1', 'T2', 'T3', 'T4', 'T5', 'T6']),
    el('HCP14', 'S', 'ID', 1, 1, 'Policy Compliance Code', ['1', '2', '3', '4', '5']),
    el('HCP15', 'S', 'ID', 1, 2, 'Exception Code', ['1', '2', '3', '4', '5', '6']),
  ];
  return seg(
    'HCP',
    name,
    'S',
    1,
    elements.map((e, i) => (options.notUsed.includes(i + 1) ? na(e.ref, e.name) : e)),
  );
}

/** C003 Composite Medical Procedure Identifier (SV101, SV202, SVD03). */
export function procedureComposite(ref: string, usage: Usage, qualifiers: readonly string[]) {
  return composite(ref, usage, 'Composite Medical Procedure Identifier', [
    co(`${ref}-1`, 'R', 'ID', 2, 2, 'Product/Service ID Qualifier', qualifiers),
    co(`${ref}-2`, 'R', 'AN', 1, 48, 'Procedure Code'),
    co(`${ref}-3`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-4`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-5`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-6`, 'S', 'AN', 2, 2, 'Procedure Modifier'),
    co(`${ref}-7`, 'S', 'AN', 1, 80, 'Description'),
    co(`${ref}-8`, 'N', 'AN', 1, 48, 'Product/Service ID'),
  ]);
}

/** LX Service Line Number: the 2400 trigger. */
export function LX(): SegmentDef {
  return seg('LX', 'Service Line Number', 'R', 1, [el('LX01', 'R', 'N0', 1, 6, 'Assigned Number')]);
}

/** SVD Line Adjudication Information: the 2430 trigger. */
export function SVD(
  procedureUsage: Usage,
  revenueCodeUsage: Usage,
  procedureQualifiers: readonly string[],
): SegmentDef {
  return seg('SVD', 'Line Adjudication Information', 'R', 1, [
    el('SVD01', 'R', 'AN', 2, 80, 'Other Payer Primary Identifier'),
    el('SVD02', 'R', 'R', 1, 18, 'Service Line Paid Amount'),
    procedureComposite('SVD03', procedureUsage, procedureQualifiers),
    el('SVD04', revenueCodeUsage, 'AN', 1, 48, 'Service Line Revenue Code'),
    el('SVD05', 'R', 'R', 1, 15, 'Paid Service Unit Count'),
    el('SVD06', 'S', 'N0', 1, 6, 'Bundled or Unbundled Line Number'),
  ]);
}

/** LIN Drug Identification: the 2410 trigger. */
export function LIN(productQualifiers: readonly string[]): SegmentDef {
  const elements = [
    na('LIN01', 'Assigned Identification'),
    el('LIN02', 'R', 'ID', 2, 2, 'Product/Service ID Qualifier', productQualifiers),
    el('LIN03', 'R', 'AN', 1, 48, 'National Drug Code'),
  ];
  for (let n = 4; n <= 31; n++) elements.push(na(`LIN${pad2(n)}`, 'Not used'));
  return seg('LIN', 'Drug Identification', 'R', 1, elements);
}

export function CTP(): SegmentDef {
  return seg('CTP', 'Drug Quantity', 'R', 1, [
    na('CTP01', 'Class of Trade Code'),
    na('CTP02', 'Price Identifier Code'),
    na('CTP03', 'Unit Price'),
    el('CTP04', 'R', 'R', 1, 15, 'National Drug Unit Count'),
    composite('CTP05', 'R', 'Composite Unit of Measure', [
      co('CTP05-1', 'R', 'ID', 2, 2, 'Unit or Basis for Measurement Code', ['F2', 'GR', 'ME', 'ML', 'UN']),
    ]),
    na('CTP06', 'Price Multiplier Qualifier'),
    na('CTP07', 'Multiplier'),
    na('CTP08', 'Monetary Amount'),
    na('CTP09', 'Basis of Unit Price Code'),
    na('CTP10', 'Condition Value'),
    na('CTP11', 'Multiple Price Quantity'),
  ]);
}

/** Claim filing indicator codes (SBR09). */
// prettier-ignore
export const CLAIM_FILING_INDICATOR_CODES = [
  '11', '12', '13', '14', '15', '16', '17', 'AM', 'BL', 'CH', 'CI', 'DS', 'FI', 'HM', 'LM', 'MA', 'MB', 'MC',
  'OF', 'TV', 'VA', 'WC', 'ZZ',
];

/** Individual relationship codes (SBR02 in 2320, PAT01 in 2000C). */
export const INDIVIDUAL_RELATIONSHIP_CODES = ['01', '18', '19', '20', '21', '39', '40', '53', 'G8'];

/** Payer responsibility sequence number codes (SBR01). */
export const PAYER_RESPONSIBILITY_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U'];
