import { DEFAULT_FILE_NAME_PATTERN, fileNamePatternProblems, partnerSlug, renderFileName } from './file-name';

const at = new Date(Date.UTC(2026, 10, 28, 7, 5, 9));
const values = { kind: '837P', isa13: 42, transmissionId: '0b8c7a6e-1f2d-4c3b-9a8e-7d6c5b4a3f21', at };

describe('renderFileName', () => {
  it('fills every placeholder (UTC date and time, ISA13 padded to 9 digits)', () => {
    expect(
      renderFileName(
        { name: 'Acme Health', fileNamePattern: '{partner}_{kind}_{isa13}_{transmission}_{date}_{time}.x12' },
        values,
      ),
    ).toBe('Acme-Health_837P_000000042_0b8c7a6e-1f2d-4c3b-9a8e-7d6c5b4a3f21_20261128_070509.x12');
    expect(renderFileName({ name: 'Acme', fileNamePattern: DEFAULT_FILE_NAME_PATTERN }, values)).toBe(
      'Acme-837P-000000042-20261128070509.x12',
    );
  });

  it('keeps names to [A-Za-z0-9._-] whatever the partner is called', () => {
    for (const name of [
      'Ünïcode Payer / "quotes" & <tags>',
      '../../etc/passwd',
      '   ',
      '---',
      'a\u0000b\nc',
    ]) {
      const rendered = renderFileName({ name, fileNamePattern: '{partner}-{isa13}.x12' }, values);
      expect(rendered).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(rendered).not.toContain('..');
    }
    expect(partnerSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(partnerSlug('   ')).toBe('partner');
    expect(partnerSlug('x'.repeat(100))).toHaveLength(40);
  });

  it('gives different names to different interchanges and transmissions', () => {
    const names = new Set<string>();
    for (let isa13 = 1; isa13 <= 100; isa13 += 1) {
      names.add(renderFileName({ name: 'P', fileNamePattern: 'out-{isa13}.x12' }, { ...values, isa13 }));
    }
    expect(names.size).toBe(100);
  });
});

describe('fileNamePatternProblems', () => {
  it('accepts patterns with {isa13} or {transmission} and plain characters', () => {
    for (const pattern of [
      DEFAULT_FILE_NAME_PATTERN,
      '{transmission}',
      'CLM.{isa13}',
      'a_{kind}-{isa13}.{date}.edi',
    ]) {
      expect(fileNamePatternProblems(pattern)).toEqual([]);
    }
  });

  it.each([
    ['', 'file_name_pattern_empty'],
    ['{partner}-{date}.x12', 'file_name_pattern_not_unique'],
    ['{isa13}-{payer}.x12', 'file_name_pattern_placeholder'],
    ['{isa13}/../x', 'file_name_pattern_characters'],
    ['{isa13} x', 'file_name_pattern_characters'],
    ['{isa13}.x12}', 'file_name_pattern_brace'],
    ['{isa13', 'file_name_pattern_brace'],
    ['.{isa13}', 'file_name_pattern_start'],
    ['{isa13}.part', 'file_name_pattern_suffix'],
    ['{isa13}.DONE', 'file_name_pattern_suffix'],
    [`{isa13}${'x'.repeat(192)}`, 'file_name_pattern_too_long'],
  ])('refuses %j with %s, at the field path', (pattern, code) => {
    const problems = fileNamePatternProblems(pattern);
    expect(problems.map((p) => p.code)).toContain(code);
    expect(problems.every((p) => p.path === '$.fileNamePattern')).toBe(true);
  });
});
