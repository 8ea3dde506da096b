import { readX12 } from '../../read';
import { segmentsOf, TEST_DELIMITERS } from '../../schema/segments.spec-support';
import type { TransactionSet } from '../../envelope/types';
import { read277CA } from './277ca.reader';
import { build277CABody } from './277ca.writer';
import { acknowledgedClaims, levelRejections } from './277ca.claims';
import { acknowledge277CA, type AcknowledgmentBatch277CA } from './277ca.respond';
import { guide277CA } from './277ca.rules';
import type { ClaimAcknowledgment277CA } from './277ca.model';
import { asJson, codesOf, goldenFiles, rewriteInterchange } from '../../../../test/support/x12-golden';

function readAll(text: string): { models: ClaimAcknowledgment277CA[]; codes: string[] } {
  const read = readX12(text);
  const all = [...read.diagnostics];
  const models: ClaimAcknowledgment277CA[] = [];
  for (const interchange of read.value) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        const result = read277CA(tx, interchange.delimiters);
        models.push(result.value);
        all.push(...result.diagnostics);
        for (const rule of guide277CA.rules) {
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
  }
  return { models, codes: codesOf(all) };
}

function claims(model: ClaimAcknowledgment277CA) {
  return model.informationSources.flatMap((s) =>
    s.receivers.flatMap((r) => r.providers.flatMap((p) => p.claims)),
  );
}

describe('277CA golden files (edi-samples/277ca)', () => {
  const files = goldenFiles('277ca');

  it('has valid and malformed samples', () => {
    expect(files.map((f) => f.name)).toEqual([
      '277ca-accepted',
      '277ca-malformed-bad-hl-parent',
      '277ca-malformed-missing-trn',
      '277ca-malformed-truncated',
      '277ca-rejected',
    ]);
  });

  it.each(files.map((f) => [f.name, f] as const))('%s reads to its expected JSON', (_name, file) => {
    const { models, codes } = readAll(file.text);
    expect({ diagnostics: codes, transactions: asJson(models) }).toEqual(file.expected);
  });

  it.each(files.filter((f) => !f.name.includes('malformed')).map((f) => [f.name, f] as const))(
    '%s round-trips byte for byte (read, model, build body, write)',
    (_name, file) => {
      const interchanges = readX12(file.text).value;
      const rewritten = interchanges
        .map((interchange) => {
          const bodies = interchange.groups.flatMap((g) =>
            g.transactions.map((tx) => build277CABody(read277CA(tx, interchange.delimiters).value)),
          );
          return rewriteInterchange(interchange, bodies);
        })
        .join('');
      expect(rewritten).toBe(file.text);
    },
  );

  it('accepted sample: claims keyed by CLM01 with payer claim numbers and line control numbers', () => {
    const [model] = readAll(files.find((f) => f.name === '277ca-accepted')!.text).models;
    const all = claims(model);
    expect(
      all.map((c) => [
        c.patientControlNumber,
        c.payerClaimControlNumber,
        c.clearinghouseTraceNumber,
        c.outcome,
      ]),
    ).toEqual([
      ['PCN0001', 'PAYERCLM0001', 'CHTRACE0001', 'accepted'],
      ['PCN0002', 'PAYERCLM0002', 'CHTRACE0002', 'accepted'],
    ]);
    expect(all[1].serviceDate).toEqual({
      qualifier: '472',
      format: 'RD8',
      start: '20260302',
      end: '20260303',
    });
    expect(
      all[1].lines.map((l) => [
        l.lineItemControlNumber,
        l.procedureCode,
        l.procedureModifiers,
        l.chargeAmount,
        l.unitCount,
      ]),
    ).toEqual([
      ['LINE0001', '99213', ['25'], '125.50', '1'],
      ['LINE0002', '87880', [], '150', '1'],
    ]);
    const receiver = model.informationSources[0].receivers[0];
    expect(receiver.outcome).toBe('received');
    expect(receiver.statusInformation[0].statuses[0]).toMatchObject({
      categoryCode: 'A1',
      statusCode: '19',
      entityCode: 'PR',
    });
    expect(receiver.amounts).toEqual([{ qualifier: 'YU', amount: '425.50' }]);
  });

  it('rejected sample: one claim rejected at claim level, one batch rejected at receiver level', () => {
    const { models } = readAll(files.find((f) => f.name === '277ca-rejected')!.text);
    expect(models).toHaveLength(2);
    const rejected = claims(models[0]).find((c) => c.patientControlNumber === 'PCN0004')!;
    expect(rejected.outcome).toBe('rejected');
    expect(rejected.statusInformation[0].actionCode).toBe('U');
    expect(
      rejected.statusInformation[0].statuses.map((s) => [s.categoryCode, s.statusCode, s.entityCode]),
    ).toEqual([
      ['A7', '562', '85'],
      ['A7', '145', 'IL'],
    ]);
    expect(rejected.statusInformation[0].statuses[0].statusDescription).toBe(
      "Entity's National Provider Identifier (NPI)",
    );
    expect(claims(models[0]).find((c) => c.patientControlNumber === 'PCN0003')!.outcome).toBe('accepted');

    const batch = models[1].informationSources[0].receivers[0];
    expect(batch.providers).toEqual([]);
    expect(batch.outcome).toBe('rejected');
    expect(batch.statusInformation[0]).toMatchObject({ actionCode: 'U', chargeAmount: '980.00' });
    expect(batch.statusInformation[0].statuses.map((s) => s.categoryCode)).toEqual(['A3', 'A3']);
    expect(batch.statusInformation[0].message).toBe('BATCH REJECTED SUBMITTER NOT AUTHORIZED');
  });

  it('acknowledgedClaims and levelRejections give the reconciliation view', () => {
    const { models } = readAll(files.find((f) => f.name === '277ca-rejected')!.text);
    expect(
      acknowledgedClaims(models[0]).map((c) => [
        c.claim.patientControlNumber,
        c.billingProvider.name.identifier,
        c.receiver.name.identifier,
      ]),
    ).toEqual([
      ['PCN0003', '1999999984', 'TESTSUBMIT01'],
      ['PCN0004', '1999999984', 'TESTSUBMIT01'],
    ]);
    expect(levelRejections(models[0])).toEqual([]);
    expect(acknowledgedClaims(models[1])).toEqual([]);
    expect(
      levelRejections(models[1]).map((r) => [
        r.loopId,
        r.hierarchicalId,
        r.statusInformation[0].statuses[0].statusCode,
      ]),
    ).toEqual([['2200B', '2', '24']]);
  });

  it('malformed samples report their problems by code, never by value', () => {
    const missing = readAll(files.find((f) => f.name === '277ca-malformed-missing-trn')!.text);
    expect(missing.codes).toContain('X12-277CA-MISSING-TRN');
    expect(claims(missing.models[0])).toHaveLength(2);
    const badParent = readAll(files.find((f) => f.name === '277ca-malformed-bad-hl-parent')!.text);
    expect(badParent.codes).toEqual(['X12-277CA-HL-PARENT']);
    const truncated = readAll(files.find((f) => f.name === '277ca-malformed-truncated')!.text);
    expect(truncated.codes).toEqual(expect.arrayContaining(['X12-ENV-SE-MISSING', 'X12-277CA-TRUNCATED']));
  });
});

describe('read277CA on inline segments', () => {
  const tx = (text: string): TransactionSet => ({
    id: '277',
    controlNumber: '0001',
    version: '005010X214',
    segments: segmentsOf(text),
    complete: true,
  });

  it('attaches 22 (as well as PT) patient levels and reads STC composites with the component separator', () => {
    const result = read277CA(
      tx(
        'ST*277*0001*005010X214~BHT*0085*08*X*20260101*1200*TH~HL*1**20*1~NM1*PR*2*P*****PI*1~HL*2*1*21*1~NM1*41*2*S*****46*2~' +
          'HL*3*2*19*1~NM1*85*2*B*****XX*3~HL*4*3*22*0~NM1*QC*1*TESTPATIENT*JOHN~TRN*2*PCN9~STC*A6:21:IL*20260101*U*1.5~SE*13*0001~',
      ),
      TEST_DELIMITERS,
    );
    const claim = claims(result.value)[0];
    expect(claim.outcome).toBe('rejected');
    expect(claim.statusInformation[0].statuses[0]).toMatchObject({
      categoryCode: 'A6',
      statusCode: '21',
      entityCode: 'IL',
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('reads several 2200D claims under one patient level and writes them back under one HL', () => {
    const text =
      'ST*277*0001*005010X214~BHT*0085*08*X*20260101*1200*TH~HL*1**20*1~NM1*PR*2*P*****PI*1~HL*2*1*21*1~NM1*41*2*S*****46*2~' +
      'HL*3*2*19*1~NM1*85*2*B*****XX*3~HL*4*3*PT~NM1*QC*1*TESTPATIENT*JOHN~TRN*2*PCN1~STC*A2:20*20260101*WQ*10~' +
      'TRN*2*PCN2~STC*A7:21:QC*20260101*U*20~SVC*HC:99213*20*0~STC*A7:21*20260101*U*20~SE*18*0001~';
    const result = read277CA(tx(text), TEST_DELIMITERS);
    expect(result.diagnostics).toEqual([]);
    expect(
      claims(result.value).map((c) => [c.hierarchicalId, c.patientControlNumber, c.outcome, c.lines.length]),
    ).toEqual([
      ['4', 'PCN1', 'accepted', 0],
      ['4', 'PCN2', 'rejected', 1],
    ]);
    const ids = build277CABody(result.value).map((s) => s.id);
    expect(ids.filter((id) => id === 'HL')).toHaveLength(4);
    expect(ids.slice(-8)).toEqual(['HL', 'NM1', 'TRN', 'STC', 'TRN', 'STC', 'SVC', 'STC']);
    const withoutStc = text.replace('TRN*2*PCN2~STC*A7:21:QC*20260101*U*20~', 'TRN*2*PCN2~');
    const rules = guide277CA.rules.flatMap((rule) =>
      rule({
        segments: segmentsOf(withoutStc),
        delimiters: TEST_DELIMITERS,
        location: {},
        loopOf: () => undefined,
      }),
    );
    expect(rules.map((d) => [d.code, d.location.loopId])).toEqual([['X12-277CA-MISSING-STC', '2200D']]);
  });

  it('reports an amount that is not a decimal without echoing it', () => {
    const result = read277CA(
      tx(
        'ST*277*0001*005010X214~BHT*0085*08*X*20260101*1200*TH~HL*1**20*0~NM1*PR*2*P~HL*2*1*21*0~NM1*41*2*S~AMT*YU*12X~SE*8*0001~',
      ),
      TEST_DELIMITERS,
    );
    expect(codesOf(result.diagnostics)).toEqual(['X12-277CA-INVALID-AMOUNT']);
    expect(JSON.stringify(result.diagnostics)).not.toContain('12X');
  });

  it('reports an unknown HL level and a wrong transaction set', () => {
    const result = read277CA(
      { ...tx('ST*276*0001~BHT*0085~HL*1**99*0~SE*4*0001~'), id: '276' },
      TEST_DELIMITERS,
    );
    expect(codesOf(result.diagnostics)).toEqual(['X12-277CA-HL-LEVEL', 'X12-277CA-WRONG-TRANSACTION']);
  });
});

describe('acknowledge277CA (payer simulator)', () => {
  const batch: AcknowledgmentBatch277CA = {
    referenceId: 'ACK20260315001',
    date: '20260315',
    time: '1030',
    payer: { name: 'TEST HEALTH PLAN', id: 'TESTPAYER01' },
    submitter: { name: 'TEST BILLING SERVICE', id: 'TESTSUBMIT01' },
    batchTraceNumber: 'BATCH000123',
    receiptDate: '20260314',
    billingProviders: [
      {
        name: 'TEST MEDICAL GROUP',
        npi: '1999999984',
        taxId: '999999999',
        claims: [
          {
            patientControlNumber: 'PCN0001',
            patient: { lastName: 'TESTPATIENT', firstName: 'JOHN', memberId: 'MBR000123' },
            chargeAmount: '150.00',
            serviceDate: { start: '20260301' },
            payerClaimControlNumber: 'PAYERCLM0001',
            clearinghouseTraceNumber: 'CHTRACE0001',
          },
          {
            patientControlNumber: 'PCN0002',
            patient: { lastName: 'TESTPATIENT', firstName: 'JANE', memberId: 'MBR000456' },
            chargeAmount: '275.50',
            serviceDate: { start: '20260302', end: '20260303' },
            payerClaimControlNumber: 'PAYERCLM0002',
            clearinghouseTraceNumber: 'CHTRACE0002',
            lines: [
              {
                lineItemControlNumber: 'LINE0001',
                procedureCode: '99213',
                procedureModifiers: ['25'],
                chargeAmount: '125.50',
                unitCount: '1',
                serviceDate: { start: '20260302' },
              },
              {
                lineItemControlNumber: 'LINE0002',
                procedureCode: '87880',
                chargeAmount: '150',
                unitCount: '1',
                serviceDate: { start: '20260303' },
              },
            ],
          },
        ],
      },
    ],
  };

  it('builds the accepted golden file from a batch description (apart from the one middle initial)', () => {
    const golden = goldenFiles('277ca').find((f) => f.name === '277ca-accepted')!;
    const interchange = readX12(golden.text).value[0];
    const text = rewriteInterchange(interchange, [build277CABody(acknowledge277CA(batch))]);
    expect(text).toBe(
      golden.text.replace(
        'NM1*QC*1*TESTPATIENT*JANE*Q***MI*MBR000456~',
        'NM1*QC*1*TESTPATIENT*JANE****MI*MBR000456~',
      ),
    );
  });

  it('rejects a claim with its statuses and sums the totals in cents', () => {
    const ack = acknowledge277CA({
      ...batch,
      billingProviders: [
        {
          ...batch.billingProviders[0],
          claims: [
            batch.billingProviders[0].claims[0],
            {
              ...batch.billingProviders[0].claims[1],
              rejection: [{ categoryCode: 'A7', statusCode: '562', entityCode: '85' }],
            },
          ],
        },
      ],
    });
    const [accepted, rejected] = acknowledgedClaims(ack);
    expect([accepted.claim.outcome, rejected.claim.outcome]).toEqual(['accepted', 'rejected']);
    expect(rejected.claim.payerClaimControlNumber).toBeUndefined();
    expect(rejected.claim.lines.map((l) => l.outcome)).toEqual(['rejected', 'rejected']);
    expect(accepted.receiver.amounts).toEqual([
      { qualifier: 'YU', amount: '150.00' },
      { qualifier: 'YY', amount: '275.50' },
    ]);
    expect(accepted.receiver.quantities).toEqual([
      { qualifier: '90', quantity: '1' },
      { qualifier: 'AA', quantity: '1' },
    ]);
  });

  it('rejects the whole batch at 2200B without provider or claim levels', () => {
    const ack = acknowledge277CA({
      ...batch,
      batchRejection: [{ categoryCode: 'A3', statusCode: '24', entityCode: '41' }],
    });
    expect(acknowledgedClaims(ack)).toEqual([]);
    expect(levelRejections(ack).map((r) => r.loopId)).toEqual(['2200B']);
    expect(ack.informationSources[0].receivers[0].amounts).toEqual([{ qualifier: 'YY', amount: '425.50' }]);
  });
});

describe('277CA diagnostics never echo data', () => {
  it('does not repeat a malformed segment id (it could be a name) in messages or locations', () => {
    const result = read277CA(
      {
        id: '277',
        controlNumber: '0001',
        version: '005010X214',
        segments: segmentsOf(
          'ST*277*0001*005010X214~BHT*0085*08*X*20260101*1200*TH~HL*1**20*0~NM1*PR*2*P~TESTPATIENT*JOHN~SE*6*0001~',
        ),
        complete: true,
      },
      TEST_DELIMITERS,
    );
    expect(codesOf(result.diagnostics)).toEqual(['X12-277CA-UNEXPECTED-SEGMENT']);
    expect(JSON.stringify(result.diagnostics)).not.toContain('TESTPATIENT');
  });
});
