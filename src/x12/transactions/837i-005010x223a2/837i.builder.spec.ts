import { readX12 } from '../../read';
import { X12Error } from '../../syntax/types';
import type { InstitutionalClaim } from '../837-claim.model';
import { generateInstitutionalClaims } from '../837-claim.generator';
import { build837IInterchange } from '../837-claim.interchange';
import { BUILD_OPTIONS_837, ENVELOPE_837 } from '../837-claim.spec-support';
import { build837IBody } from './837i.builder';
import { read837I } from './837i.reader';

const [inpatient, outpatient] = generateInstitutionalClaims(2, 3);

describe('build837IBody', () => {
  it('writes CLM05 as facility code : A : frequency, leaves CLM06 empty and writes CL1 and statement dates', () => {
    const body = build837IBody({ claims: [inpatient] }, BUILD_OPTIONS_837);
    const clm = body.find((s) => s.id === 'CLM');
    expect(clm?.elements[4]).toEqual(['11', 'A', '1']);
    expect(clm?.elements[5]).toBe('');
    const dtps = body
      .filter((s) => s.id === 'DTP' && s.elements[0] !== '472')
      .map((s) => s.elements.slice(0, 2));
    expect(dtps).toEqual([
      ['096', 'TM'],
      ['434', 'RD8'],
      ['435', 'DT'],
    ]);
    expect(body.find((s) => s.id === 'CL1')?.elements).toEqual(['1', '7', '01']);
    const his = body.filter((s) => s.id === 'HI').map((s) => (s.elements[0] as string[])[0]);
    expect(his).toEqual(['ABK', 'ABJ', 'ABF']);
    expect(body.some((s) => s.id === 'SV2')).toBe(true);
  });

  it('refuses a claim without CL1 or statement dates (both required by the guide)', () => {
    const noCl1 = structuredClone(outpatient);
    delete (noCl1.claimInformation as Partial<InstitutionalClaim['claimInformation']>).claimCodeInformation;
    expect(() => build837IBody({ claims: [noCl1] }, BUILD_OPTIONS_837)).toThrow(X12Error);
    const noDates = structuredClone(outpatient);
    delete (noDates.claimInformation as Partial<InstitutionalClaim['claimInformation']>).claimDateInformation;
    expect(() => build837IBody({ claims: [noDates] }, BUILD_OPTIONS_837)).toThrow(X12Error);
  });
});

describe('read837I', () => {
  it('is the inverse of the builder for 200 generated claims', () => {
    const claims = generateInstitutionalClaims(200, 9);
    const text = build837IInterchange({ ...ENVELOPE_837, claims });
    const interchange = readX12(text).value[0];
    const { value, diagnostics } = read837I(interchange.groups[0].transactions[0], interchange.delimiters);
    expect(diagnostics).toEqual([]);
    const byPcn = (list: InstitutionalClaim[]) =>
      [...list].sort((a, b) =>
        a.claimInformation.patientControlNumber.localeCompare(b.claimInformation.patientControlNumber),
      );
    expect(JSON.parse(JSON.stringify(byPcn(value.claims)))).toEqual(
      JSON.parse(JSON.stringify(byPcn(claims))),
    );
  });
});
