// Outbound file names from a partner's pattern. Placeholders: {partner} (the partner's name reduced to
// [A-Za-z0-9-]), {kind} (837P, 837I, 270), {isa13} (9 digits), {transmission} (the transmission id),
// {date} (UTC YYYYMMDD), {time} (UTC HHMMSS). Every pattern must contain {isa13} or {transmission}: ISA13 is
// unique per sender/receiver pair and the transmission id is unique outright, so no two files share a name
// (SFTP rename never overwrites, and the partner may key on the name).
import { DomainError, type ErrorDetail } from '../../common/errors/domain-error';

export const FILE_NAME_PLACEHOLDERS = ['partner', 'kind', 'isa13', 'transmission', 'date', 'time'] as const;
export type FileNamePlaceholder = (typeof FILE_NAME_PLACEHOLDERS)[number];

export const DEFAULT_FILE_NAME_PATTERN = '{partner}-{kind}-{isa13}-{date}{time}.x12';
export const MAX_FILE_NAME_LENGTH = 200;
const PARTNER_SLUG_MAX = 40;

export interface FileNameValues {
  kind: string;
  /** ISA13 of the (first) interchange in the file; zero-padded to 9 digits. */
  isa13: string | number;
  transmissionId: string;
  at: Date;
}

const TOKEN = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
const LITERAL = /^[A-Za-z0-9._-]+$/;
// Suffixes the delivery and collection code give meaning to (temporary upload, completion marker).
const RESERVED_SUFFIXES = ['.part', '.done', '.tmp'];

/** The partner name as it appears in file names: letters, digits and single dashes, at most 40 characters. */
export function partnerSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, PARTNER_SLUG_MAX)
    .replace(/-+$/, '');
  return slug === '' ? 'partner' : slug;
}

/**
 * Problems with a pattern, as details at `path` (empty when it is valid). Checked when a partner is created
 * or changed, so renderFileName never meets a bad pattern.
 */
export function fileNamePatternProblems(pattern: string, path = '$.fileNamePattern'): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const problem = (code: string, message: string): ErrorDetail[] => {
    problems.push({ path, code, message });
    return problems;
  };
  if (pattern.length === 0) return problem('file_name_pattern_empty', 'fileNamePattern must not be empty');
  const seen = new Set<string>();
  for (const match of pattern.matchAll(TOKEN)) {
    const [, placeholder, literal, brace] = match;
    if (brace !== undefined) {
      return problem('file_name_pattern_brace', 'fileNamePattern has an unmatched brace');
    }
    if (placeholder !== undefined) {
      if (!(FILE_NAME_PLACEHOLDERS as readonly string[]).includes(placeholder)) {
        return problem(
          'file_name_pattern_placeholder',
          `fileNamePattern placeholders are ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
        );
      }
      seen.add(placeholder);
    } else if (literal !== undefined && !LITERAL.test(literal)) {
      return problem(
        'file_name_pattern_characters',
        'fileNamePattern text may only contain letters, digits, dot, dash and underscore',
      );
    }
  }
  if (!seen.has('isa13') && !seen.has('transmission')) {
    problem('file_name_pattern_not_unique', 'fileNamePattern must contain {isa13} or {transmission}');
  }
  if (/^[._-]/.test(pattern)) {
    problem('file_name_pattern_start', 'fileNamePattern must start with a letter, a digit or a placeholder');
  }
  if (RESERVED_SUFFIXES.some((suffix) => pattern.toLowerCase().endsWith(suffix))) {
    problem('file_name_pattern_suffix', `fileNamePattern must not end with ${RESERVED_SUFFIXES.join(', ')}`);
  }
  if (problems.length === 0) {
    const longest = render(pattern, 'x'.repeat(PARTNER_SLUG_MAX), {
      kind: '837P',
      isa13: '999999999',
      transmissionId: '00000000-0000-0000-0000-000000000000',
      at: new Date(0),
    });
    if (longest.length > MAX_FILE_NAME_LENGTH) {
      problem(
        'file_name_pattern_too_long',
        `file names from fileNamePattern can exceed ${MAX_FILE_NAME_LENGTH}`,
      );
    }
  }
  return problems;
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

function render(pattern: string, slug: string, values: FileNameValues): string {
  const at = values.at;
  const replacements: Record<FileNamePlaceholder, string> = {
    partner: slug,
    kind: values.kind,
    isa13: String(values.isa13).padStart(9, '0'),
    transmission: values.transmissionId,
    date: `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`,
    time: `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`,
  };
  return pattern.replace(
    /\{([a-z0-9]+)\}/g,
    (_whole, name: string) => replacements[name as FileNamePlaceholder],
  );
}

/** The outbound file name for one transmission; only [A-Za-z0-9._-], starting with a letter or digit. */
export function renderFileName(
  partner: { name: string; fileNamePattern: string },
  values: FileNameValues,
): string {
  const name = render(partner.fileNamePattern, partnerSlug(partner.name), values).replace(
    /[^A-Za-z0-9._-]/g,
    '_',
  );
  // Patterns are validated at create time; this guards rows written before a rule existed.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.length > MAX_FILE_NAME_LENGTH) {
    throw new DomainError(
      'partner_file_name_pattern_invalid',
      'unprocessable',
      'The trading partner file name pattern renders an unusable file name.',
    );
  }
  return name;
}
