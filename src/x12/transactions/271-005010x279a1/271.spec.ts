import { readX12, validateX12 } from '../../read';
import { writeInterchange } from '../../envelope/interchange-writer';
import type { TransactionSet } from '../../envelope/types';
import { writeSegment } from '../../syntax/segment-writer';
import { X12Error } from '../../syntax/types';
import { segmentsOf, TEST_DELIMITERS } from '../../schema/segments.spec-support';
import { asJson, codesOf, goldenFiles, rewriteInterchange } from '../../../../test/support/x12-golden';
import type { EligibilityResponse271, Member271 } from './271.model';
import { read271 } from './271.reader';
import { guide271 } from './271.rules';
import { build271Body } from './271.writer';
import { eligibilityMembers } from './271.members';
import { benefit271, respondTo270 } from './271.respond';

function readAll(text: string): { models: EligibilityResponse271[]; codes: string[] } {
  const read = readX12(text);
  const all = [...read.diagnostics];
  const models: EligibilityResponse271[] = [];
  for (const interchange of read.value) {
    for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
      const result = read271(tx, interchange.delimiters);
      models.push(result.value);
      all.push(...result.diagnostics);
      for (const rule of guide271.rules) {
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

function members(model: EligibilityResponse271): Member271[] {
  return model.informationSources.flatMap((s) =>
    s.receivers.flatMap((r) => r.subscribers.flatMap((m) => [m, ...(m.dependents ?? [])])),
  );
}

describe('271 golden files (edi-samples/271)', () => {
  const files = goldenFiles('271');

  it.each(files.map((f) => [f.name, f] as const))('%s reads to its expected JSON', (_name, file) => {
    const { models, codes } = readAll(file.text);
    expect({ diagnostics: codes, transactions: asJson(models) }).toEqual(file.expected);
  });

  it.each(files.filter((f) => !f.name.includes('malformed')).map((f) => [f.name, f] as const))(
    '%s round-trips byte for byte (read, model, build body, write)',
    (_name, file) => {
      const interchange = readX12(file.text).value[0];
      const bodies = interchange.groups[0].transactions.map((tx) =>
        build271Body(read271(tx, interchange.delimiters).value),
      );
      expect(rewriteInterchange(interchange, bodies)).toBe(file.text);
    },
  );

  it('active coverage: copay, deductible, co-insurance and out-of-pocket benefits as decimal strings', () => {
    const [subscriber] = members(
      readAll(files.find((f) => f.name === '271-active-coverage')!.text).models[0],
    );
    expect(subscriber.traces[0]).toEqual({
      traceTypeCode: '2',
      referenceId: 'TRACE0001',
      originatingCompanyId: '9999999999',
    });
    expect(subscriber.name.identifier).toBe('MBR000123');
    const summary = subscriber.benefits.map((b) => [
      b.eligibilityCode,
      b.coverageLevelCode,
      b.serviceTypes.map((t) => t.code).join(),
      b.timePeriodQualifier,
      b.amount ?? b.percent ?? b.quantity,
      b.inPlanNetwork,
    ]);
    expect(summary).toEqual([
      ['1', 'IND', '30', undefined, undefined, undefined],
      ['B', 'IND', '98', '27', '25', 'Y'],
      ['B', 'IND', 'UC', '27', '50', 'Y'],
      ['C', 'IND', '30', '23', '1500', 'Y'],
      ['C', 'IND', '30', '29', '1200.50', 'Y'],
      ['C', 'FAM', '30', '23', '3000', 'Y'],
      ['A', 'IND', '30', undefined, '.2', 'Y'],
      ['A', 'IND', '30', undefined, '.4', 'N'],
      ['G', 'IND', '30', '23', '5000', 'Y'],
      ['F', 'IND', 'AD', '23', '20', 'Y'],
      ['L', undefined, '', undefined, undefined, undefined],
    ]);
    expect(subscriber.benefits[0]).toMatchObject({
      eligibilityDescription: 'Active coverage',
      planCoverageDescription: 'TEST GOLD PPO',
    });
    expect(subscriber.benefits[1].messages).toEqual(['OFFICE VISIT COPAY']);
    expect(subscriber.benefits[3].timePeriodDescription).toBe('Calendar year');
    expect(subscriber.benefits[10].relatedEntities[0].name).toMatchObject({
      entityIdentifierCode: 'P3',
      identifier: '1999999992',
    });
  });

  it('rejected: AAA at the subscriber level and at the information source level, with descriptions', () => {
    const { models } = readAll(files.find((f) => f.name === '271-rejected')!.text);
    expect(members(models[0])[0].rejections).toEqual([
      {
        loopId: '2100C',
        validRequest: true,
        rejectReasonCode: '75',
        rejectReasonDescription: 'Subscriber/insured not found',
        followUpActionCode: 'C',
        followUpActionDescription: 'Correct the request and resubmit',
      },
    ]);
    expect(
      models[1].informationSources[0].rejections.map((r) => [
        r.loopId,
        r.rejectReasonCode,
        r.followUpActionCode,
      ]),
    ).toEqual([['2000A', '42', 'R']]);
  });

  it('dependent coverage: the dependent carries the trace, relationship and its own benefits', () => {
    const [model] = readAll(files.find((f) => f.name === '271-dependent-coverage')!.text).models;
    const [subscriber, dependent] = eligibilityMembers(model);
    expect([subscriber.role, subscriber.coverageStatus, subscriber.member.benefits.length]).toEqual([
      'subscriber',
      'unknown',
      0,
    ]);
    expect(dependent.role).toBe('dependent');
    expect(dependent.subscriber.name.identifier).toBe('MBR000123');
    expect(dependent.coverageStatus).toBe('active');
    expect(dependent.member.traces[0].referenceId).toBe('TRACE0002');
    expect(dependent.member.relationship).toEqual({
      subscriberIndicator: 'N',
      relationshipCode: '19',
      birthSequenceNumber: '1',
    });
    expect(dependent.member.benefits.map((b) => [b.eligibilityCode, b.coverageLevelCode, b.amount])).toEqual([
      ['1', 'FAM', undefined],
      ['B', 'IND', '15'],
      ['C', 'FAM', '3000'],
      ['C', 'FAM', '2750'],
      ['6', 'IND', undefined],
    ]);
    expect(dependent.member.benefits[4]).toMatchObject({
      eligibilityDescription: 'Inactive',
      serviceTypes: [{ code: '35', description: 'Dental care' }],
    });
  });

  it('eligibilityMembers gathers the AAA rejections that apply to each patient', () => {
    const { models } = readAll(files.find((f) => f.name === '271-rejected')!.text);
    const [member] = eligibilityMembers(models[0]);
    expect(member.coverageStatus).toBe('rejected');
    expect(member.rejections.map((r) => r.rejectReasonCode)).toEqual(['75']);
    expect(eligibilityMembers(models[1])).toEqual([]);
    const [active] = eligibilityMembers(
      readAll(files.find((f) => f.name === '271-active-coverage')!.text).models[0],
    );
    expect(active.coverageStatus).toBe('active');
  });

  it('malformed samples report their problems', () => {
    expect(readAll(files.find((f) => f.name === '271-malformed-no-eb-or-aaa')!.text).codes).toEqual([
      'X12-271-NO-EB-OR-AAA',
    ]);
    expect(readAll(files.find((f) => f.name === '271-malformed-bad-hl-parent')!.text).codes).toContain(
      'X12-271-HL-PARENT',
    );
    expect(readAll(files.find((f) => f.name === '271-malformed-truncated')!.text).codes).toContain(
      'X12-271-TRUNCATED',
    );
  });
});

describe('read271 and build271Body on inline segments', () => {
  const tx = (text: string): TransactionSet => ({
    id: '271',
    controlNumber: '0001',
    version: '005010X279A1',
    segments: segmentsOf(text),
    complete: true,
  });
  const head =
    'ST*271*0001*005010X279A1~BHT*0022*11*R*20260101*1200~HL*1**20*1~NM1*PR*2*P*****PI*1~HL*2*1*21*1~NM1*1P*2*G*****XX*1~';

  it('splits EB03 on the repetition separator and writes the service types back as EB03 repetitions', () => {
    const result = read271(
      tx(`${head}HL*3*2*22*0~NM1*IL*1*TESTPATIENT*JOHN****MI*MBR000123~EB*1**1^33^98~SE*9*0001~`),
      TEST_DELIMITERS,
    );
    const [benefit] = members(result.value)[0].benefits;
    expect(benefit.serviceTypes).toEqual([
      { code: '1', description: 'Medical care' },
      { code: '33', description: 'Chiropractic' },
      { code: '98', description: 'Professional (physician) visit: office' },
    ]);
    const ebs = build271Body(result.value).filter((s) => s.id === 'EB');
    expect(ebs.map((s) => s.elements)).toEqual([['1', undefined, { repetitions: ['1', '33', '98'] }]]);
    expect(writeSegment(ebs[0], TEST_DELIMITERS)).toBe('EB*1**1^33^98~');
  });

  it('writes repetitions with the interchange separator, and refuses them when ISA11 has none', () => {
    const eb = { id: 'EB', elements: ['1', '', { repetitions: ['1', ['A', 'B'], ''] }] };
    expect(writeSegment(eb, { ...TEST_DELIMITERS, repetition: '!' })).toBe('EB*1**1!A:B~');
    expect(
      writeSegment(
        { id: 'EB', elements: ['1', '', { repetitions: ['30'] }] },
        { ...TEST_DELIMITERS, repetition: null },
      ),
    ).toBe('EB*1**30~');
    expect(() => writeSegment(eb, { ...TEST_DELIMITERS, repetition: null })).toThrow(X12Error);
    expect(() =>
      writeSegment({ id: 'EB', elements: ['1', '', { repetitions: ['1^2'] }] }, TEST_DELIMITERS),
    ).toThrow(/EB03 contains a delimiter/);
  });

  it('keeps HI and MPI of a member and writes them back in guide order', () => {
    const text = `${head}HL*3*2*22*0~NM1*IL*1*A*B****MI*M1~DMG*D8*19800115~HI*ABK:J45909~DTP*346*D8*20260101~MPI*A*AO*A~EB*1~SE*13*0001~`;
    const result = read271(tx(text), TEST_DELIMITERS);
    expect(result.diagnostics).toEqual([]);
    const [member] = members(result.value);
    expect(member.healthCareDiagnosis).toEqual(['ABK:J45909']);
    expect(member.militaryPersonnel).toEqual(['A', 'AO', 'A']);
    expect(
      build271Body(result.value)
        .map((s) => s.id)
        .slice(-6),
    ).toEqual(['NM1', 'DMG', 'HI', 'DTP', 'MPI', 'EB']);
  });

  it('reports an EB amount that is not a decimal, and an LS without LE, without echoing values', () => {
    const result = read271(
      tx(`${head}HL*3*2*22*0~NM1*IL*1*A*B~EB*B**98***27*2X~LS*2120~NM1*P3*1*D*E~SE*11*0001~`),
      TEST_DELIMITERS,
    );
    expect(codesOf(result.diagnostics)).toEqual(['X12-271-INVALID-AMOUNT', 'X12-271-LS-LE']);
    expect(JSON.stringify(result.diagnostics)).not.toContain('2X');
  });
});

describe('respondTo270 (payer simulator)', () => {
  const request = {
    referenceId: 'ELIG0009',
    date: '20260402',
    time: '0930',
    payer: { name: 'TEST HEALTH PLAN', id: 'TESTPAYER01' },
    provider: { organizationName: 'TEST MEDICAL GROUP', npi: '1999999984' },
    subscriber: { memberId: 'MBR000123', lastName: 'TESTPATIENT', firstName: 'JOHN', birthDate: '19800115' },
    trace: { referenceId: 'TRACE0009', originatingCompanyId: '9999999999' },
    serviceTypeCodes: ['30'],
  };

  it('echoes the trace in the patient level and writes a 271 the engine accepts', () => {
    const model = respondTo270(
      {
        ...request,
        dependent: {
          lastName: 'TESTPATIENT',
          firstName: 'JANE',
          birthDate: '20150620',
          relationshipCode: '19',
        },
      },
      {
        kind: 'benefits',
        benefits: [
          benefit271({ eligibilityCode: '1', coverageLevelCode: 'FAM', serviceTypeCodes: ['30'] }),
          benefit271({
            eligibilityCode: 'B',
            serviceTypeCodes: ['98'],
            timePeriodQualifier: '27',
            amount: '20',
          }),
        ],
      },
      { date: '20260402', time: '0931' },
    );
    const text = writeInterchange({
      header: {
        senderQualifier: 'ZZ',
        senderId: 'P',
        receiverQualifier: 'ZZ',
        receiverId: 'S',
        date: '260402',
        time: '0931',
        controlNumber: 9,
        acknowledgmentRequested: false,
        usageIndicator: 'T',
      },
      groups: [
        {
          header: {
            functionalIdentifier: 'HB',
            applicationSender: 'P',
            applicationReceiver: 'S',
            date: '20260402',
            time: '0931',
            controlNumber: 9,
            version: '005010X279A1',
          },
          transactions: [
            { id: '271', controlNumber: '0001', version: '005010X279A1', body: build271Body(model) },
          ],
        },
      ],
    });
    expect(validateX12(text).diagnostics).toEqual([]);
    const [, dependent] = eligibilityMembers(readAll(text).models[0]);
    expect(dependent.member.traces).toEqual([
      { traceTypeCode: '2', referenceId: 'TRACE0009', originatingCompanyId: '9999999999' },
    ]);
    expect(dependent.coverageStatus).toBe('active');
  });

  it('answers with an AAA in the subscriber name loop', () => {
    const model = respondTo270(
      request,
      { kind: 'rejected', rejectReasonCode: '72', followUpActionCode: 'C' },
      { date: '20260402', time: '0931' },
    );
    const [member] = eligibilityMembers(model);
    expect(member.coverageStatus).toBe('rejected');
    expect(build271Body(model).find((s) => s.id === 'AAA')!.elements).toEqual(['Y', '', '72', 'C']);
  });
});
