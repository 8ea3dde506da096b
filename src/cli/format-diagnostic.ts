/** Human-readable diagnostics for the CLI: severity, code, place, message. Never element values. */
import type { Diagnostic } from '../x12';

export function describePlace(diagnostic: Diagnostic): string {
  const l = diagnostic.location;
  const parts: string[] = [];
  if (l.interchangeControlNumber !== undefined) parts.push(`ISA13=${l.interchangeControlNumber}`);
  if (l.groupControlNumber !== undefined) parts.push(`GS06=${l.groupControlNumber}`);
  if (l.transactionControlNumber !== undefined) parts.push(`ST02=${l.transactionControlNumber}`);
  if (l.loopId !== undefined) parts.push(`loop ${l.loopId}`);
  if (l.segmentId !== undefined || l.segmentIndex !== undefined) {
    let segment = l.segmentId ?? 'segment';
    if (l.segmentPositionInTransaction !== undefined) segment += ` #${l.segmentPositionInTransaction} in set`;
    if (l.segmentIndex !== undefined) segment += ` (segment ${l.segmentIndex + 1} of file)`;
    parts.push(segment);
  }
  if (l.element !== undefined) parts.push(l.element);
  if (l.byteOffset !== undefined) parts.push(`byte ${l.byteOffset}`);
  return parts.join(' ');
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = describePlace(diagnostic);
  return `${diagnostic.severity.padEnd(7)} ${diagnostic.code}  ${place ? `${place}: ` : ''}${diagnostic.message}`;
}
