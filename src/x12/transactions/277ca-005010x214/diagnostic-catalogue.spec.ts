import { DIAGNOSTIC_CODES } from '../../validation/diagnostic-codes';
import { DIAGNOSTICS_270 } from '../270-005010x279a1/270.codes';
import { DIAGNOSTICS_271 } from '../271-005010x279a1/271.codes';
import { DIAGNOSTICS_277CA } from './277ca.codes';

describe('277CA, 270 and 271 diagnostic codes', () => {
  const hierarchyCodes = ['X12-277CA', 'X12-270', 'X12-271'].flatMap((prefix) =>
    ['HL-LEVEL', 'HL-PARENT', 'HL-PARENT-LEVEL', 'HL-CHILD-CODE', 'HL-DUPLICATE-ID'].map(
      (suffix) => `${prefix}-${suffix}`,
    ),
  );
  const emitted = [
    ...Object.values(DIAGNOSTICS_277CA),
    ...Object.values(DIAGNOSTICS_270),
    ...Object.values(DIAGNOSTICS_271),
    ...hierarchyCodes,
  ];

  it.each(emitted)('%s is in the catalogue', (code) => {
    expect(Object.hasOwn(DIAGNOSTIC_CODES, code)).toBe(true);
  });
});
