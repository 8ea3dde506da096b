/**
 * Segment definitions shared by the 277CA, 270 and 271 schemas (X12 5010 element dictionary).
 * Each function fixes the qualifier codes a particular loop allows.
 */
import type { ElementDef, Repeat, SegmentDef, Usage } from '../../schema/types';
import { co, composite, el, seg } from './schema-dsl';

export function stSegment(transactionSet: string, version: string): SegmentDef {
  return seg('ST', 'Transaction Set Header', 'R', 1, [
    el('ST01', 'Transaction Set Identifier Code', 'R', 'ID', 3, 3, [transactionSet]),
    el('ST02', 'Transaction Set Control Number', 'R', 'AN', 4, 9),
    el('ST03', 'Implementation Convention Reference', 'R', 'AN', 1, 35, [version]),
  ]);
}

export function seSegment(): SegmentDef {
  return seg('SE', 'Transaction Set Trailer', 'R', 1, [
    el('SE01', 'Number of Included Segments', 'R', 'N0', 1, 10),
    el('SE02', 'Transaction Set Control Number', 'R', 'AN', 4, 9),
  ]);
}

export function bhtSegment(
  structure: string,
  purposes: readonly string[],
  typeUsage: Usage,
  types?: readonly string[],
): SegmentDef {
  return seg('BHT', 'Beginning of Hierarchical Transaction', 'R', 1, [
    el('BHT01', 'Hierarchical Structure Code', 'R', 'ID', 4, 4, [structure]),
    el('BHT02', 'Transaction Set Purpose Code', 'R', 'ID', 2, 2, purposes),
    el('BHT03', 'Reference Identification', 'R', 'AN', 1, 50),
    el('BHT04', 'Date', 'R', 'DT', 8, 8),
    el('BHT05', 'Time', 'R', 'TM', 4, 8),
    el('BHT06', 'Transaction Type Code', typeUsage, 'ID', 2, 2, types),
  ]);
}

/**
 * HL identifying one hierarchical level (HL03 is the loop's qualifier). `childCodes` null: HL04 not
 * used at this level.
 */
export function hlSegment(
  levelCodes: readonly string[],
  parentUsage: Usage,
  childCodes: readonly string[] | null = ['0', '1'],
): SegmentDef {
  return seg(
    'HL',
    'Hierarchical Level',
    'R',
    1,
    [
      el('HL01', 'Hierarchical ID Number', 'R', 'AN', 1, 12),
      el('HL02', 'Hierarchical Parent ID Number', parentUsage, 'AN', 1, 12),
      el('HL03', 'Hierarchical Level Code', 'R', 'ID', 1, 2, levelCodes),
      childCodes === null
        ? el('HL04', 'Hierarchical Child Code', 'N', 'ID', 1, 1)
        : el('HL04', 'Hierarchical Child Code', 'R', 'ID', 1, 1, childCodes),
    ],
    { element: 3, values: levelCodes },
  );
}

export interface Nm1Options {
  entityCodes: readonly string[];
  entityTypes?: readonly string[];
  firstName?: Usage;
  idQualifiers?: readonly string[];
  idUsage?: Usage;
}

export function nm1Segment(name: string, options: Nm1Options): SegmentDef {
  const person = options.firstName ?? 'S';
  return seg(
    'NM1',
    name,
    'R',
    1,
    [
      el('NM101', 'Entity Identifier Code', 'R', 'ID', 2, 3, options.entityCodes),
      el('NM102', 'Entity Type Qualifier', 'R', 'ID', 1, 1, options.entityTypes ?? ['1', '2']),
      el('NM103', 'Name Last or Organization Name', 'S', 'AN', 1, 60),
      el('NM104', 'Name First', person, 'AN', 1, 35),
      el('NM105', 'Name Middle', person, 'AN', 1, 25),
      el('NM106', 'Name Prefix', 'N', 'AN', 1, 10),
      el('NM107', 'Name Suffix', person, 'AN', 1, 10),
      el('NM108', 'Identification Code Qualifier', options.idUsage ?? 'R', 'ID', 1, 2, options.idQualifiers),
      el('NM109', 'Identification Code', options.idUsage ?? 'R', 'AN', 2, 80),
    ],
    { element: 1, values: options.entityCodes },
  );
}

export function trnSegment(
  name: string,
  usage: Usage,
  repeat: Repeat,
  traceTypes: readonly string[],
): SegmentDef {
  return seg('TRN', name, usage, repeat, [
    el('TRN01', 'Trace Type Code', 'R', 'ID', 1, 2, traceTypes),
    el('TRN02', 'Reference Identification', 'R', 'AN', 1, 50),
    el('TRN03', 'Originating Company Identifier', 'S', 'AN', 10, 10),
    el('TRN04', 'Reference Identification', 'S', 'AN', 1, 50),
  ]);
}

export function dtpSegment(
  name: string,
  usage: Usage,
  repeat: Repeat,
  qualifiers: readonly string[],
  formats: readonly string[],
): SegmentDef {
  return seg(
    'DTP',
    name,
    usage,
    repeat,
    [
      el('DTP01', 'Date/Time Qualifier', 'R', 'ID', 3, 3, qualifiers),
      el('DTP02', 'Date Time Period Format Qualifier', 'R', 'ID', 2, 3, formats),
      el('DTP03', 'Date Time Period', 'R', 'AN', 1, 35),
    ],
    { element: 1, values: qualifiers },
  );
}

export function refSegment(
  name: string,
  usage: Usage,
  repeat: Repeat,
  qualifiers: readonly string[],
  descriptionUsage: Usage = 'N',
): SegmentDef {
  return seg(
    'REF',
    name,
    usage,
    repeat,
    [
      el('REF01', 'Reference Identification Qualifier', 'R', 'ID', 2, 3, qualifiers),
      el('REF02', 'Reference Identification', 'R', 'AN', 1, 50),
      el('REF03', 'Description', descriptionUsage, 'AN', 1, 80),
    ],
    { element: 1, values: qualifiers },
  );
}

export function qtySegment(name: string, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'QTY',
    name,
    'S',
    1,
    [
      el('QTY01', 'Quantity Qualifier', 'R', 'ID', 2, 2, qualifiers),
      el('QTY02', 'Quantity', 'R', 'R', 1, 15),
    ],
    { element: 1, values: qualifiers },
  );
}

export function amtSegment(name: string, qualifiers: readonly string[]): SegmentDef {
  return seg(
    'AMT',
    name,
    'S',
    1,
    [
      el('AMT01', 'Amount Qualifier Code', 'R', 'ID', 1, 3, qualifiers),
      el('AMT02', 'Monetary Amount', 'R', 'R', 1, 18),
    ],
    { element: 1, values: qualifiers },
  );
}

export function perSegment(name: string, usage: Usage, repeat: Repeat): SegmentDef {
  const commQualifiers = ['ED', 'EM', 'FX', 'TE', 'UR', 'EX'];
  return seg('PER', name, usage, repeat, [
    el('PER01', 'Contact Function Code', 'R', 'ID', 2, 2, ['IC']),
    el('PER02', 'Name', 'S', 'AN', 1, 60),
    el('PER03', 'Communication Number Qualifier', 'S', 'ID', 2, 2, commQualifiers),
    el('PER04', 'Communication Number', 'S', 'AN', 1, 256),
    el('PER05', 'Communication Number Qualifier', 'S', 'ID', 2, 2, commQualifiers),
    el('PER06', 'Communication Number', 'S', 'AN', 1, 256),
    el('PER07', 'Communication Number Qualifier', 'S', 'ID', 2, 2, commQualifiers),
    el('PER08', 'Communication Number', 'S', 'AN', 1, 256),
  ]);
}

export function n3Segment(name: string): SegmentDef {
  return seg('N3', name, 'S', 1, [
    el('N301', 'Address Information', 'R', 'AN', 1, 55),
    el('N302', 'Address Information', 'S', 'AN', 1, 55),
  ]);
}

export function n4Segment(name: string): SegmentDef {
  return seg('N4', name, 'S', 1, [
    el('N401', 'City Name', 'R', 'AN', 2, 30),
    el('N402', 'State or Province Code', 'S', 'ID', 2, 2),
    el('N403', 'Postal Code', 'S', 'ID', 3, 15),
    el('N404', 'Country Code', 'S', 'ID', 2, 3),
    el('N405', 'Location Qualifier', 'S', 'ID', 1, 2),
    el('N406', 'Location Identifier', 'S', 'AN', 1, 30),
    el('N407', 'Country Subdivision Code', 'S', 'ID', 1, 3),
  ]);
}

export function prvSegment(name: string): SegmentDef {
  return seg('PRV', name, 'S', 1, [
    el('PRV01', 'Provider Code', 'R', 'ID', 1, 3),
    el('PRV02', 'Reference Identification Qualifier', 'R', 'ID', 2, 3, [
      'PXC',
      '9K',
      'D3',
      'EI',
      'HPI',
      'SY',
      'TJ',
    ]),
    el('PRV03', 'Reference Identification', 'R', 'AN', 1, 50),
  ]);
}

export function dmgSegment(name: string): SegmentDef {
  return seg('DMG', name, 'S', 1, [
    el('DMG01', 'Date Time Period Format Qualifier', 'R', 'ID', 2, 3, ['D8']),
    el('DMG02', 'Date Time Period', 'R', 'AN', 1, 35),
    el('DMG03', 'Gender Code', 'S', 'ID', 1, 1, ['F', 'M', 'U']),
  ]);
}

export function insSegment(name: string, subscriberIndicator: readonly string[]): SegmentDef {
  return seg('INS', name, 'S', 1, [
    el('INS01', 'Yes/No Condition or Response Code', 'R', 'ID', 1, 1, subscriberIndicator),
    el('INS02', 'Individual Relationship Code', 'R', 'ID', 2, 2),
    el('INS03', 'Maintenance Type Code', 'S', 'ID', 3, 3, ['001']),
    el('INS04', 'Maintenance Reason Code', 'S', 'ID', 2, 3, ['25']),
    ...['05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16'].map((n) =>
      el(`INS${n}`, 'Not Used', 'N', 'AN', 1, 1),
    ),
    el('INS17', 'Number', 'S', 'N0', 1, 9),
  ]);
}

/** AAA request validation (271): AAA01 Y/N valid request, AAA03 reject reason, AAA04 follow-up action. */
export function aaaSegment(name: string, rejectReasons: readonly string[]): SegmentDef {
  return seg('AAA', name, 'S', 9, [
    el('AAA01', 'Yes/No Condition or Response Code', 'R', 'ID', 1, 1, ['N', 'Y']),
    el('AAA02', 'Agency Qualifier Code', 'N', 'ID', 2, 2),
    el('AAA03', 'Reject Reason Code', 'R', 'ID', 2, 2, rejectReasons),
    el('AAA04', 'Follow-up Action Code', 'R', 'ID', 1, 1, ['C', 'N', 'P', 'R', 'S', 'W', 'X', 'Y']),
  ]);
}

/** C003 composite medical procedure identifier (SVC01, EQ02, EB13). */
export function procedureComposite(ref: string, usage: Usage, qualifiers: readonly string[]): ElementDef {
  return composite(ref, 'Composite Medical Procedure Identifier', usage, [
    co(`${ref}-1`, 'Product/Service ID Qualifier', 'R', 'ID', 2, 2, qualifiers),
    co(`${ref}-2`, 'Procedure Code', 'R', 'AN', 1, 48),
    co(`${ref}-3`, 'Procedure Modifier', 'S', 'AN', 2, 2),
    co(`${ref}-4`, 'Procedure Modifier', 'S', 'AN', 2, 2),
    co(`${ref}-5`, 'Procedure Modifier', 'S', 'AN', 2, 2),
    co(`${ref}-6`, 'Procedure Modifier', 'S', 'AN', 2, 2),
    co(`${ref}-7`, 'Description', 'S', 'AN', 1, 80),
    co(`${ref}-8`, 'Product/Service ID', 'S', 'AN', 1, 48),
  ]);
}

/** C004 composite diagnosis code pointer (EQ05, EB14). */
export function diagnosisPointerComposite(ref: string): ElementDef {
  return composite(ref, 'Composite Diagnosis Code Pointer', 'S', [
    co(`${ref}-1`, 'Diagnosis Code Pointer', 'R', 'N0', 1, 2),
    co(`${ref}-2`, 'Diagnosis Code Pointer', 'S', 'N0', 1, 2),
    co(`${ref}-3`, 'Diagnosis Code Pointer', 'S', 'N0', 1, 2),
    co(`${ref}-4`, 'Diagnosis Code Pointer', 'S', 'N0', 1, 2),
  ]);
}
