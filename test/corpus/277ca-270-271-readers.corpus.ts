/**
 * The 277CA, 270 and 271 readers and guides over ../shared/x12-corpus (read-only, never copied into
 * the repository): every file is read without an exception, with the claim, request, member, benefit
 * and rejection counts checked by hand against the files; the X214/X279A1 files their sources call
 * valid give no guide errors beyond the documented ones.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  acknowledgedClaims,
  eligibilityMembers,
  read270,
  read271,
  read277CA,
  readX12,
  validateX12,
  type ClaimAcknowledgment277CA,
  type Diagnostic,
  type EligibilityResponse271,
  type Member271,
} from '../../src/x12';

const CORPUS = resolve(__dirname, '../../../shared/x12-corpus');

function corpusFiles(folder: string): { name: string; text: string }[] {
  const dir = join(CORPUS, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'latin1') }));
}

function readOne(text: string) {
  const result = readX12(text);
  return { interchange: result.value[0], diagnostics: result.diagnostics };
}

const guideProblems = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics
    .filter((d) => d.severity === 'error' && !d.code.startsWith('X12-ENV-'))
    .map(
      (d) =>
        `${d.code} ${d.location.loopId ?? ''} ${d.location.segmentId ?? ''}${d.location.element ? ` ${d.location.element}` : ''}`,
    );

function claims(model: ClaimAcknowledgment277CA) {
  return acknowledgedClaims(model).map((entry) => entry.claim);
}

function members(model: EligibilityResponse271): Member271[] {
  return eligibilityMembers(model).map((entry) => entry.member);
}

describe('277CA corpus (../shared/x12-corpus, read-only)', () => {
  const files = [...corpusFiles('277CA'), ...corpusFiles('invalid').filter((f) => f.name.includes('277CA'))];
  it('finds corpus files to read', () => expect(files.length).toBeGreaterThan(0));

  it('reads every 277CA corpus file without an exception', () => {
    const summary: Record<string, string[]> = {};
    for (const file of files) {
      const result = readX12(file.text);
      summary[file.name] = result.value.flatMap((interchange) =>
        interchange.groups.flatMap((g) =>
          g.transactions.flatMap((t) =>
            claims(read277CA(t, interchange.delimiters).value).map(
              (c) => `${c.patientControlNumber}:${c.outcome}`,
            ),
          ),
        ),
      );
    }
    expect(summary).toEqual({
      'chsim__accepted.CLP.277': ['PCN-DELIV:accepted'],
      'imsweb__x12_277CA_accepted.txt': ['5781:accepted'],
      'imsweb__x12_277CA_rejected.txt': ['3920394930203:rejected'],
      'oopfactory__277CA_FromBogeyone_truncated.txt': [],
      'oopfactory__277CA_FromLatitude81uk_garbled.txt': expect.any(Array),
    });
  });

  it('keeps the payer claim number, bill type and the 562/85 rejection of the imsweb sample', () => {
    const file = files.find((f) => f.name === 'imsweb__x12_277CA_rejected.txt')!;
    const { interchange } = readOne(file.text);
    const claim = claims(read277CA(interchange.groups[0].transactions[0], interchange.delimiters).value)[0];
    expect(claim.payerClaimControlNumber).toBe('1107000000001120');
    expect(claim.billType).toBe('731');
    expect(claim.statusInformation[0].statuses[0]).toMatchObject({
      categoryCode: 'A7',
      statusCode: '562',
      entityCode: '85',
    });
  });
});

describe('270 corpus (../shared/x12-corpus, read-only)', () => {
  const files = corpusFiles('270');
  it('finds corpus files to read', () => expect(files.length).toBeGreaterThan(0));

  it('reads every 270 corpus file without an exception into one request per patient', () => {
    const summary: Record<string, string[]> = {};
    for (const file of files) {
      const read = readX12(file.text);
      summary[file.name] = read.value.flatMap((interchange) =>
        interchange.groups.flatMap((g) =>
          g.transactions.flatMap((tx) =>
            read270(tx, interchange.delimiters).value.requests.map(
              (r) =>
                `${r.subscriber.memberId}:${r.dependent ? 'dependent' : 'subscriber'}:${r.serviceTypeCodes.join(',')}`,
            ),
          ),
        ),
      );
    }
    expect(summary).toEqual({
      'lfh__demo-single-line.270': ['11122333301:subscriber:30'],
      'lfh__dependent-health-benefit-check.270': ['11122333301:dependent:30'],
      'lfh__subscriber-health-benefit-check.270': ['11122333301:subscriber:30'],
      'oopfactory__270_Example1_IG.txt': ['11122333301:subscriber:30'],
      'oopfactory__270_Example1_IG_0x1D.txt': ['11122333301:subscriber:30'],
      'stupidedi__X279A1_pass_generic-request-by-clinic-for-patient-subscriber-eligibility.edi':
        expect.any(Array),
      'stupidedi__X279A1_pass_generic-request-by-physician-for-patient-dependent-eligibility.edi':
        expect.any(Array),
    });
    for (const requests of Object.values(summary)) expect(requests).toHaveLength(1);
  });
});

describe('271 corpus (../shared/x12-corpus, read-only)', () => {
  const files = corpusFiles('271');
  it('finds corpus files to read', () => expect(files.length).toBeGreaterThan(0));

  it('reads every 271 corpus file without an exception: members, benefits and rejections counted', () => {
    const summary: Record<string, string> = {};
    for (const file of files) {
      const read = readX12(file.text);
      const models = read.value.flatMap((interchange) =>
        interchange.groups.flatMap((g) =>
          g.transactions.map((t) => read271(t, interchange.delimiters).value),
        ),
      );
      const all = models.flatMap(members);
      const rejections =
        all.flatMap((m) => [...m.rejections, ...m.benefits.flatMap((b) => b.rejections)]).length +
        models.flatMap((m) =>
          m.informationSources.flatMap((s) => [...s.rejections, ...s.receivers.flatMap((r) => r.rejections)]),
        ).length;
      summary[file.name] =
        `members=${all.length} benefits=${all.flatMap((m) => m.benefits).length} aaa=${rejections}`;
    }
    expect(summary).toEqual({
      'chsim__active_ppo.ELG.271.edi': expect.stringMatching(/^members=1 /),
      'imsweb__x271.txt': expect.stringMatching(/^members=/),
      'lfh__dependent-health-benefit-check.271': 'members=2 benefits=5 aaa=0',
      'lfh__subscriber-health-benefit-check-error.271': 'members=0 benefits=0 aaa=1',
      'lfh__subscriber-health-benefit-check.271': 'members=1 benefits=5 aaa=0',
      'oopfactory__271_ErrorWithoutBenefitInfo.txt': 'members=1 benefits=0 aaa=7',
      'oopfactory__271_Example_3_1_2.txt': 'members=1 benefits=5 aaa=0',
      'oopfactory__271_Example_3_2_2.txt': 'members=2 benefits=5 aaa=0',
      'oopfactory__271_From_georgiosd.txt': 'members=1 benefits=1 aaa=1',
      'oopfactory__271_ValidationOnAll.txt': 'members=2 benefits=1 aaa=10',
      'stupidedi__X279A1_pass_error-response-from-payer-to-clinic-not-eligible-for-inquiries-with-payer.edi':
        'members=0 benefits=0 aaa=1',
      'stupidedi__X279_pass_response-to-generic-request-by-clinic-for-patient-subscriber-eligibility.edi':
        'members=1 benefits=5 aaa=0',
      'stupidedi__X279_pass_response-to-generic-request-by-physician-for-patient-dependent-eligibility.edi':
        'members=2 benefits=5 aaa=0',
      'tigershark__271-example-3.txt': 'members=1 benefits=19 aaa=0',
      'tigershark__5010-271-example-1.txt': 'members=1 benefits=19 aaa=0',
    });
  });

  it('splits the tigershark EB03 repetitions on its } separator', () => {
    const file = files.find((f) => f.name === 'tigershark__5010-271-example-1.txt')!;
    const interchange = readX12(file.text).value[0];
    const subscriber = members(
      read271(interchange.groups[0].transactions[0], interchange.delimiters).value,
    )[0];
    const multi = subscriber.benefits.find((b) => b.serviceTypes.length > 1)!;
    expect(multi.serviceTypes.map((t) => t.code)).toEqual([
      '1',
      '33',
      '47',
      '48',
      '50',
      '86',
      '98',
      'UC',
      'AL',
      'MH',
      '88',
    ]);
    expect(subscriber.benefits.find((b) => b.eligibilityCode === 'A' && b.percent === '.1')).toBeDefined();
  });
});

describe('engine validation of X214 / X279A1 corpus files the sources call valid', () => {
  const files = [...corpusFiles('277CA'), ...corpusFiles('270'), ...corpusFiles('271')].filter(
    (f) =>
      /005010X(214|279A1)~|\|005010X(214|279A1)~/.test(f.text.replace(/\r?\n/g, '')) &&
      !f.name.startsWith('imsweb__x271'),
  );
  it('finds corpus files to read', () => expect(files.length).toBeGreaterThan(0));

  it('finds no guide errors beyond the known ones', () => {
    const problems: Record<string, string[]> = {};
    for (const file of files) {
      const found = guideProblems(validateX12(file.text).diagnostics);
      if (found.length > 0) problems[file.name] = found;
    }
    expect(problems).toEqual({
      // The simulator writes a 5-character TRN03; X279A1 requires 10 ('9' + tax id or a 10-character id).
      'chsim__active_ppo.ELG.271.edi': ['X12-IG-ELEMENT-TOO-SHORT 2000C TRN TRN03'],
    });
    expect(files.length).toBeGreaterThanOrEqual(10);
  });
});
