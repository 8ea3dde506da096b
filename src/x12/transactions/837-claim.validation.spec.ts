import { validateX12 } from '../read';
import { generateInstitutionalClaims, generateProfessionalClaims } from './837-claim.generator';
import { build837IInterchange, build837PInterchange } from './837-claim.interchange';
import { ENVELOPE_837 } from './837-claim.spec-support';

describe('every 837 the builders make passes the engine validation', () => {
  it('500 generated professional claims give no error diagnostics', () => {
    const text = build837PInterchange({ ...ENVELOPE_837, claims: generateProfessionalClaims(500, 7) });
    const { diagnostics } = validateX12(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('500 generated institutional claims give no error diagnostics', () => {
    const text = build837IInterchange({ ...ENVELOPE_837, claims: generateInstitutionalClaims(500, 7) });
    const { diagnostics } = validateX12(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
