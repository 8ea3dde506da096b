/**
 * The whole engine (envelope, schema walker, element validation, guide rules) on the 277CA, 270 and
 * 271 golden files and on the corpus files their sources call valid.
 */
import { validateX12 } from '../../read';
import type { Diagnostic } from '../../syntax/types';
import { corpusFiles, goldenFiles } from './golden.spec-support';

const guideProblems = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => d.severity === 'error' && !d.code.startsWith('X12-ENV-'))
    .map(
      (d) =>
        `${d.code} ${d.location.loopId ?? ''} ${d.location.segmentId ?? ''}${d.location.element ? ` ${d.location.element}` : ''}`,
    );

describe('engine validation of the 277CA, 270 and 271 golden files', () => {
  const valid = ['277ca', '270', '271'].flatMap((folder) =>
    goldenFiles(folder).filter((f) => !f.name.includes('malformed')),
  );

  it.each(valid.map((f) => [f.name, f] as const))('%s has no diagnostics at all', (_name, file) => {
    expect(validateX12(file.text).diagnostics).toEqual([]);
  });

  it.each(
    ['277ca', '270', '271']
      .flatMap((folder) => goldenFiles(folder).filter((f) => f.name.includes('malformed')))
      .map((f) => [f.name, f] as const),
  )('%s has at least one error', (_name, file) => {
    expect(validateX12(file.text).diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(
      0,
    );
  });
});

describe('engine validation of X214 / X279A1 corpus files the sources call valid', () => {
  const files = [...corpusFiles('277CA'), ...corpusFiles('270'), ...corpusFiles('271')].filter(
    (f) =>
      /005010X(214|279A1)~|\|005010X(214|279A1)~/.test(f.text.replace(/\r?\n/g, '')) &&
      !f.name.startsWith('imsweb__x271'),
  );
  const maybe = files.length > 0 ? it : it.skip;

  maybe('finds no guide errors beyond the known ones', () => {
    const problems: Record<string, string[]> = {};
    for (const file of files) {
      const found = guideProblems(validateX12(file.text).diagnostics);
      if (found.length > 0) problems[file.name] = found;
    }
    expect(problems).toEqual({
      // The simulator writes a 5-character TRN03; X279A1 requires 10 ('9' + tax id or a 10-character id).
      'chsim__active_ppo.ELG.271.edi': ['X12-IG-ELEMENT-TOO-SHORT 2000C TRN TRN03'],
    });
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
});
