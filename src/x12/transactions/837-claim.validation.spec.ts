import { readFileSync } from 'fs';
import { join } from 'path';
import { validateX12 } from '../read';
import { generateInstitutionalClaims, generateProfessionalClaims } from './837-claim.generator';
import { build837IInterchange, build837PInterchange } from './837-claim.interchange';
import { ENVELOPE_837 } from './837-claim.spec-support';
import type { InstitutionalClaim, ProfessionalClaim } from './837-claim.model';

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

describe('the API example claims in edi-samples/claims build into 837s the engine accepts', () => {
  const example = (name: string): { claims: unknown[] } =>
    JSON.parse(readFileSync(join(__dirname, '../../../edi-samples/claims', `${name}.json`), 'utf8')) as {
      claims: unknown[];
    };
  const options = {
    ...ENVELOPE_837.options,
    submitterIdentification: 'SUB0001',
    receiverIdentification: 'RCV0001',
  };

  it('professional.json', () => {
    const claims = example('professional').claims as ProfessionalClaim[];
    const text = build837PInterchange({ ...ENVELOPE_837, options, claims });
    expect(validateX12(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('institutional.json', () => {
    const claims = example('institutional').claims as InstitutionalClaim[];
    const text = build837IInterchange({ ...ENVELOPE_837, options, claims });
    expect(validateX12(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
