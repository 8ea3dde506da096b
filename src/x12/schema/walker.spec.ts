import {
  DEPENDENT_PATIENT_837P,
  SUBSCRIBER_IS_PATIENT_837P,
  insertAfter,
  withSegment,
} from '../transactions/837p-005010x222a1/837p.samples.spec-support';
import { schema837P } from '../transactions/837p-005010x222a1/837p.schema';
import type { Segment } from '../syntax/types';
import { segmentsOf } from './segments.spec-support';
import { type LoopInstance, walkTransaction } from './walker';

function loopIds(segments: Segment[], loopOf: (s: Segment) => LoopInstance | undefined): string[] {
  return segments.map((s) => `${s.id}:${loopOf(s)?.loopId ?? '?'}`);
}

function codes(text: string): string[] {
  return walkTransaction(schema837P, segmentsOf(text)).diagnostics.map((d) => d.code);
}

describe('schema walker on 837P', () => {
  it('assigns every segment of a small 837P to its loop', () => {
    const segments = segmentsOf(SUBSCRIBER_IS_PATIENT_837P);
    const walk = walkTransaction(schema837P, segments);
    expect(walk.diagnostics).toEqual([]);
    expect(loopIds(segments, walk.loopOf)).toEqual([
      'ST:',
      'BHT:',
      'NM1:1000A',
      'PER:1000A',
      'NM1:1000B',
      'HL:2000A',
      'PRV:2000A',
      'NM1:2010AA',
      'N3:2010AA',
      'N4:2010AA',
      'REF:2010AA',
      'HL:2000B',
      'SBR:2000B',
      'NM1:2010BA',
      'N3:2010BA',
      'N4:2010BA',
      'DMG:2010BA',
      'NM1:2010BB',
      'CLM:2300',
      'DTP:2300',
      'REF:2300',
      'HI:2300',
      'NM1:2310B',
      'PRV:2310B',
      'LX:2400',
      'SV1:2400',
      'DTP:2400',
      'REF:2400',
      'LX:2400',
      'SV1:2400',
      'DTP:2400',
      'REF:2400',
      'SE:',
    ]);
  });

  it('builds the loop tree: two 2400 instances under one 2300 under 2000B', () => {
    const walk = walkTransaction(schema837P, segmentsOf(SUBSCRIBER_IS_PATIENT_837P));
    const billing = walk.root.loops.find((l) => l.loopId === '2000A');
    const subscriber = billing?.loops.find((l) => l.loopId === '2000B');
    const claim = subscriber?.loops.find((l) => l.loopId === '2300');
    expect(walk.root.loops.map((l) => l.loopId)).toEqual(['1000A', '1000B', '2000A']);
    expect(subscriber?.loops.map((l) => l.loopId)).toEqual(['2010BA', '2010BB', '2300']);
    expect(claim?.loops.map((l) => l.loopId)).toEqual(['2310B', '2400', '2400']);
    expect(claim?.loops[1].segments.map((s) => s.id)).toEqual(['LX', 'SV1', 'DTP', 'REF']);
    expect(claim?.parent).toBe(subscriber);
  });

  it('places a dependent patient claim under 2000C / 2010CA', () => {
    const segments = segmentsOf(DEPENDENT_PATIENT_837P);
    const walk = walkTransaction(schema837P, segments);
    expect(walk.diagnostics).toEqual([]);
    const byId = (id: string) => walk.loopOf(segments.find((s) => s.id === id) as Segment)?.loopId;
    expect(byId('PAT')).toBe('2000C');
    expect(walk.loopOf(segments[16])?.loopId).toBe('2010CA');
    expect(byId('CLM')).toBe('2300');
    expect(walk.loopOf(segments.find((s) => s.id === 'CLM') as Segment)?.parent?.loopId).toBe('2000C');
  });

  it('matches a segment by its qualifier (REF*EI in 2010AA, REF*D9 in 2300, REF*6R in 2400)', () => {
    const segments = segmentsOf(SUBSCRIBER_IS_PATIENT_837P);
    const walk = walkTransaction(schema837P, segments);
    const names = segments.filter((s) => s.id === 'REF').map((s) => walk.segmentDefOf(s)?.name);
    expect(names).toEqual([
      'Billing Provider Tax Identification',
      'Claim Identifier For Transmission Intermediaries',
      'Line Item Control Number',
      'Line Item Control Number',
    ]);
  });

  it('accepts same-id segments of a loop in any order (a DTP after the REFs is out of order: reported)', () => {
    const text = insertAfter(
      withSegment(SUBSCRIBER_IS_PATIENT_837P, 'DTP*431', ''),
      'REF*D9',
      'REF*G1*AUTH0001',
    );
    expect(codes(text)).toEqual([]);
    const outOfOrder = insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'REF*D9', 'DTP*439*D8*20250101');
    expect(codes(outOfOrder)).toEqual(['X12-IG-SEGMENT-ORDER']);
  });

  it('reports an unexpected segment with its place and no value', () => {
    const segments = segmentsOf(insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'SBR*', 'ZZZ*SECRET VALUE'));
    const walk = walkTransaction(schema837P, segments, {
      location: {
        interchangeControlNumber: '000000001',
        groupControlNumber: '1',
        transactionControlNumber: '0001',
      },
    });
    expect(walk.diagnostics).toHaveLength(1);
    const [d] = walk.diagnostics;
    expect(d).toMatchObject({
      severity: 'error',
      code: 'X12-IG-SEGMENT-UNEXPECTED',
      snip: 2,
      location: {
        interchangeControlNumber: '000000001',
        groupControlNumber: '1',
        transactionControlNumber: '0001',
        loopId: '2000B',
        segmentId: 'ZZZ',
        segmentIndex: 13,
        segmentPositionInTransaction: 14,
      },
    });
    expect(d.location.byteOffset).toBe(segments[13].byteOffset);
    expect(d.message).not.toContain('SECRET');
  });

  it('reports a qualifier the loop does not allow', () => {
    expect(codes(insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'REF*D9', 'REF*QQ*X'))).toEqual([
      'X12-IG-SEGMENT-QUALIFIER',
    ]);
  });

  it('reports a missing required segment (2010AA N4) and a missing required loop (2010BB)', () => {
    const noN4 = withSegment(SUBSCRIBER_IS_PATIENT_837P, 'N4*TESTTOWN*NY*100010001', '');
    const walk = walkTransaction(schema837P, segmentsOf(noN4));
    expect(walk.diagnostics).toHaveLength(1);
    expect(walk.diagnostics[0]).toMatchObject({
      code: 'X12-IG-SEGMENT-MISSING',
      location: { loopId: '2010AA', segmentId: 'N4' },
    });
    const noPayer = withSegment(SUBSCRIBER_IS_PATIENT_837P, 'NM1*PR', '');
    expect(walkTransaction(schema837P, segmentsOf(noPayer)).diagnostics).toEqual([
      expect.objectContaining({
        code: 'X12-IG-LOOP-MISSING',
        location: expect.objectContaining({ loopId: '2010BB' }),
      }),
    ]);
  });

  it('reports a missing required segment in the header (BHT)', () => {
    expect(codes(withSegment(SUBSCRIBER_IS_PATIENT_837P, 'BHT*', ''))).toEqual(['X12-IG-SEGMENT-MISSING']);
  });

  it('reports a segment repeated over its limit (PER in 1000A, max 2)', () => {
    let text = SUBSCRIBER_IS_PATIENT_837P;
    text = insertAfter(text, 'PER*IC', 'PER*IC*DESK*TE*5555550101');
    expect(codes(text)).toEqual([]);
    text = insertAfter(text, 'PER*IC', 'PER*IC*DESK*TE*5555550102');
    expect(codes(text)).toEqual(['X12-IG-SEGMENT-REPEAT']);
  });

  it('reports a loop repeated over its limit (2310A referring provider, max 2)', () => {
    const referring = 'NM1*DN*1*ROE*RAY****XX*1234567893';
    let text = insertAfter(SUBSCRIBER_IS_PATIENT_837P, 'HI*', referring);
    text = insertAfter(text, 'HI*', referring);
    expect(codes(text)).toEqual([]);
    text = insertAfter(text, 'HI*', referring);
    expect(codes(text)).toEqual(['X12-IG-LOOP-REPEAT']);
  });

  it('reports 51 service lines as a 2400 loop over its repeat of 50', () => {
    const line = 'LX*1~SV1*HC:99213*1*UN*1***1~DTP*472*D8*20250110';
    const lines = Array.from({ length: 51 }, () => line).join('~');
    const text = SUBSCRIBER_IS_PATIENT_837P.replace(/LX\*1~.*~SE\*/s, `${lines}~SE*`);
    const diagnostics = walkTransaction(schema837P, segmentsOf(text)).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.location.loopId])).toEqual([['X12-IG-LOOP-REPEAT', '2400']]);
  });

  it('reports a segment the guide marks not used', () => {
    const schema = {
      ...schema837P,
      children: schema837P.children.map((c) =>
        c.kind === 'segment' && c.id === 'BHT' ? { ...c, usage: 'N' as const } : c,
      ),
    };
    const diagnostics = walkTransaction(schema, segmentsOf(SUBSCRIBER_IS_PATIENT_837P)).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['X12-IG-SEGMENT-NOT-USED']);
  });

  it('walks hostile input (100 000 unknown segments, deep repeats) in linear time without recursion', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'HL*1**20*1' : 'QQ*1')).join('~');
    const segments = segmentsOf(`ST*837*0001*005010X222A1~${junk}~SE*1*0001~`);
    const started = performance.now();
    const walk = walkTransaction(schema837P, segments);
    // generous bound: a quadratic walk would take minutes here, a linear one well under a second
    expect(performance.now() - started).toBeLessThan(5000);
    expect(walk.diagnostics.length).toBeGreaterThan(50_000);
  });
});
