import { readX12 } from '../read';
import { SUBSCRIBER_IS_PATIENT_837P } from '../transactions/837p-005010x222a1/837p.samples.spec-support';
import { guideFor, registerGuide } from '../transactions';
import { validateTransaction } from './validate-transaction';
import { DIAGNOSTIC_CODES } from './diagnostic-codes';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER0001     *ZZ*RECEIVER001    *250115*1200*^*00501*000000123*0*T*:~';

function envelope(body: string, version = '005010X222A1'): string {
  const count = body.split('~').filter((s) => s !== '').length;
  return `${ISA}GS*HC*SENDER0001*RECEIVER001*20250115*1200*45*X*${version}~${body}GE*1*45~IEA*1*000000123~`.replace(
    /SE\*\d+\*/,
    `SE*${count}*`,
  );
}

function validate(body: string, version?: string) {
  const { value } = readX12(envelope(body, version));
  const interchange = value[0];
  const group = interchange.groups[0];
  return validateTransaction(group.transactions[0], { interchange, group });
}

describe('validateTransaction', () => {
  it('finds the 837P and 837I guides in the registry', () => {
    expect(guideFor('837', '005010X222A1')?.schema.id).toBe('837P');
    expect(guideFor('837', '005010X223A2')?.schema.id).toBe('837I');
    expect(guideFor('837', '004010X098A1')).toBeUndefined();
  });

  it('returns no diagnostics for a valid 837P', () => {
    expect(validate(SUBSCRIBER_IS_PATIENT_837P)).toEqual([]);
  });

  it('combines walker, element and rule diagnostics, located by ISA13, GS06, ST02', () => {
    const body = SUBSCRIBER_IS_PATIENT_837P.replace('DMG*D8*19800101*F', 'DMG*D8*19800101*X').replace(
      'CLM*PCN0001*150.5',
      'CLM*PCN0001*151',
    );
    const diagnostics = validate(body);
    expect(diagnostics.map((d) => [d.code, d.location.loopId, d.location.element])).toEqual([
      ['X12-IG-ELEMENT-CODE', '2010BA', 'DMG03'],
      ['X12-837-CLM02-BALANCE', '2300', 'CLM02'],
    ]);
    expect(diagnostics[0].location).toMatchObject({
      interchangeControlNumber: '000000123',
      groupControlNumber: '45',
      transactionControlNumber: '0001',
      segmentId: 'DMG',
      segmentPositionInTransaction: 17,
    });
  });

  it('limits CLM01 to the 20 characters the guide allows (element max is 38)', () => {
    const body = SUBSCRIBER_IS_PATIENT_837P.replace('CLM*PCN0001*', `CLM*${'P'.repeat(21)}*`);
    expect(validate(body).map((d) => [d.code, d.location.element])).toEqual([
      ['X12-IG-ELEMENT-TOO-LONG', 'CLM01'],
    ]);
  });

  it('reports structure problems from the walker', () => {
    const body = SUBSCRIBER_IS_PATIENT_837P.replace('NM1*PR*2*SYNTHETIC HEALTH PLAN*****PI*PAYER0001~', '');
    expect(validate(body).map((d) => d.code)).toEqual(['X12-IG-LOOP-MISSING']);
  });

  it('leaves a transaction cut off before SE to the envelope diagnostics (no SE missing, no rules)', () => {
    const { value } = readX12(envelope(SUBSCRIBER_IS_PATIENT_837P));
    const interchange = value[0];
    const group = interchange.groups[0];
    const whole = group.transactions[0];
    const cut = { ...whole, complete: false, segments: whole.segments.slice(0, 27) };
    expect(validateTransaction(cut, { interchange, group })).toEqual([]);
  });

  it('warns when no guide is registered for the version', () => {
    const body = SUBSCRIBER_IS_PATIENT_837P.replace('ST*837*0001*005010X222A1', 'ST*837*0001*004010X098A1');
    expect(validate(body, '004010X098A1')).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'X12-IG-UNKNOWN-GUIDE' }),
    ]);
  });

  it('runs a guide added with registerGuide', () => {
    registerGuide({
      schema: {
        id: 'TEST',
        transactionSet: '999',
        version: '005010XTEST',
        functionalIdentifier: 'FA',
        children: [],
      },
      rules: [],
    });
    expect(guideFor('999', '005010XTEST')?.schema.id).toBe('TEST');
  });

  it('has a one-line description for every code it can emit', () => {
    for (const description of Object.values(DIAGNOSTIC_CODES)) expect(description.length).toBeGreaterThan(10);
  });
});
