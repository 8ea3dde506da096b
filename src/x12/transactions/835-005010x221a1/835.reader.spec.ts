import { writeInterchange } from '../../envelope/interchange-writer';
import { validateX12 } from '../../read';
import { claimsOf, type Claim835, type Remittance835 } from './835.model';
import { read835 } from './835.reader';
import { transactionOf } from './835.spec-support';
import { build835Body, casSegments } from './835.writer';

const HEADER = `BPR*I*10*C*CHK************20260105
TRN*1*CHK0001*1999999999
N1*PR*TEST HEALTH PLAN
N3*1 PLAN WAY
N4*ANYTOWN*PA*17000
PER*BL*EDI*TE*5555550101
N1*PE*TEST CLINIC*FI*999999999`;

function read(body: string) {
  const { tx, interchange } = transactionOf(body);
  return read835(tx, interchange.delimiters, { interchangeControlNumber: interchange.controlNumber });
}

describe('read835', () => {
  it('reads procedure composites: modifiers with a gap, description, SVC06 submitted procedure', () => {
    const { value } = read(`${HEADER}
LX*1
CLP*PCN1*1*10*10**12*CLM1
SVC*HC:99213:25::59*10*10**1*HC:99214:::::ORIGINAL CODE*2`);
    const [line] = claimsOf(value)[0].serviceLines;
    expect(line.procedure).toEqual({ qualifier: 'HC', code: '99213', modifiers: ['25', '', '59'] });
    expect(line.submittedProcedure).toEqual({
      qualifier: 'HC',
      code: '99214',
      modifiers: [],
      description: 'ORIGINAL CODE',
    });
    expect(line.submittedUnits).toBe('2');
  });

  it('gives empty lists as frozen arrays: one claim cannot be changed through another', () => {
    const { value } = read(`${HEADER}
LX*1
CLP*PCN1*1*10*10**12*CLM1
SVC*HC:99213*10*10**1
CLP*PCN2*1*10*10**12*CLM2
CAS*CO*45*1*1*253*2
REF*EA*MR0001
SVC*HC:99214*10*10**1`);
    const [first, second] = claimsOf(value);
    expect(first.adjustments).toEqual([]);
    expect(Object.isFrozen(first.adjustments)).toBe(true);
    expect(() => (first.adjustments as unknown[]).push('x')).toThrow(TypeError);
    expect(() => (first.serviceLines[0].procedure.modifiers as unknown[]).push('x')).toThrow(TypeError);
    // Lists that hold items are each claim's own and grow as the file goes on.
    expect(second.adjustments.map((a) => a.reason)).toEqual(['45', '253']);
    expect(second.references).toEqual([{ qualifier: 'EA', value: 'MR0001' }]);
    expect(first.adjustments).toEqual([]);
    expect(second.serviceLines[0].adjustments).toEqual([]);
  });

  it('collects MIA remark codes (MIA05, MIA20-23) and all seven 2100 names', () => {
    const { value, diagnostics } = read(`${HEADER}
LX*1
CLP*PCN1*1*10*10**MA*CLM1*11*1**DRG1*1.5
NM1*QC*1*TESTPATIENT*JANE****MI*MBR000001
NM1*IL*1*TESTSUBSCRIBER*JOHN****MI*MBR000002
NM1*74*1*TESTCORRECTED*JANE****C*MBR000003
NM1*82*1*TESTDOCTOR*SAM****XX*1000000004
NM1*TT*2*TEST CROSSOVER*****PI*PAYER0002
NM1*PR*2*TEST PRIORITY*****PI*PAYER0003
NM1*GB*1*TESTOTHER*PAT****MI*MBR000004
MIA*0***0*MA01***************M1*M2`);
    expect(diagnostics).toEqual([]);
    const [claim] = claimsOf(value);
    const names: (keyof Claim835)[] = [
      'patient',
      'insured',
      'correctedPatient',
      'serviceProvider',
      'crossoverCarrier',
      'correctedPriorityPayer',
      'otherSubscriber',
    ];
    for (const name of names) expect(claim[name]).toBeDefined();
    expect(claim.inpatientAdjudication?.remarkCodes).toEqual(['MA01', 'M1', 'M2']);
    expect(claim).toMatchObject({ drgCode: 'DRG1', drgWeight: '1.5', filingIndicator: 'MA' });
    expect(value.payee.taxId).toBe('999999999');
  });

  it('never drops a segment silently: misplaced and unknown segments are warnings', () => {
    const { diagnostics } = read(`${HEADER}
SVC*HC:99213*10*10
LX*1
CLP*PCN1*1*10*10**12*CLM1
NM1*XX*1*UNKNOWN
ZZZ*1`);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location.segmentId])).toEqual([
      ['X12-835-SEGMENT-IGNORED', 'SVC'],
      ['X12-835-SEGMENT-IGNORED', 'NM1'],
      ['X12-835-SEGMENT-IGNORED', 'ZZZ'],
    ]);
    expect(diagnostics[0].location.segmentPositionInTransaction).toBe(9);
    for (const diagnostic of diagnostics) expect(diagnostic.message).not.toContain('UNKNOWN');
  });

  it('reports missing BPR, TRN and payee, and reads a CLP without LX tolerantly', () => {
    const { value, diagnostics } = read(`N1*PR*TEST HEALTH PLAN
CLP*PCN1*1*10*10**12*CLM1`);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'X12-835-REQUIRED-SEGMENT-MISSING',
      'X12-835-REQUIRED-SEGMENT-MISSING',
      'X12-835-REQUIRED-SEGMENT-MISSING',
    ]);
    expect(value.claimGroups).toHaveLength(1);
    expect(value.claimGroups[0].headerNumber).toBeUndefined();
    expect(claimsOf(value)).toHaveLength(1);
  });

  it("gives a line's service date, control number and allowed amount their own fields, the rest to lists", () => {
    const body = `${HEADER}
LX*1
CLP*PCN1*1*10*10**12*CLM1
SVC*HC:99213*10*10
DTM*150*20260101
DTM*151*20260103
DTM*472*20260102
DTM*999*20260104
REF*APC*0001
REF*6R*LINE0001
REF*HPI*1234567893
REF*6R*LINE0009
AMT*B6*8
AMT*KH*1
AMT*B6*9
SVC*HC:99214*5*5
DTM*472*20260105`;
    const { value, diagnostics } = read(body);
    expect(diagnostics).toEqual([]);
    const [period, oneDay] = claimsOf(value)[0].serviceLines;
    expect(period).toMatchObject({
      serviceStartDate: '20260101',
      serviceEndDate: '20260103',
      serviceDate: '20260102',
      otherDates: [{ qualifier: '999', date: '20260104' }],
      lineControlNumber: 'LINE0001',
      // a second REF*6R or AMT*B6 is not dropped: it is kept in the list, where the writer puts it back
      otherReferences: [
        { qualifier: 'APC', value: '0001' },
        { qualifier: 'HPI', value: '1234567893' },
        { qualifier: '6R', value: 'LINE0009' },
      ],
      allowedCents: 800,
      otherAmounts: [
        { qualifier: 'KH', cents: 100 },
        { qualifier: 'B6', cents: 900 },
      ],
    });
    expect(oneDay).toMatchObject({ serviceDate: '20260105', otherDates: [], otherReferences: [] });
    expect(oneDay.lineControlNumber).toBeUndefined();
    expect(oneDay.allowedCents).toBeUndefined();
    // Written back in the guide's order: the same segments in the same order as read.
    const written = build835Body(value).map((segment) =>
      [segment.id, ...segment.elements.map((e) => (Array.isArray(e) ? e.join(':') : (e ?? '')))]
        .join('*')
        .replace(/\*+$/, ''),
    );
    const lines = body.split('\n');
    expect(written.slice(written.indexOf('LX*1'))).toEqual(lines.slice(lines.indexOf('LX*1')));
  });

  it('keeps the other REFs in file order when written, even out of guide order, so the model reads back the same', () => {
    const { value } = read(`${HEADER}
LX*1
CLP*PCN1*1*10*10**12*CLM1
SVC*HC:99213*10*10
REF*HPI*1234567893
REF*1S*0001
REF*6R*LINE0001`);
    const written = build835Body(value);
    expect(written.filter((segment) => segment.id === 'REF').map((segment) => segment.elements[0])).toEqual([
      '6R', // before the first REF that is not service identification, as the guide places it
      'HPI',
      '1S',
    ]);
    const { tx, interchange } = transactionOf(
      written
        .map((segment) =>
          [segment.id, ...segment.elements.map((e) => (Array.isArray(e) ? e.join(':') : (e ?? '')))].join(
            '*',
          ),
        )
        .join('\n'),
    );
    const reread = read835(tx, interchange.delimiters).value;
    expect(claimsOf(reread)[0].serviceLines).toEqual(claimsOf(value)[0].serviceLines);
  });

  it('reports a transaction set cut off before SE', () => {
    const { tx, interchange } = transactionOf(`${HEADER}
LX*1
CLP*PCN1*1*10*10**12*CLM1`);
    const truncated = { ...tx, segments: tx.segments.slice(0, -1), complete: false };
    expect(
      read835(truncated, interchange.delimiters).diagnostics.map((diagnostic) => diagnostic.code),
    ).toEqual(['X12-835-INCOMPLETE']);
  });
});

describe('835 amounts in cents', () => {
  const body = `${HEADER}
LX*1
CLP*PCN0001*1*442.00*265.2*.50*12*PAYERCLM0001
SVC*HC:99213*442.00*265.20
CAS*CO*45*176.30*1.0
AMT*B6*-0.5`;

  it('reads every amount form to integer cents and writes each in its shortest form', () => {
    const { value, diagnostics } = read(body);
    expect(diagnostics).toEqual([]);
    const [claim] = claimsOf(value);
    expect([claim.chargeCents, claim.paymentCents, claim.patientResponsibilityCents]).toEqual([
      44200, 26520, 50,
    ]);
    const [line] = claim.serviceLines;
    expect([line.chargeCents, line.paymentCents, line.adjustments[0].cents]).toEqual([44200, 26520, 17630]);
    expect(line.adjustments[0].quantity).toBe('1.0'); // a quantity is not money: kept as sent
    expect(line.allowedCents).toBe(-50);
    expect(line.otherAmounts).toEqual([]);
    const written = build835Body(value).map((segment) => segment.elements);
    expect(written).toContainEqual(['PCN0001', '1', '442', '265.2', '0.5', '12', 'PAYERCLM0001']);
    expect(written).toContainEqual([['HC', '99213'], '442', '265.2']);
    expect(written).toContainEqual(['CO', '45', '176.3', '1.0']);
    expect(written).toContainEqual(['B6', '-0.5']);
  });

  it('gives an unreadable amount null cents, and the writer refuses it naming the element, not the value', () => {
    const { value, diagnostics } = read(body.replace('265.2*', '265.205*'));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.location.element])).toEqual([
      ['X12-835-AMOUNT-FORMAT', 'CLP04'],
    ]);
    expect(claimsOf(value)[0].paymentCents).toBeNull();
    let thrown: unknown;
    try {
      build835Body(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'X12-INVALID-ARGUMENT' });
    expect((thrown as Error).message).toContain('CLP04');
    expect((thrown as Error).message).not.toContain('265');
  });
});

describe('835 writer refusals', () => {
  function refusal(write: () => unknown): { code?: string; message: string } {
    try {
      write();
    } catch (error) {
      return error as { code?: string; message: string };
    }
    throw new Error('the writer wrote it');
  }

  it('names the element of the amount it cannot write: the second CAS trio is CAS06, the second PLB pair PLB06', () => {
    const cas = refusal(() =>
      casSegments([
        { group: 'CO', reason: '45', cents: 100 },
        { group: 'CO', reason: '253', cents: null },
      ]),
    );
    expect(cas).toMatchObject({ code: 'X12-INVALID-ARGUMENT' });
    expect(cas.message).toContain('CAS06');
    const { value } = read(`${HEADER}
LX*1
CLP*PCN0001*1*10*10**12*PAYERCLM0001
PLB*1234567893*20261231*WO*1*L6*-1.505`);
    const plb = refusal(() => build835Body(value));
    expect(plb).toMatchObject({ code: 'X12-INVALID-ARGUMENT' });
    expect(plb.message).toContain('PLB06');
  });

  it('refuses cents that are not whole (a fraction, NaN, beyond a safe integer) with its coded error', () => {
    for (const cents of [12.5, Number.NaN, 2 ** 60]) {
      const error = refusal(() => casSegments([{ group: 'CO', reason: '45', cents }]));
      expect(error).toMatchObject({ code: 'X12-INVALID-ARGUMENT' });
      expect(error.message).toContain('CAS03');
    }
  });
});

describe('build835Body', () => {
  it('groups CAS by group code, six trios per segment', () => {
    const adjustments = [...Array(8).keys()].map((n) => ({
      group: n === 2 ? 'PR' : 'CO',
      reason: String(n + 1),
      cents: 100,
    }));
    expect(
      casSegments(adjustments).map((segment) => [segment.elements[0], (segment.elements.length - 1) / 3]),
    ).toEqual([
      ['CO', 6],
      ['CO', 1],
      ['PR', 1],
    ]);
  });

  it('writes an 835 a payer simulator built from scratch, which the engine validates without errors', () => {
    const claim: Claim835 = {
      patientControlNumber: 'PCN0001',
      statusCode: '1',
      chargeCents: 15000,
      paymentCents: 11000,
      patientResponsibilityCents: 2000,
      filingIndicator: '12',
      payerClaimControlNumber: 'PAYERCLM0001',
      facilityCode: '11',
      frequencyCode: '1',
      adjustments: [],
      patient: {
        entityCode: 'QC',
        entityType: '1',
        lastName: 'TESTPATIENT',
        firstName: 'JANE',
        idQualifier: 'MI',
        id: 'MBR000001',
      },
      references: [],
      dates: [{ qualifier: '232', date: '20260101' }],
      contacts: [],
      amounts: [],
      quantities: [],
      serviceLines: [
        {
          procedure: { qualifier: 'HC', code: '99213', modifiers: [] },
          chargeCents: 15000,
          paymentCents: 11000,
          units: '1',
          serviceDate: '20260101',
          otherDates: [],
          adjustments: [
            { group: 'CO', reason: '45', cents: 2000 },
            { group: 'PR', reason: '2', cents: 2000 },
          ],
          lineControlNumber: 'LINE0001',
          otherReferences: [],
          otherAmounts: [],
          quantities: [],
          remarks: [],
        },
      ],
    };
    const remittance: Remittance835 = {
      transactionControlNumber: '0001',
      financialInformation: {
        handlingCode: 'I',
        paymentCents: 11000 - 500,
        creditDebitFlag: 'C',
        paymentMethod: 'CHK',
        paymentDate: '20260105',
      },
      trace: { traceTypeCode: '1', traceNumber: 'CHK0001', payerId: '1999999999' },
      references: [],
      dates: [],
      payer: {
        entityCode: 'PR',
        name: 'TEST HEALTH PLAN',
        address: { lines: ['1 PLAN WAY'], city: 'ANYTOWN', state: 'PA', postalCode: '17000' },
        references: [],
        contacts: [
          { functionCode: 'BL', name: 'EDI', communications: [{ qualifier: 'TE', number: '5555550101' }] },
        ],
      },
      payee: {
        entityCode: 'PE',
        name: 'TEST CLINIC',
        idQualifier: 'XX',
        id: '1234567893',
        npi: '1234567893', // derived on read, ignored on write
        references: [],
        contacts: [],
      },
      claimGroups: [{ headerNumber: '1', claims: [claim] }],
      providerAdjustments: [
        {
          providerId: '1234567893',
          fiscalPeriodDate: '20261231',
          adjustments: [{ reasonCode: 'WO', reference: 'PAYERCLM0000', cents: 500 }],
        },
      ],
    };
    const text = writeInterchange({
      header: {
        senderQualifier: 'ZZ',
        senderId: 'PAYERSIM',
        receiverQualifier: 'ZZ',
        receiverId: 'GATEWAYTEST',
        date: '260105',
        time: '1200',
        controlNumber: 1,
        acknowledgmentRequested: false,
        usageIndicator: 'T',
      },
      groups: [
        {
          header: {
            functionalIdentifier: 'HP',
            applicationSender: 'PAYERSIM',
            applicationReceiver: 'GATEWAYTEST',
            date: '20260105',
            time: '1200',
            controlNumber: 1,
            version: '005010X221A1',
          },
          transactions: [{ id: '835', controlNumber: '0001', version: '', body: build835Body(remittance) }],
        },
      ],
    });
    expect(text).toContain('BPR*I*105*C*CHK************20260105~');
    expect(text).toContain('CAS*CO*45*20~CAS*PR*2*20~');
    expect(text).toContain('PLB*1234567893*20261231*WO:PAYERCLM0000*5~');
    const validated = validateX12(text);
    expect(validated.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const tx = validated.value[0].groups[0].transactions[0];
    expect(read835(tx, validated.value[0].delimiters).value).toEqual({ ...remittance, version: undefined });
  });
});
