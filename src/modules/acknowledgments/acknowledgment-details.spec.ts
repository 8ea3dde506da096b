import {
  acknowledge277CA,
  acknowledgedClaims,
  type SegmentError999,
  type TransactionSetResponse999,
} from '../../x12';
import { ack999Detail, claim277CAOutcome, ta1Detail } from './acknowledgment-details';

const clm = (reference?: string): SegmentError999 => ({
  segmentId: 'CLM',
  position: '22',
  loopId: '2300',
  errorCode: '8',
  contexts: reference === undefined ? [] : [{ name: 'CLM01', reference }],
  elementErrors: [
    { position: { element: '5', component: '3' }, errorCode: '7', badElementCopy: 'SECRET', contexts: [] },
  ],
});

describe('ack999Detail', () => {
  const response: TransactionSetResponse999 = {
    transactionSetId: '837',
    controlNumber: '0001',
    segmentErrors: [clm('PCN1'), clm('PCN2'), { ...clm(), segmentId: 'SV1', position: '40' }],
    acknowledgmentCode: 'R',
    syntaxErrorCodes: ['5'],
  };

  it('gives a claim its own IK3s and the set-wide ones, with descriptions and without values', () => {
    const detail = ack999Detail(response, 'PCN1');
    expect(detail.segmentErrors.map((error) => error.segmentId)).toEqual(['CLM', 'SV1']);
    expect(detail.segmentErrors[0]).toEqual({
      segmentId: 'CLM',
      position: '22',
      loopId: '2300',
      code: '8',
      description: 'Segment has data element errors',
      elementErrors: [
        { elementPosition: '5', componentPosition: '3', code: '7', description: 'Invalid code value' },
      ],
    });
    expect(detail.transactionSetErrors).toEqual([
      { code: '5', description: 'One or more segments in error' },
    ]);
    expect(JSON.stringify(detail)).not.toMatch(/SECRET|PCN1/);
    expect(ack999Detail(response, 'PCN3').segmentErrors.map((error) => error.segmentId)).toEqual(['SV1']);
  });
});

describe('claim277CAOutcome', () => {
  const batch = (rejection?: { categoryCode: string; statusCode: string; entityCode?: string }[]) =>
    acknowledge277CA({
      referenceId: 'R1',
      date: '20240110',
      time: '1200',
      payer: { name: 'PAYER', id: 'P1' },
      submitter: { name: 'SUBMITTER', id: 'S1' },
      batchTraceNumber: '1',
      receiptDate: '20240110',
      billingProviders: [
        {
          name: 'CLINIC',
          npi: '1234567893',
          claims: [
            { patientControlNumber: 'C1', patient: { lastName: 'X' }, chargeAmount: '10.00', rejection },
          ],
        },
      ],
    });

  it('accepts A2 and rejects A7 with codes and descriptions', () => {
    expect(claim277CAOutcome(acknowledgedClaims(batch())[0]).outcome).toBe('accepted');
    const rejected = claim277CAOutcome(
      acknowledgedClaims(batch([{ categoryCode: 'A7', statusCode: '164', entityCode: 'IL' }]))[0],
    );
    expect(rejected.outcome).toBe('rejected');
    expect(rejected.statuses[0]).toMatchObject({
      loop: '2200D',
      categoryCode: 'A7',
      categoryDescription: 'Acknowledged: rejected for invalid information',
      statusCode: '164',
      entityCode: 'IL',
      actionCode: 'U',
    });
  });

  it('counts A4 (not found) and a provider-level rejection as rejections, and pending as undecided', () => {
    expect(
      claim277CAOutcome(acknowledgedClaims(batch([{ categoryCode: 'A4', statusCode: '35' }]))[0]).outcome,
    ).toBe('rejected');
    const [entry] = acknowledgedClaims(batch());
    entry.billingProvider.statusInformation = [
      { statuses: [{ categoryCode: 'A3', statusCode: '562', entityCode: '85' }], actionCode: 'U' },
    ];
    const viaProvider = claim277CAOutcome(entry);
    expect(viaProvider.outcome).toBe('rejected');
    expect(viaProvider.statuses.map((status) => status.loop)).toEqual(['2200D', '2200C']);
    // A pending status (no STC03 reject action) decides nothing.
    const [pending] = acknowledgedClaims(batch());
    pending.claim.statusInformation = [{ statuses: [{ categoryCode: 'P1', statusCode: '1' }] }];
    expect(claim277CAOutcome(pending).outcome).toBe('undecided');
  });
});

describe('ta1Detail', () => {
  it('describes TA104 and TA105', () => {
    expect(
      ta1Detail({
        controlNumber: '1',
        date: '',
        time: '',
        acknowledgmentCode: 'R',
        noteCode: '006',
        noteDescription: '',
      }),
    ).toEqual({
      acknowledgmentCode: 'R',
      acknowledgmentDescription: expect.stringContaining('rejected'),
      noteCode: '006',
      noteDescription: 'Invalid Interchange Sender ID',
    });
  });
});
