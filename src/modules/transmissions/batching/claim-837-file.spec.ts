import { hasErrors, readX12, validateX12 } from '../../../x12/read';
import { read837I } from '../../../x12/transactions/837i-005010x223a2/837i.reader';
import { read837P } from '../../../x12/transactions/837p-005010x222a1/837p.reader';
import {
  institutionalClaimFixture,
  professionalClaimFixture,
} from '../../claims/claim-fixtures.spec-support';
import { envelopeDates, layout837File, write837File, type Claim837FilePartner } from './claim-837-file';

function partner(overrides: Partial<Claim837FilePartner> = {}): Claim837FilePartner {
  return {
    isaSenderQualifier: 'ZZ',
    isaSenderId: 'GATEWAY',
    isaReceiverQualifier: '30',
    isaReceiverId: 'PAYER01',
    gsSenderCode: null,
    gsReceiverCode: null,
    usageIndicator: 'P',
    acknowledgmentRequested: false,
    delimiters: { element: '|', repetition: '!', component: '>', segment: '\n' },
    maxClaimsPerTransaction: 2,
    oneInterchangePerFile: true,
    ...overrides,
  };
}

function professional(n: number): Record<string, unknown> {
  const claim = professionalClaimFixture();
  const info = claim.claimInformation as Record<string, unknown>;
  return { ...claim, claimInformation: { ...info, patientControlNumber: `PCN${n}` } };
}

const AT = new Date('2026-03-04T05:06:07Z');

describe('layout837File', () => {
  it('splits claims into sets of at most maxClaimsPerTransaction, in one interchange', () => {
    expect(layout837File(5, partner())).toEqual({ setSizes: [2, 2, 1], interchangeSets: [[0, 1, 2]] });
    expect(layout837File(2, partner())).toEqual({ setSizes: [2], interchangeSets: [[0]] });
  });

  it('puts each set in its own interchange when several interchanges per file are allowed', () => {
    expect(layout837File(3, partner({ oneInterchangePerFile: false }))).toEqual({
      setSizes: [2, 1],
      interchangeSets: [[0], [1]],
    });
  });

  it('refuses an empty file or a zero set size', () => {
    expect(() => layout837File(0, partner())).toThrow(RangeError);
    expect(() => layout837File(1, partner({ maxClaimsPerTransaction: 0 }))).toThrow(RangeError);
  });
});

describe('write837File', () => {
  it('writes the partner envelope, the given control numbers and UTC dates, and reads back to the claims', () => {
    const claims = [professional(1), professional(2), professional(3)];
    const text = write837File({
      kind: 'professional',
      partner: partner({ gsSenderCode: 'APPSEND' }),
      at: AT,
      interchanges: [
        {
          isa13: 41,
          gs06: 7,
          sets: [
            { st02: 100, claims: claims.slice(0, 2) },
            { st02: 101, claims: claims.slice(2) },
          ],
        },
      ],
    });
    const validated = validateX12(text);
    expect(hasErrors(validated.diagnostics)).toBe(false);
    const [interchange] = validated.value;
    expect(interchange.controlNumber).toBe('000000041');
    expect(interchange.senderId.trim()).toBe('GATEWAY');
    expect(interchange.receiverQualifier).toBe('30');
    expect(interchange.usageIndicator).toBe('P');
    expect(interchange.acknowledgmentRequested).toBe(false);
    expect(interchange.delimiters).toEqual({ element: '|', repetition: '!', component: '>', segment: '\n' });
    expect(interchange.header.elements[8]).toBe('260304');
    expect(interchange.header.elements[9]).toBe('0506');
    const [group] = interchange.groups;
    expect(group.controlNumber).toBe('7');
    expect(group.applicationSender).toBe('APPSEND');
    expect(group.applicationReceiver).toBe('PAYER01');
    expect(group.transactions.map((set) => set.controlNumber)).toEqual(['0100', '0101']);
    const pcns = group.transactions.flatMap((set) =>
      read837P(set, interchange.delimiters).value.claims.map(
        (claim) => claim.claimInformation.patientControlNumber,
      ),
    );
    expect(pcns).toEqual(['PCN1', 'PCN2', 'PCN3']);
  });

  it('writes several interchanges one after another', () => {
    const text = write837File({
      kind: 'institutional',
      partner: partner({
        oneInterchangePerFile: false,
        delimiters: { element: '*', repetition: '^', component: ':', segment: '~' },
      }),
      at: AT,
      interchanges: [
        { isa13: 1, gs06: 1, sets: [{ st02: 1, claims: [institutionalClaimFixture()] }] },
        { isa13: 2, gs06: 2, sets: [{ st02: 2, claims: [institutionalClaimFixture()] }] },
      ],
    });
    const read = readX12(text);
    expect(hasErrors(validateX12(text).diagnostics)).toBe(false);
    expect(read.value.map((interchange) => interchange.controlNumber)).toEqual(['000000001', '000000002']);
    for (const interchange of read.value) {
      const [set] = interchange.groups[0].transactions;
      expect(read837I(set, interchange.delimiters).value.claims).toHaveLength(1);
    }
  });
});

describe('envelopeDates', () => {
  it('formats the instant in UTC', () => {
    expect(envelopeDates(new Date('1999-12-31T23:59:59Z'))).toEqual({
      ccyymmdd: '19991231',
      yymmdd: '991231',
      hhmm: '2359',
    });
  });
});
