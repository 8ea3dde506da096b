import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyInboundFile } from './inbound-file-classifier';

const SAMPLES = join(__dirname, '..', '..', '..', 'edi-samples');
const sample = (path: string): Buffer => readFileSync(join(SAMPLES, path));

describe('classifyInboundFile', () => {
  it.each([
    ['envelope/ta1-accepted.x12', 'TA1'],
    ['envelope/ta1-rejected.x12', 'TA1'],
    ['999/accepted.x12', '999'],
    ['999/partially-accepted.x12', '999'],
    ['277ca/277ca-accepted.x12', '277CA'],
    ['277ca/277ca-rejected.x12', '277CA'],
    ['835/paid.x12', '835'],
    ['835/denied.x12', '835'],
    ['271/271-active-coverage.x12', '271'],
    ['837p/single-claim.x12', 'other'],
  ])('%s is %s', (path, kind) => {
    const result = classifyInboundFile(sample(path));
    expect(result.quarantine).toBeUndefined();
    expect(result.kind).toBe(kind);
    expect(result.interchanges.length).toBeGreaterThan(0);
  });

  it('a 277 that is not the X214 acknowledgment is other', () => {
    const text = sample('277ca/277ca-accepted.x12')
      .toString('latin1')
      .replace(/005010X214/g, '005010X212');
    expect(classifyInboundFile(Buffer.from(text, 'latin1')).kind).toBe('other');
  });

  it('envelope errors make the file unreadable with the first code and a position, no values', () => {
    const result = classifyInboundFile(sample('envelope/malformed-counts-and-echoes.x12'));
    expect(result.kind).toBe('unreadable');
    expect(result.interchanges).toEqual([]);
    expect(result.quarantine?.code).toBe('X12-ENV-SE01-COUNT');
    expect(result.quarantine?.detail).toMatch(/segment SE, element SE01, segment index \d+, byte \d+/);
    expect(result.quarantine?.detail).toMatch(/more error/);
    expect(result.quarantine?.detail).not.toContain('BATCH6');
  });

  it('a truncated interchange is unreadable', () => {
    const result = classifyInboundFile(sample('835/truncated.x12'));
    expect(result.kind).toBe('unreadable');
    expect(result.quarantine?.code).toMatch(/^X12-ENV-/);
  });

  it('bytes that are not X12 are unreadable (X12-NOT-X12)', () => {
    const result = classifyInboundFile(Buffer.from('PATIENT CANARY-9137 hello'));
    expect(result).toEqual({
      kind: 'unreadable',
      interchanges: [],
      quarantine: { code: 'X12-NOT-X12', detail: 'the engine cannot read the file' },
    });
  });

  it('a file mixing a TA1 interchange and a 999 interchange is other, with a reason', () => {
    const bytes = Buffer.concat([sample('envelope/ta1-accepted.x12'), sample('999/accepted.x12')]);
    const result = classifyInboundFile(bytes);
    expect(result.kind).toBe('other');
    expect(result.quarantine?.code).toBe('INBOUND_MIXED_KINDS');
    expect(result.quarantine?.detail).toContain('ISA13 000000201: 999');
  });

  it('several interchanges of one kind keep that kind', () => {
    const result = classifyInboundFile(
      Buffer.concat([sample('envelope/ta1-accepted.x12'), sample('envelope/ta1-rejected.x12')]),
    );
    expect(result.kind).toBe('TA1');
    expect(result.interchanges).toHaveLength(2);
  });

  it('keeps segments only for the kinds asked for, and still checks the whole envelope', () => {
    const only999 = { keepSegmentsOf: (kind: string) => kind === '999' };
    const remittance = classifyInboundFile(sample('835/paid.x12'), only999);
    expect(remittance.kind).toBe('835');
    const [set] = remittance.interchanges[0].groups[0].transactions;
    expect(set).toMatchObject({ id: '835', complete: true, segments: [] });
    const acknowledgment = classifyInboundFile(sample('999/accepted.x12'), only999);
    expect(acknowledgment.interchanges[0].groups[0].transactions[0].segments.length).toBeGreaterThan(3);
    // By default every kind keeps its segments.
    const whole = classifyInboundFile(sample('835/paid.x12'));
    expect(whole.interchanges[0].groups[0].transactions[0].segments.length).toBeGreaterThan(10);
    // Skipped segments are still counted and checked: a cut-off or miscounted 835 is unreadable.
    expect(classifyInboundFile(sample('835/truncated.x12'), only999).kind).toBe('unreadable');
    const miscounted = sample('835/paid.x12')
      .toString('latin1')
      .replace(/SE\*(\d+)\*/, (_match, count: string) => `SE*${Number(count) + 1}*`);
    expect(classifyInboundFile(Buffer.from(miscounted, 'latin1'), only999).quarantine?.code).toBe(
      'X12-ENV-SE01-COUNT',
    );
  });
});
