import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readX12, validateX12 } from '../../read';
import { writeInterchange } from '../../envelope/interchange-writer';
import type { TransactionSet } from '../../envelope/types';
import { segmentsOf, TEST_DELIMITERS } from '../../schema/segments.spec-support';
import { X12Error } from '../../syntax/types';
import {
  asJson,
  codesOf,
  goldenFiles,
  rewriteInterchange,
  SAMPLES_ROOT,
} from '../../../../test/support/x12-golden';
import { build270Interchange, parse270BuildInput } from './270.interchange';
import { build270Body } from './270.builder';
import type { EligibilityInquiry270, EligibilityRequest270 } from './270.model';
import { read270 } from './270.reader';
import { guide270 } from './270.rules';

function readAll(text: string): { models: EligibilityInquiry270[]; codes: string[] } {
  const read = readX12(text);
  const all = [...read.diagnostics];
  const models: EligibilityInquiry270[] = [];
  for (const interchange of read.value) {
    for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
      const result = read270(tx, interchange.delimiters);
      models.push(result.value);
      all.push(...result.diagnostics);
      for (const rule of guide270.rules) {
        all.push(
          ...rule({
            segments: tx.segments,
            delimiters: interchange.delimiters,
            location: {},
            loopOf: () => undefined,
          }),
        );
      }
    }
  }
  return { models, codes: codesOf(all) };
}

const request: EligibilityRequest270 = {
  referenceId: 'ELIG0001',
  date: '20260402',
  time: '0930',
  payer: { name: 'TEST HEALTH PLAN', id: 'TESTPAYER01' },
  provider: { organizationName: 'TEST MEDICAL GROUP', npi: '1999999984' },
  subscriber: {
    memberId: 'MBR000123',
    lastName: 'TESTPATIENT',
    firstName: 'JOHN',
    birthDate: '19800115',
    gender: 'M',
    groupNumber: 'GRP000777',
  },
  trace: { referenceId: 'TRACE0001', originatingCompanyId: '9999999999' },
  serviceTypeCodes: ['30', '98'],
  dateOfService: { start: '20260402' },
};

describe('build270Body', () => {
  it('puts TRN, DTP*291 and EQ in the subscriber loops when the subscriber is the patient', () => {
    const body = build270Body(request);
    expect(body.map((s) => s.id)).toEqual([
      'BHT',
      'HL',
      'NM1',
      'HL',
      'NM1',
      'HL',
      'TRN',
      'NM1',
      'REF',
      'DMG',
      'DTP',
      'EQ',
      'EQ',
    ]);
    expect(body[5].elements).toEqual(['3', '2', '22', '0']);
    expect(body[6].elements).toEqual(['1', 'TRACE0001', '9999999999']);
    expect(body[7].elements).toEqual([
      'IL',
      '1',
      'TESTPATIENT',
      'JOHN',
      undefined,
      undefined,
      undefined,
      'MI',
      'MBR000123',
    ]);
  });

  it('moves TRN, dates and EQ to the dependent loop (2000D) for a dependent', () => {
    const body = build270Body({
      ...request,
      dependent: { lastName: 'TESTPATIENT', firstName: 'JANE', relationshipCode: '19' },
    });
    expect(body.map((s) => s.id)).toEqual([
      'BHT',
      'HL',
      'NM1',
      'HL',
      'NM1',
      'HL',
      'NM1',
      'REF',
      'DMG',
      'HL',
      'TRN',
      'NM1',
      'INS',
      'DTP',
      'EQ',
      'EQ',
    ]);
    expect(body[5].elements).toEqual(['3', '2', '22', '1']);
    expect(body[9].elements).toEqual(['4', '3', '23', '0']);
  });

  it.each([
    ['subscriber', request],
    [
      'dependent with a person provider',
      {
        ...request,
        provider: {
          lastName: 'TESTDOCTOR',
          firstName: 'ANNA',
          npi: '1999999992',
          taxonomyCode: '207Q00000X',
        },
        dependent: {
          lastName: 'TESTPATIENT',
          firstName: 'JANE',
          birthDate: '20150620',
          gender: 'F' as const,
          relationshipCode: '19',
        },
        dateOfService: { start: '20260401', end: '20260430' },
      },
    ],
  ])('builds a %s request the whole engine validates without any diagnostic', (_name, input) => {
    const text = writeInterchange({
      header: {
        senderQualifier: 'ZZ',
        senderId: 'S',
        receiverQualifier: 'ZZ',
        receiverId: 'R',
        date: '260402',
        time: '0930',
        controlNumber: 1,
        acknowledgmentRequested: false,
        usageIndicator: 'T',
      },
      groups: [
        {
          header: {
            functionalIdentifier: 'HS',
            applicationSender: 'S',
            applicationReceiver: 'R',
            date: '20260402',
            time: '0930',
            controlNumber: 1,
            version: '005010X279A1',
          },
          transactions: [
            { id: '270', controlNumber: '0001', version: '005010X279A1', body: build270Body(input) },
          ],
        },
      ],
    });
    expect(validateX12(text).diagnostics).toEqual([]);
    const { models, codes } = readAll(text);
    expect(codes).toEqual([]);
    expect(asJson(models[0].requests)).toEqual([asJson({ purposeCode: undefined, ...input })]);
  });

  it('refuses requests it cannot write, naming the element and never the value', () => {
    expect(() => build270Body({ ...request, serviceTypeCodes: [] })).toThrow(X12Error);
    expect(() => build270Body({ ...request, subscriber: { ...request.subscriber, memberId: '' } })).toThrow(
      '2100C NM109',
    );
    expect(() =>
      build270Body({ ...request, subscriber: { ...request.subscriber, birthDate: undefined } }),
    ).toThrow('DMG02');
  });
});

describe('270 golden files (edi-samples/270)', () => {
  const files = goldenFiles('270');

  it.each(files.map((f) => [f.name, f] as const))('%s reads to its expected JSON', (_name, file) => {
    const { models, codes } = readAll(file.text);
    expect({ diagnostics: codes, transactions: asJson(models) }).toEqual(file.expected);
  });

  it.each(files.filter((f) => !f.name.includes('malformed')).map((f) => [f.name, f] as const))(
    '%s round-trips byte for byte (read, request, build body, write)',
    (_name, file) => {
      const interchange = readX12(file.text).value[0];
      const bodies = interchange.groups[0].transactions.map((tx) =>
        read270(tx, interchange.delimiters).value.requests.flatMap(build270Body),
      );
      expect(rewriteInterchange(interchange, bodies)).toBe(file.text);
    },
  );

  it('subscriber and dependent samples carry the fields a payer needs', () => {
    const subscriber = readAll(files.find((f) => f.name === '270-subscriber')!.text).models[0].requests[0];
    expect(subscriber).toMatchObject({
      serviceTypeCodes: ['30', '98'],
      dependent: undefined,
      trace: { referenceId: 'TRACE0001' },
    });
    expect(subscriber.subscriber).toEqual(request.subscriber);
    const dependent = readAll(files.find((f) => f.name === '270-dependent')!.text).models[0].requests[0];
    expect(dependent.dependent).toEqual({
      lastName: 'TESTPATIENT',
      firstName: 'JANE',
      birthDate: '20150620',
      gender: 'F',
      relationshipCode: '19',
    });
    expect(dependent.dateOfService).toEqual({ start: '20260401', end: '20260430' });
    expect(dependent.provider).toEqual({
      lastName: 'TESTDOCTOR',
      firstName: 'ANNA',
      npi: '1999999992',
      taxonomyCode: '207Q00000X',
    });
  });

  it('malformed samples report their problems', () => {
    expect(readAll(files.find((f) => f.name === '270-malformed-missing-trn')!.text).codes).toEqual([
      'X12-270-MISSING-TRN',
    ]);
    expect(readAll(files.find((f) => f.name === '270-malformed-bad-hl-parent')!.text).codes).toContain(
      'X12-270-HL-PARENT',
    );
    expect(readAll(files.find((f) => f.name === '270-malformed-truncated')!.text).codes).toContain(
      'X12-ENV-SE-MISSING',
    );
  });
});

describe('270 rules on inline segments', () => {
  const tx = (text: string): TransactionSet => ({
    id: '270',
    controlNumber: '0001',
    version: '005010X279A1',
    segments: segmentsOf(text),
    complete: true,
  });
  const run = (text: string) =>
    codesOf(
      guide270.rules.flatMap((rule) =>
        rule({
          segments: segmentsOf(text),
          delimiters: TEST_DELIMITERS,
          location: {},
          loopOf: () => undefined,
        }),
      ),
    );
  const head =
    'ST*270*0001*005010X279A1~BHT*0022*13*R*20260101*1200~HL*1**20*1~NM1*PR*2*P*****PI*1~HL*2*1*21*1~NM1*1P*2*G*****XX*1~';

  it('rejects a dependent loop that describes the subscriber (INS02 18, or same name and birth date)', () => {
    const self = `${head}HL*3*2*22*1~NM1*IL*1*TESTPATIENT*JOHN****MI*M1~HL*4*3*23*0~TRN*1*T*9999999999~NM1*03*1*X*Y~INS*N*18~EQ*30~SE*14*0001~`;
    expect(run(self)).toEqual(['X12-270-DEPENDENT-IS-SUBSCRIBER']);
    const same = `${head}HL*3*2*22*1~NM1*IL*1*TESTPATIENT*JOHN****MI*M1~DMG*D8*19800115~HL*4*3*23*0~TRN*1*T*9999999999~NM1*03*1*TESTPATIENT*JOHN~DMG*D8*19800115~EQ*30~SE*15*0001~`;
    const diagnostics = guide270.rules.flatMap((rule) =>
      rule({
        segments: segmentsOf(same),
        delimiters: TEST_DELIMITERS,
        location: {},
        loopOf: () => undefined,
      }),
    );
    expect(codesOf(diagnostics)).toEqual(['X12-270-DEPENDENT-IS-SUBSCRIBER']);
    expect(JSON.stringify(diagnostics)).not.toContain('TESTPATIENT');
  });

  it('reads several subscribers as several requests and reports an EQ composite it cannot carry', () => {
    const text = `${head}HL*3*2*22*0~TRN*1*T1*9999999999~NM1*IL*1*A*B****MI*M1~EQ*30~HL*4*2*22*0~TRN*1*T2*9999999999~NM1*IL*1*C*D****MI*M2~EQ**HC:99213~SE*15*0001~`;
    const result = read270(tx(text), TEST_DELIMITERS);
    expect(
      result.value.requests.map((r) => [r.subscriber.memberId, r.trace.referenceId, r.serviceTypeCodes]),
    ).toEqual([
      ['M1', 'T1', ['30']],
      ['M2', 'T2', []],
    ]);
    expect(codesOf(result.diagnostics)).toEqual(['X12-270-UNEXPECTED-SEGMENT']);
  });
});

describe('build270Interchange (x12gw x12 build 270)', () => {
  it('builds the subscriber golden file from its input JSON', () => {
    const input = JSON.parse(
      readFileSync(join(SAMPLES_ROOT, '270', '270-subscriber.input.json'), 'utf8'),
    ) as unknown;
    expect(build270Interchange(parse270BuildInput(input))).toBe(
      readFileSync(join(SAMPLES_ROOT, '270', '270-subscriber.x12'), 'latin1'),
    );
    expect(() => parse270BuildInput({ interchange: {}, group: {} })).toThrow('request is missing');
  });
});
