// What a collected file is, read from its envelope only (ISA/GS/ST), with the X12 engine. Pure: no I/O.
// A file the engine cannot read, or whose envelope has errors, is 'unreadable' and carries a quarantine code
// and a position (segment, byte offset, control numbers); never an element value, since values are PHI.
import {
  hasErrors,
  readX12,
  X12Error,
  type Diagnostic,
  type FunctionalGroup,
  type Interchange,
} from '../../x12';
import type { InboundFileKind } from './inbound-file.entity';

/** Files larger than this are not parsed (payer files are untrusted input). */
export const MAX_INBOUND_FILE_BYTES = 64 * 1024 * 1024;

export interface QuarantineReason {
  /** Stable code: an engine diagnostic code (X12-ENV-...) or an INBOUND_... code of this module. */
  code: string;
  /** Where: segment position, byte offset, control numbers. No element values. */
  detail: string;
}

export interface Classification {
  kind: InboundFileKind;
  /** What the engine read (empty when unreadable). */
  interchanges: Interchange[];
  /** Set when the file must not be processed: unreadable, or kinds mixed in one file. */
  quarantine?: QuarantineReason;
}

export interface ClassifyOptions {
  /**
   * Whether a kind's transaction sets are needed with their segments (default: every kind). The others
   * come with `segments: []`: the envelope is still read and checked in full, but a 64 MB 835 that no
   * handler reads costs its envelope, not every segment.
   */
  keepSegmentsOf?: (kind: InboundFileKind) => boolean;
}

/** Each kind's GS01 and ST01 (5010 guides): one table for classifying and for keepSegmentsOf. */
const KINDS_BY_GS01: Readonly<Record<string, { kind: InboundFileKind; st01: string }>> = {
  FA: { kind: '999', st01: '999' },
  HN: { kind: '277CA', st01: '277' },
  HP: { kind: '835', st01: '835' },
  HB: { kind: '271', st01: '271' },
};

function announced(functionalIdentifier: string): { kind: InboundFileKind; st01: string } | undefined {
  return Object.hasOwn(KINDS_BY_GS01, functionalIdentifier) ? KINDS_BY_GS01[functionalIdentifier] : undefined;
}

/** The kind a functional group's GS01 announces (its transaction sets decide: see classifyGroup). */
function kindOfFunctionalIdentifier(functionalIdentifier: string): InboundFileKind {
  return announced(functionalIdentifier)?.kind ?? 'other';
}

/** What the group's GS01 announces, when every set has its ST01 (and, for a 277CA, the X214 guide). */
function classifyGroup(group: FunctionalGroup): InboundFileKind {
  const expected = announced(group.functionalIdentifier);
  if (!expected) return 'other';
  if (!group.transactions.every((transaction) => transaction.id === expected.st01)) return 'other';
  if (group.transactions.length === 0) return 'other';
  // 277 is also the claim status response (X212); only the X214 acknowledgment is a 277CA.
  if (
    expected.kind === '277CA' &&
    !group.transactions.every((transaction) => transaction.version.startsWith('005010X214'))
  )
    return 'other';
  return expected.kind;
}

function classifyInterchange(interchange: Interchange): InboundFileKind {
  if (interchange.groups.length === 0) return interchange.ta1.length > 0 ? 'TA1' : 'other';
  const kinds = new Set(interchange.groups.map(classifyGroup));
  return kinds.size === 1 ? [...kinds][0] : 'other';
}

/** A diagnostic's place, as text: positions and control numbers only. */
export function describePosition(diagnostic: Diagnostic): string {
  const location = diagnostic.location;
  const parts: string[] = [];
  if (location.segmentId !== undefined) parts.push(`segment ${location.segmentId}`);
  if (location.element !== undefined) parts.push(`element ${location.element}`);
  if (location.segmentIndex !== undefined) parts.push(`segment index ${location.segmentIndex}`);
  if (location.byteOffset !== undefined) parts.push(`byte ${location.byteOffset}`);
  if (location.interchangeControlNumber !== undefined)
    parts.push(`ISA13 ${location.interchangeControlNumber}`);
  if (location.groupControlNumber !== undefined) parts.push(`GS06 ${location.groupControlNumber}`);
  if (location.transactionControlNumber !== undefined)
    parts.push(`ST02 ${location.transactionControlNumber}`);
  return parts.length > 0 ? parts.join(', ') : 'no position';
}

function quarantineFromDiagnostics(diagnostics: readonly Diagnostic[]): QuarantineReason {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const first = errors[0];
  const more = errors.length > 1 ? `; ${errors.length - 1} more error(s)` : '';
  return { code: first.code, detail: `${describePosition(first)}${more}`.slice(0, 500) };
}

function unreadable(quarantine: QuarantineReason): Classification {
  return { kind: 'unreadable', interchanges: [], quarantine };
}

/**
 * Reads the envelope and names the kind. Every interchange of the file must agree: a file mixing kinds is
 * 'other' with a quarantine reason (INBOUND_MIXED_KINDS), so no handler gets half of what it expects.
 */
export function classifyInboundFile(bytes: Uint8Array, options: ClassifyOptions = {}): Classification {
  const keep = options.keepSegmentsOf;
  let interchanges: Interchange[];
  let diagnostics: Diagnostic[];
  try {
    ({ value: interchanges, diagnostics } = readX12(bytes, {
      maxBytes: MAX_INBOUND_FILE_BYTES,
      skipSegments: keep
        ? ({ group }) => !keep(kindOfFunctionalIdentifier(group.functionalIdentifier))
        : undefined,
    }));
  } catch (error) {
    if (error instanceof X12Error) {
      return unreadable({ code: error.code, detail: 'the engine cannot read the file' });
    }
    throw error;
  }
  if (hasErrors(diagnostics)) return unreadable(quarantineFromDiagnostics(diagnostics));
  if (interchanges.length === 0)
    return unreadable({ code: 'INBOUND_NO_INTERCHANGE', detail: 'no interchange' });
  const kinds = interchanges.map(classifyInterchange);
  const distinct = new Set(kinds);
  if (distinct.size > 1) {
    return {
      kind: 'other',
      interchanges,
      quarantine: {
        code: 'INBOUND_MIXED_KINDS',
        detail: interchanges
          .map((interchange, index) => `ISA13 ${interchange.controlNumber}: ${kinds[index]}`)
          .join(', ')
          .slice(0, 500),
      },
    };
  }
  return { kind: kinds[0], interchanges };
}
