/**
 * Conformance run over ../shared/x12-corpus: public sample files from other X12 projects, kept outside
 * this repository. PROVENANCE.tsv says whether each file's source calls it valid or invalid.
 *
 * - Every file is read without an exception; X12Error (X12-NOT-X12) only for files with no ISA at all.
 * - A file its source calls valid gives no envelope or syntax errors (X12-ENV-*, X12-SYN-*), except
 *   the documented defects below, each checked by hand: the rule stays strict, the evidence is recorded.
 * - A file its source calls invalid gives at least one diagnostic from validateX12.
 * - Streaming gives the same result as the whole-input read, at 7-byte and 1 KiB chunks.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  collectX12Stream,
  readX12,
  readX12Stream,
  validateX12,
  X12Error,
  type Diagnostic,
} from '../../src/x12';

const CORPUS = resolve(__dirname, '../../../shared/x12-corpus');

interface ProvenanceRow {
  file: string;
  transactionSet: string;
  validity: 'valid' | 'invalid' | 'unknown';
}

function provenance(): ProvenanceRow[] {
  const [header, ...lines] = readFileSync(join(CORPUS, 'PROVENANCE.tsv'), 'utf8').trim().split('\n');
  const columns = header.split('\t');
  const at = (name: string) => columns.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      file: cells[at('file')],
      transactionSet: cells[at('transaction_set')],
      validity: cells[at('validity')] as ProvenanceRow['validity'],
    };
  });
}

/** Files with no ISA anywhere: the one case where reading throws (X12-NOT-X12). */
const NOT_X12 = new Set([
  'invalid/imsweb__837p_x12_no_isa_line.txt', // ISA line removed on purpose by its source
  'invalid/edi835parser__835_blue_cross_nc_sample_no_envelope.txt', // bare ST..SE, no envelope at all
]);

/**
 * "Valid" files whose envelopes really are wrong. Their sources test parsing only, never counts or
 * echoes; each figure was recounted by hand (and node-x12 in strict mode rejects the same files).
 */
const KNOWN_ENVELOPE_DEFECTS: Record<string, string[]> = {
  // SE02 4323 but ST02 4321.
  '271/lfh__subscriber-health-benefit-check-error.271': ['X12-ENV-SE02-MISMATCH'],
  // imsweb's 837P test file: SE01 says 25, ST..SE holds 34 segments (the file was edited, SE01 not).
  '837P/imsweb__x12_valid.txt': ['X12-ENV-SE01-COUNT'],
  '837P/imsweb__x12_no_errors.txt': ['X12-ENV-SE01-COUNT'],
  '837P/imsweb__x12_valid_different_separators.txt': ['X12-ENV-SE01-COUNT'],
  '837P/imsweb__x12_multiple_isa.txt': ['X12-ENV-SE01-COUNT'],
  '837P/imsweb__x12_ambiguous_loop.txt': ['X12-ENV-SE01-COUNT'],
  // Same file copied three times into one interchange: GS06 1 reused, IEA01 still 1 for 3 groups.
  '837P/imsweb__x12_multiple_gs.txt': ['X12-ENV-GS06-DUPLICATE', 'X12-ENV-IEA01-COUNT', 'X12-ENV-SE01-COUNT'],
  // Same transaction set copied twice: ST02 987654 reused, GE01 still 1 for 2 sets.
  '837P/imsweb__x12_multiple_st.txt': ['X12-ENV-GE01-COUNT', 'X12-ENV-SE01-COUNT', 'X12-ENV-ST02-DUPLICATE'],
  // ISA13 000000286, IEA02 000000001.
  '999/imsweb__x12_999_accepted.txt': ['X12-ENV-IEA02-MISMATCH'],
  // TA1-only interchange (no GS) whose IEA01 says 1 group.
  'TA1/staedi__x12_interchange_ack.txt': ['X12-ENV-IEA01-COUNT'],
  // SE01 74, ST..SE holds 73 segments.
  '271/tigershark__5010-271-example-1.txt': ['X12-ENV-SE01-COUNT'],
  // ST02 1234, SE02 0001.
  '835/tigershark__5010-835-example-2.txt': ['X12-ENV-SE02-MISMATCH'],
  // ISA13 269895334, IEA02 267365555.
  '277/stupidedi__X212_pass_1.era': ['X12-ENV-IEA02-MISMATCH'],
  // Simulator output whose SE01 is off by one or two (8 for 6, 27 for 26, 24 for 22, 20 for 18).
  '999/chsim__accept.999': ['X12-ENV-SE01-COUNT'],
  '277CA/chsim__accepted.CLP.277': ['X12-ENV-SE01-COUNT'],
  '835/chsim__paid_deductible.ERA.835.edi': ['X12-ENV-SE01-COUNT'],
  '271/chsim__active_ppo.ELG.271.edi': ['X12-ENV-SE01-COUNT'],
};

function envelopeErrorCodes(diagnostics: readonly Diagnostic[]): string[] {
  const codes = diagnostics
    .filter((d) => d.severity === 'error' && /^X12-(ENV|SYN)-/.test(d.code))
    .map((d) => d.code);
  return [...new Set(codes)].sort();
}

async function* chunks(bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const rows = provenance();

describe('x12 corpus conformance', () => {
  it('has the corpus', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it('documents only files that exist in the corpus', () => {
    const files = new Set(rows.map((row) => row.file));
    for (const file of [...NOT_X12, ...Object.keys(KNOWN_ENVELOPE_DEFECTS)]) expect(files).toContain(file);
  });

  it.each(rows.map((row) => [row.file, row.validity, row] as const))(
    '%s (%s)',
    async (_file, _validity, row) => {
      const bytes = readFileSync(join(CORPUS, row.file));
      if (NOT_X12.has(row.file)) {
        expect(bytes.includes('ISA')).toBe(false);
        expect(() => readX12(bytes)).toThrow(X12Error);
        expect(() => readX12(bytes)).toThrow(expect.objectContaining({ code: 'X12-NOT-X12' }));
        return;
      }
      const validated = validateX12(bytes); // any exception fails the test
      if (row.validity === 'valid') {
        expect(envelopeErrorCodes(validated.diagnostics)).toEqual(
          [...(KNOWN_ENVELOPE_DEFECTS[row.file] ?? [])].sort(),
        );
      }
      if (row.validity === 'invalid') {
        expect(validated.diagnostics.length).toBeGreaterThan(0);
      }
      const whole = readX12(bytes);
      for (const size of [7, 1024]) {
        expect(await collectX12Stream(readX12Stream(chunks(bytes, size)))).toEqual(whole);
      }
    },
  );
});
