/**
 * Implementation-guide validation of the public 837P/837I samples in ../shared/x12-corpus (kept outside
 * the repository): every 837 file whose version has a registered guide is walked, element-checked and
 * rule-checked without an exception, and each file its source calls valid gives no guide diagnostics
 * except the source defects listed below, each checked by hand (the rules stay strict, the evidence is
 * recorded here).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readX12 } from '../../src/x12/read';
import { guideFor } from '../../src/x12/transactions';
import { validateTransaction } from '../../src/x12/validation/validate-transaction';

const CORPUS = resolve(__dirname, '../../../shared/x12-corpus');

const IMSWEB_DEFECTS = [
  'HI-COMPOSITE',
  'X12-837-CLM02-BALANCE CLM02',
  'X12-837-HL-CHILD-CODE HL04',
  'X12-837-HL-ID-DUPLICATE HL01',
  'X12-837-PATIENT-LOOP-MISSING SBR02',
];

/** Defects in files their sources call valid: file -> the diagnostic codes (with element) they really earn. */
const KNOWN_DEFECTS: Record<string, readonly string[]> = {
  // imsweb samples: HI written with '*' between qualifier and code (HI*BK*8901*BF*...), not as C022
  // composites; two subscribers share HL01 2, SBR02 is empty without a 2000C, HL04 = 1 without
  // children, and CLM02 500 against one SV102 of 12.25
  '837P/imsweb__x12_valid.txt': IMSWEB_DEFECTS,
  '837P/imsweb__x12_no_errors.txt': IMSWEB_DEFECTS,
  '837P/imsweb__x12_valid_different_separators.txt': IMSWEB_DEFECTS,
  '837P/imsweb__x12_multiple_gs.txt': IMSWEB_DEFECTS,
  '837P/imsweb__x12_multiple_isa.txt': IMSWEB_DEFECTS,
  '837P/imsweb__x12_multiple_st.txt': IMSWEB_DEFECTS,
  // CLM02 500 with one SV102 of 12.25; SBR02 empty without a 2000C; HL04 = 1 without children; one
  // diagnosis (HI*BK) but the line points at diagnoses 2 and 3
  '837P/imsweb__x12_ambiguous_loop.txt': [
    'X12-837-DIAGNOSIS-POINTER SV107-2',
    'X12-837-DIAGNOSIS-POINTER SV107-3',
    'X12-837-CLM02-BALANCE CLM02',
    'X12-837-PATIENT-LOOP-MISSING SBR02',
    'X12-837-HL-CHILD-CODE HL04',
  ],
  // second claim carries one diagnosis (HI*BK) but its line points at diagnosis 2
  '837P/moov__837p_sample.txt': ['X12-837-DIAGNOSIS-POINTER SV107-2'],
  // DTP*434*RD8 with a single date: RD8 needs CCYYMMDD-CCYYMMDD
  '837I/stupidedi__X223A2_pass_837-institutional-claim.edi': ['X12-IG-DATE-FORMAT DTP03'],
};

/** The malformed HI of the imsweb samples earns several element codes at HI0n; summarised as one tag. */
function summarise(code: string, element: string | undefined): string {
  if (element?.startsWith('HI') && code.startsWith('X12-IG-ELEMENT-')) return 'HI-COMPOSITE';
  return `${code} ${element ?? ''}`.trim();
}

interface Row {
  file: string;
  validity: string;
}

function rows837(): Row[] {
  const [header, ...lines] = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  return lines
    .map((line) => line.split('\t'))
    .map((cells) => ({ file: cells[columns.indexOf('file')], validity: cells[columns.indexOf('validity')] }))
    .filter((row) => row.file.startsWith('837P/') || row.file.startsWith('837I/'));
}

function guideDiagnostics(file: string): { checked: number; found: string[] } {
  const { value } = readX12(readFileSync(join(CORPUS, file)));
  let checked = 0;
  const found = new Set<string>();
  for (const interchange of value) {
    for (const group of interchange.groups) {
      for (const transaction of group.transactions) {
        if (!guideFor(transaction.id, transaction.version)) continue;
        checked++;
        for (const d of validateTransaction(transaction, { interchange, group })) {
          found.add(summarise(d.code, d.location.element));
        }
      }
    }
  }
  return { checked, found: [...found].sort() };
}

describe('837 implementation-guide validation over the corpus', () => {
  const rows = rows837();

  it('finds the corpus 837 files', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  it.each(rows.map((row) => [row.file, row] as const))('%s validates without an exception', (_file, row) => {
    expect(() => guideDiagnostics(row.file)).not.toThrow();
  });

  const valid = rows.filter((row) => row.validity === 'valid');
  it.each(valid.map((row) => [row.file, row] as const))(
    '%s (valid at its source) gives only its documented defects',
    (_file, row) => {
      const { checked, found } = guideDiagnostics(row.file);
      if (checked === 0) return; // a guide version we do not register (005010X222A2, X223A3 ...)
      expect(found).toEqual([...(KNOWN_DEFECTS[row.file] ?? [])].sort());
    },
  );

  it('every documented defect belongs to a file in the corpus', () => {
    const files = new Set(rows.map((row) => row.file));
    for (const file of Object.keys(KNOWN_DEFECTS)) expect(files.has(file)).toBe(true);
  });
});
