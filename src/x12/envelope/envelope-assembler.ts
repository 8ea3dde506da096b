/**
 * Builds the envelope structure from a segment sequence, incrementally, and checks it: ISA/IEA,
 * GS/GE, ST/SE nesting, counts (SE01, GE01, IEA01) and control-number echoes (SE02, GE02, IEA02).
 * It holds at most one transaction set's segments, so the streaming reader can use it for files of
 * any size. A missing SE, GE or IEA (cut-off input) is always an error.
 */
import type { Delimiters, Diagnostic, DiagnosticLocation, Segment } from '../syntax/types';
import type { SegmentView } from '../syntax/segment-view';
import type { SegmentSink } from '../syntax/segment-scanner';
import type { EnvelopeEvent, GroupInfo, InterchangeInfo } from './envelope-events';
import { checkGs, checkIsa, checkSt, envelopeDiagnostic, segmentLocation } from './header-checks';
import { keepShapeAlive } from '../keep-shape-alive';

interface OpenInterchange {
  info: InterchangeInfo;
  groupCount: number;
  groupControlNumbers: Set<string>;
}

interface OpenGroup {
  info: GroupInfo;
  transactionCount: number;
  transactionControlNumbers: Set<string>;
}

interface OpenTransaction {
  header: Segment;
  /** ST..SE as read; empty when a transaction sink takes them. */
  segments: Segment[];
  /** Segments from ST so far (SE01 counts them). */
  count: number;
  sink: TransactionSegmentSink | undefined;
}

/**
 * Takes a transaction set's segments after its ST (the body, then SE) as views, valid only during the
 * call (see SegmentSink). An object with a method rather than a bare function: a reader made per
 * transaction set can be its own sink, and the assembler's call then always meets the same method
 * instead of a new closure per read (which optimized code would be specialized to, and lose).
 */
export interface TransactionSegmentSink {
  segment(view: SegmentView): void;
}

/**
 * Offered each transaction set as its ST arrives (`header`); may return a sink that then receives every
 * body segment and SE as they are read (as views, read in place), instead of the assembler keeping
 * them (the transaction event then carries `segments: []`). Envelope checks and events are unchanged.
 */
export type TransactionSink = (start: {
  interchange: InterchangeInfo;
  group: GroupInfo;
  header: Segment;
}) => TransactionSegmentSink | undefined;

export interface EnvelopeAssemblerOptions {
  transactionSink?: TransactionSink;
}

export class EnvelopeAssembler {
  private interchange: OpenInterchange | null = null;
  private group: OpenGroup | null = null;
  private transaction: OpenTransaction | null = null;
  /** Skipping an ST..SE that stands outside any group. */
  private orphanTransaction = false;
  /** A run of stray segments is reported once, not once per segment. */
  private strayReported = false;

  constructor(
    private readonly emit: (event: EnvelopeEvent) => void,
    private readonly options: EnvelopeAssemblerOptions = {},
  ) {}

  /** One more segment of the open transaction set: to its sink, or kept. (A sink took ST as `header`.) */
  private keep(open: OpenTransaction, view: SegmentView, segment?: Segment): void {
    open.count++;
    if (open.sink) {
      if (open.count > 1) open.sink.segment(view);
    } else {
      open.segments.push(segment ?? view.toSegment());
    }
  }

  diagnostic(diagnostic: Diagnostic): void {
    this.emit({ kind: 'diagnostic', diagnostic });
  }

  /** A tokenizer diagnostic: add the control numbers of the envelope it occurred in. */
  syntaxDiagnostic(diagnostic: Diagnostic): void {
    this.diagnostic({ ...diagnostic, location: { ...this.baseLocation(), ...diagnostic.location } });
  }

  private report(
    severity: Diagnostic['severity'],
    code: Parameters<typeof envelopeDiagnostic>[1],
    message: string,
    location: DiagnosticLocation,
  ): void {
    this.diagnostic(envelopeDiagnostic(severity, code, message, location));
  }

  private baseLocation(): DiagnosticLocation {
    const location: DiagnosticLocation = {};
    if (this.interchange) location.interchangeControlNumber = this.interchange.info.controlNumber;
    if (this.group) location.groupControlNumber = this.group.info.controlNumber;
    if (this.transaction) location.transactionControlNumber = this.transaction.header.elements[1] ?? '';
    return location;
  }

  /**
   * The scanner's next segment. Envelope segments are kept as Segments; a body segment becomes one only
   * when its transaction set is kept rather than handed to a sink.
   */
  segment(view: SegmentView, delimiters: Delimiters): void {
    switch (view.id) {
      case 'ISA':
        this.closeInterchange(undefined);
        this.openInterchange(view.toSegment(), delimiters);
        return;
      case 'IEA':
        this.closeInterchange(view.toSegment());
        return;
      case 'GS':
        this.closeTransaction(undefined);
        this.closeGroup(undefined);
        this.openGroup(view.toSegment());
        return;
      case 'GE':
        this.closeTransaction(undefined);
        if (this.group) {
          this.closeGroup(view.toSegment());
        } else {
          this.report(
            'error',
            'X12-ENV-UNMATCHED-TRAILER',
            'GE without a GS.',
            segmentLocation(view, this.baseLocation()),
          );
        }
        return;
      case 'ST':
        this.closeTransaction(undefined);
        this.openTransaction(view.toSegment(), view);
        return;
      case 'SE':
        if (this.transaction) {
          const se = view.toSegment();
          this.keep(this.transaction, view, se);
          this.closeTransaction(se);
        } else if (this.orphanTransaction) {
          this.orphanTransaction = false;
        } else {
          this.report(
            'error',
            'X12-ENV-UNMATCHED-TRAILER',
            'SE without an ST.',
            segmentLocation(view, this.baseLocation()),
          );
        }
        return;
      default:
        this.bodySegment(view);
    }
  }

  private bodySegment(view: SegmentView): void {
    if (this.transaction) {
      this.keep(this.transaction, view);
      return;
    }
    if (this.orphanTransaction) return;
    if (view.id === 'TA1' && this.interchange && !this.group) {
      this.emit({ kind: 'ta1', interchange: this.interchange.info, segment: view.toSegment() });
      return;
    }
    if (!this.strayReported) {
      this.strayReported = true;
      this.report(
        'error',
        'X12-ENV-SEGMENT-OUTSIDE-TRANSACTION',
        'Segments outside any ST/SE transaction set were ignored.',
        segmentLocation(view, this.baseLocation()),
      );
    }
  }

  /** End of input: whatever is still open was cut off. */
  end(): void {
    this.closeInterchange(undefined);
  }

  private openInterchange(isa: Segment, delimiters: Delimiters): void {
    const element = (n: number) => (isa.elements[n - 1] ?? '').trim();
    const info: InterchangeInfo = {
      header: isa,
      delimiters,
      controlNumber: element(13),
      senderQualifier: element(5),
      senderId: element(6),
      receiverQualifier: element(7),
      receiverId: element(8),
      acknowledgmentRequested: element(14) === '1',
      usageIndicator: element(15),
    };
    this.interchange = { info, groupCount: 0, groupControlNumbers: new Set() };
    this.strayReported = false;
    this.orphanTransaction = false;
    this.emit({ kind: 'interchange-start', interchange: info });
    for (const diagnostic of checkIsa(isa, this.baseLocation())) this.diagnostic(diagnostic);
  }

  private closeInterchange(iea: Segment | undefined): void {
    this.closeTransaction(undefined);
    this.closeGroup(undefined);
    const open = this.interchange;
    if (!open) return;
    const base = this.baseLocation();
    if (iea) {
      const iea01 = iea.elements[0] ?? '';
      if (iea01.trim() !== String(open.groupCount)) {
        this.report(
          'error',
          'X12-ENV-IEA01-COUNT',
          `IEA01 must equal the number of functional groups (${open.groupCount}).`,
          segmentLocation(iea, base, 1),
        );
      }
      if ((iea.elements[1] ?? '').trim() !== open.info.controlNumber) {
        this.report(
          'error',
          'X12-ENV-IEA02-MISMATCH',
          'IEA02 does not equal ISA13.',
          segmentLocation(iea, base, 2),
        );
      }
    } else {
      this.report(
        'error',
        'X12-ENV-IEA-MISSING',
        'The interchange has no IEA: the input was cut off or another ISA began before it.',
        segmentLocation(open.info.header, base),
      );
    }
    this.emit({ kind: 'interchange-end', interchange: open.info, trailer: iea, groupCount: open.groupCount });
    this.interchange = null;
  }

  private openGroup(gs: Segment): void {
    if (!this.interchange) return; // the scanner only emits segments inside an interchange
    const element = (n: number) => (gs.elements[n - 1] ?? '').trim();
    const info: GroupInfo = {
      header: gs,
      functionalIdentifier: element(1),
      applicationSender: element(2),
      applicationReceiver: element(3),
      controlNumber: element(6),
      version: element(8),
    };
    const open = this.interchange;
    open.groupCount++;
    this.group = { info, transactionCount: 0, transactionControlNumbers: new Set() };
    this.strayReported = false;
    const base = this.baseLocation();
    this.emit({ kind: 'group-start', interchange: open.info, group: info });
    for (const diagnostic of checkGs(gs, open.info, base)) this.diagnostic(diagnostic);
    if (info.controlNumber !== '') {
      if (open.groupControlNumbers.has(info.controlNumber)) {
        this.report(
          'error',
          'X12-ENV-GS06-DUPLICATE',
          'GS06 repeats the control number of an earlier group of this interchange.',
          segmentLocation(gs, base, 6),
        );
      }
      open.groupControlNumbers.add(info.controlNumber);
    }
  }

  private closeGroup(ge: Segment | undefined): void {
    const open = this.group;
    if (!open || !this.interchange) return;
    const base = this.baseLocation();
    if (ge) {
      if ((ge.elements[0] ?? '').trim() !== String(open.transactionCount)) {
        this.report(
          'error',
          'X12-ENV-GE01-COUNT',
          `GE01 must equal the number of transaction sets in the group (${open.transactionCount}).`,
          segmentLocation(ge, base, 1),
        );
      }
      if ((ge.elements[1] ?? '').trim() !== open.info.controlNumber) {
        this.report(
          'error',
          'X12-ENV-GE02-MISMATCH',
          'GE02 does not equal GS06.',
          segmentLocation(ge, base, 2),
        );
      }
    } else {
      this.report(
        'error',
        'X12-ENV-GE-MISSING',
        'The functional group has no GE: the input was cut off or another envelope began before it.',
        segmentLocation(open.info.header, base),
      );
    }
    if (open.transactionCount === 0) {
      this.report(
        'warning',
        'X12-ENV-GROUP-EMPTY',
        'The functional group holds no transaction set.',
        segmentLocation(open.info.header, base),
      );
    }
    this.emit({
      kind: 'group-end',
      interchange: this.interchange.info,
      group: open.info,
      trailer: ge,
      transactionCount: open.transactionCount,
    });
    this.group = null;
    this.strayReported = false;
  }

  private openTransaction(st: Segment, view: SegmentView): void {
    this.strayReported = false;
    if (!this.group) {
      this.orphanTransaction = true;
      this.report(
        'error',
        'X12-ENV-ST-OUTSIDE-GROUP',
        'A transaction set outside any GS/GE functional group was skipped.',
        segmentLocation(st, this.baseLocation()),
      );
      return;
    }
    this.orphanTransaction = false;
    const sink = this.interchange
      ? this.options.transactionSink?.({
          interchange: this.interchange.info,
          group: this.group.info,
          header: st,
        })
      : undefined;
    this.transaction = { header: st, segments: [], count: 0, sink };
    this.keep(this.transaction, view, st);
    const base = this.baseLocation();
    for (const diagnostic of checkSt(st, this.group.info, base)) this.diagnostic(diagnostic);
    const st02 = st.elements[1] ?? '';
    if (st02 !== '') {
      if (this.group.transactionControlNumbers.has(st02)) {
        this.report(
          'error',
          'X12-ENV-ST02-DUPLICATE',
          'ST02 repeats the control number of an earlier transaction set of this group.',
          segmentLocation(st, base, 2),
        );
      }
      this.group.transactionControlNumbers.add(st02);
    }
  }

  private closeTransaction(se: Segment | undefined): void {
    const open = this.transaction;
    if (!open || !this.group || !this.interchange) return;
    const base = this.baseLocation();
    const st02 = open.header.elements[1] ?? '';
    if (se) {
      const position = open.count;
      if ((se.elements[0] ?? '').trim() !== String(open.count)) {
        this.report(
          'error',
          'X12-ENV-SE01-COUNT',
          `SE01 must equal the number of segments from ST to SE (${open.count}).`,
          {
            ...segmentLocation(se, base, 1),
            segmentPositionInTransaction: position,
          },
        );
      }
      if ((se.elements[1] ?? '') !== st02) {
        this.report('error', 'X12-ENV-SE02-MISMATCH', 'SE02 does not equal ST02.', {
          ...segmentLocation(se, base, 2),
          segmentPositionInTransaction: position,
        });
      }
    } else {
      this.report(
        'error',
        'X12-ENV-SE-MISSING',
        'The transaction set has no SE: the input was cut off or another envelope segment began before it.',
        { ...segmentLocation(open.header, base), segmentPositionInTransaction: 1 },
      );
    }
    this.group.transactionCount++;
    this.transaction = null;
    this.emit({
      kind: 'transaction',
      interchange: this.interchange.info,
      group: this.group.info,
      transaction: {
        id: open.header.elements[0] ?? '',
        controlNumber: st02,
        version: (open.header.elements[2] ?? '') || this.group.info.version,
        segments: open.segments,
        complete: se !== undefined,
      },
    });
  }
}

/**
 * The scanner's sink that feeds an assembler. A class rather than an object of two arrow functions:
 * every read then hands the scanner a sink of the same shape with the same methods, so the scanner's
 * optimized code stays valid from one read to the next instead of being thrown away at each new read.
 */
export class AssemblerSink implements SegmentSink {
  constructor(private readonly assembler: EnvelopeAssembler) {}

  segment(view: SegmentView, delimiters: Delimiters): void {
    this.assembler.segment(view, delimiters);
  }

  diagnostic(diagnostic: Diagnostic): void {
    this.assembler.syntaxDiagnostic(diagnostic);
  }
}

// An idle assembler and sink keep their shapes, and so the optimized code, alive between reads; see
// keepShapeAlive.
keepShapeAlive(new AssemblerSink(new EnvelopeAssembler(() => undefined)));
