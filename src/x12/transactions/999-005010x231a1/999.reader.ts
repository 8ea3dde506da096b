/**
 * Reads one 999 transaction set (005010X231A1) into the typed Acknowledgment999 model. Tolerant: a
 * segment it cannot place becomes a warning, a missing AK1/AK9/IK5 an error; nothing throws. The
 * IK404 bad element copy stays in the model only: no message ever quotes it.
 */
import { components, elementValue, repetitions } from '../../syntax/elements';
import type { Delimiters, Diagnostic, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import type { TransactionSet } from '../../envelope/types';
import { diagnostic, segmentLocation } from '../../validation/location';
import { segmentLabel } from '../../syntax/segment-ids';
import type { Code999 } from './999.diagnostics';
import type {
  Acknowledgment999,
  Context999,
  ElementError999,
  ElementPosition999,
  SegmentError999,
  TransactionSetResponse999,
} from './999.model';

class Reader999 {
  readonly diagnostics: Diagnostic[] = [];
  readonly model: Acknowledgment999;
  private response: TransactionSetResponse999 | undefined;
  private segmentError: SegmentError999 | undefined;
  private elementError: ElementError999 | undefined;
  private segment!: Segment;
  private position = 0;
  private seenAk1 = false;
  private seenAk9 = false;

  constructor(
    private readonly delimiters: Delimiters,
    private readonly base: DiagnosticLocation,
    transactionControlNumber: string,
    version: string | undefined,
  ) {
    this.model = {
      transactionControlNumber,
      version,
      functionalGroup: { functionalIdentifier: '', groupControlNumber: '' },
      transactionSetResponses: [],
      groupResponse: {
        acknowledgmentCode: '',
        transactionSetsIncluded: '',
        transactionSetsReceived: '',
        transactionSetsAccepted: '',
        syntaxErrorCodes: [],
      },
    };
  }

  private value(reference: string): string {
    return elementValue(this.segment, reference, this.delimiters);
  }

  private optional(reference: string): string | undefined {
    const text = this.value(reference);
    return text === '' ? undefined : text;
  }

  private codes(first: number, last: number): string[] {
    const out: string[] = [];
    for (let n = first; n <= last; n++) {
      const code = this.segment.elements[n - 1] ?? '';
      if (code !== '') out.push(code);
    }
    return out;
  }

  private report(
    code: Code999,
    severity: 'error' | 'warning',
    snip: 1 | 2,
    message: string,
    location: DiagnosticLocation,
  ): void {
    this.diagnostics.push(diagnostic(severity, code, snip, message, location));
  }

  private ignore(reason: string): void {
    this.report(
      'X12-999-SEGMENT-IGNORED',
      'warning',
      2,
      `${segmentLabel(this.segment.id)} at position ${this.position} ${reason}; it is not in the acknowledgment model`,
      segmentLocation(this.base, this.segment, this.position, undefined),
    );
  }

  read(segments: readonly Segment[]): void {
    for (let i = 0; i < segments.length; i++) {
      this.segment = segments[i];
      this.position = i + 1;
      this.dispatch();
    }
  }

  private dispatch(): void {
    switch (this.segment.id) {
      case 'ST':
      case 'SE':
        return;
      case 'AK1':
        if (this.seenAk1) return this.ignore('repeats the AK1');
        this.seenAk1 = true;
        this.model.functionalGroup = {
          functionalIdentifier: this.value('AK101'),
          groupControlNumber: this.value('AK102'),
          version: this.optional('AK103'),
        };
        return;
      case 'AK2':
        this.closeResponse();
        this.response = {
          transactionSetId: this.value('AK201'),
          controlNumber: this.value('AK202'),
          implementationConventionReference: this.optional('AK203'),
          segmentErrors: [],
          acknowledgmentCode: '',
          syntaxErrorCodes: [],
        };
        this.model.transactionSetResponses.push(this.response);
        return;
      case 'IK3':
        if (!this.response) return this.ignore('is outside an AK2 loop');
        this.segmentError = {
          segmentId: this.value('IK301'),
          position: this.value('IK302'),
          loopId: this.optional('IK303'),
          errorCode: this.optional('IK304'),
          contexts: [],
          elementErrors: [],
        };
        this.elementError = undefined;
        this.response.segmentErrors.push(this.segmentError);
        return;
      case 'IK4':
        if (!this.segmentError) return this.ignore('is outside an IK3 loop');
        this.elementError = {
          position: this.position999('IK401'),
          elementReference: this.optional('IK402'),
          errorCode: this.value('IK403'),
          badElementCopy: this.optional('IK404'),
          contexts: [],
        };
        this.segmentError.elementErrors.push(this.elementError);
        return;
      case 'CTX': {
        const target = this.elementError ?? this.segmentError;
        if (!target) return this.ignore('is outside an IK3 or IK4 loop');
        target.contexts.push(this.context());
        return;
      }
      case 'IK5':
        if (!this.response) return this.ignore('is outside an AK2 loop');
        this.response.acknowledgmentCode = this.value('IK501');
        this.response.syntaxErrorCodes = this.codes(2, 6);
        this.closeResponse(true);
        return;
      case 'AK9':
        this.closeResponse();
        this.seenAk9 = true;
        this.model.groupResponse = {
          acknowledgmentCode: this.value('AK901'),
          transactionSetsIncluded: this.value('AK902'),
          transactionSetsReceived: this.value('AK903'),
          transactionSetsAccepted: this.value('AK904'),
          syntaxErrorCodes: this.codes(5, 9),
        };
        return;
      default:
        return this.ignore('is not part of the 999 guide');
    }
  }

  private position999(reference: string): ElementPosition999 {
    const parts = components(this.value(reference), this.delimiters);
    const position: ElementPosition999 = { element: parts[0] ?? '' };
    if (parts[1]) position.component = parts[1];
    if (parts[2]) position.repetition = parts[2];
    return position;
  }

  private context(): Context999 {
    // CTX01 may repeat; the guide sends one context identification per CTX, so we keep the first.
    const identification = repetitions(this.value('CTX01'), this.delimiters)[0] ?? '';
    const [name = '', reference] = components(identification, this.delimiters);
    const context: Context999 = { name };
    if (reference) context.reference = reference;
    const segmentId = this.optional('CTX02');
    if (segmentId) context.segmentId = segmentId;
    const segmentPosition = this.optional('CTX03');
    if (segmentPosition) context.segmentPosition = segmentPosition;
    const loopId = this.optional('CTX04');
    if (loopId) context.loopId = loopId;
    if (this.value('CTX05') !== '') context.elementPosition = this.position999('CTX05');
    const elementReference = this.optional('CTX06-1');
    if (elementReference) context.elementReference = elementReference;
    return context;
  }

  /** Ends the current AK2 loop; an AK2 without its IK5 is reported. */
  private closeResponse(sawIk5 = false): void {
    if (this.response && !sawIk5) {
      this.report(
        'X12-999-REQUIRED-SEGMENT-MISSING',
        'error',
        2,
        `The transaction set response before segment ${this.position} has no IK5`,
        { ...this.base, segmentId: 'IK5', loopId: '2000' },
      );
    }
    this.response = undefined;
    this.segmentError = undefined;
    this.elementError = undefined;
  }

  finish(tx: TransactionSet): void {
    if (this.response) this.closeResponse();
    if (!tx.complete) {
      this.report(
        'X12-999-INCOMPLETE',
        'error',
        1,
        'The 999 transaction set has no SE: it was cut off and must not be applied',
        {
          ...this.base,
          segmentId: 'SE',
        },
      );
    }
    if (!this.seenAk1)
      this.report('X12-999-REQUIRED-SEGMENT-MISSING', 'error', 2, 'The 999 has no AK1 segment', {
        ...this.base,
        segmentId: 'AK1',
      });
    if (!this.seenAk9)
      this.report('X12-999-REQUIRED-SEGMENT-MISSING', 'error', 2, 'The 999 has no AK9 segment', {
        ...this.base,
        segmentId: 'AK9',
      });
  }
}

/**
 * Read one 999 transaction set (ST..SE) into an Acknowledgment999. `location` (interchange and group
 * control numbers) is copied into each diagnostic.
 */
export function read999(
  tx: TransactionSet,
  delimiters: Delimiters,
  location: DiagnosticLocation = {},
): Result<Acknowledgment999> {
  const base: DiagnosticLocation = { ...location, transactionControlNumber: tx.controlNumber };
  const st = tx.segments[0];
  const version = st && st.id === 'ST' && st.elements[2] ? st.elements[2] : undefined;
  const reader = new Reader999(delimiters, base, tx.controlNumber, version);
  reader.read(tx.segments);
  reader.finish(tx);
  return { value: reader.model, diagnostics: reader.diagnostics };
}
