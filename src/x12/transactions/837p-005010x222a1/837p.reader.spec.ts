import { readX12 } from '../../read';
import { generateProfessionalClaims } from '../837-claim.generator';
import { build837PInterchange } from '../837-claim.interchange';
import { ENVELOPE_837 } from '../837-claim.spec-support';
import { read837P } from './837p.reader';

function readText(text: string) {
  const interchange = readX12(text).value[0];
  return read837P(interchange.groups[0].transactions[0], interchange.delimiters);
}

describe('read837P on files from other submitters', () => {
  const [claim] = generateProfessionalClaims(1, 2);
  const built = build837PInterchange({ ...ENVELOPE_837, claims: [claim] });

  it('keeps 2320/2330 (other payer) REF*F8, NM1*82 and DTP out of the claim and reports them as ignored', () => {
    const cob = [
      'SBR*S*18*******CI~',
      'NM1*IL*1*TESTPATIENT*JANE****MI*MBR000777~',
      'NM1*PR*2*OTHER TEST PLAN*****PI*PAYER0002~',
      'DTP*573*D8*20250101~',
      'REF*F8*OTHERCLM01~',
      'NM1*82*1*OTHERDOCTOR~',
      '',
    ].join('\n');
    const text = built
      .replace('LX*1~', `${cob}LX*1~`)
      .replace(/SE\*(\d+)\*/, (_m, n) => `SE*${Number(n) + 6}*`);
    const { value, diagnostics } = readText(text);
    const read = value.claims[0];
    expect(read.claimInformation.claimSupplementalInformation?.claimControlNumber).toBe(
      claim.claimInformation.claimSupplementalInformation?.claimControlNumber,
    );
    expect(read.rendering).toEqual(claim.rendering);
    expect(read.claimInformation.serviceLines).toEqual(claim.claimInformation.serviceLines);
    const ignored = diagnostics.filter((d) => d.code === 'X12-837-SEGMENT-IGNORED');
    expect(ignored.map((d) => d.location.segmentId)).toEqual(['SBR', 'NM1', 'NM1', 'DTP', 'REF', 'NM1']);
    expect(diagnostics.every((d) => !d.message.includes('OTHER'))).toBe(true);
  });

  it('reads a file written with other delimiters', () => {
    const piped = built
      .replace(/\*/g, '|')
      .replace(/:/g, '^')
      .replace(/~/g, '\n')
      .replace('|^|00501', '|{|00501');
    const { value, diagnostics } = readText(piped.replace(/\n\n/g, '\n'));
    expect(diagnostics).toEqual([]);
    expect(value.claims[0].claimInformation.serviceLines).toEqual(claim.claimInformation.serviceLines);
  });
});
