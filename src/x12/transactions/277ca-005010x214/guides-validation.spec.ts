/**
 * The whole engine (envelope, schema walker, element validation, guide rules) on the 277CA, 270 and
 * 271 golden files (the corpus counterpart is test/corpus/277ca-270-271-readers.corpus.ts).
 */
import { validateX12 } from '../../read';
import { goldenFiles } from '../../../../test/support/x12-golden';

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
