/**
 * Consistency rules of the 999 (005010X231A1 AK9 notes): the accepted count cannot exceed the received
 * count, and AK901 must agree with the counts (A/E all accepted, P some, R none).
 */
import { elementValue } from '../../syntax/elements';
import type { Diagnostic } from '../../syntax/types';
import { diagnostic, segmentLocation } from '../../validation/location';
import type { TransactionRule } from '../guide.types';

export const ak9Consistency999: TransactionRule = (input) => {
  const index = input.segments.findIndex((segment) => segment.id === 'AK9');
  if (index < 0) return [];
  const ak9 = input.segments[index];
  const at = (element: string) => segmentLocation(input.location, ak9, index + 1, undefined, element);
  const value = (reference: string) => elementValue(ak9, reference, input.delimiters);
  const received = /^\d{1,6}$/.test(value('AK903')) ? Number(value('AK903')) : undefined;
  const accepted = /^\d{1,6}$/.test(value('AK904')) ? Number(value('AK904')) : undefined;
  const out: Diagnostic[] = [];
  if (received === undefined || accepted === undefined || accepted > received) {
    out.push(
      diagnostic(
        'error',
        'X12-999-AK9-COUNT',
        4,
        'AK904 (accepted) is not a count no greater than AK903 (received)',
        at('AK904'),
      ),
    );
    return out;
  }
  const code = value('AK901');
  const expected = accepted === 0 ? ['R'] : accepted < received ? ['P'] : ['A', 'E'];
  // A group-level error (AK905) rejects the whole group whatever the counts say.
  if (value('AK905') !== '') expected.push('R');
  // M, W and X are security outcomes the counts cannot confirm.
  if (!['M', 'W', 'X'].includes(code) && !expected.includes(code)) {
    out.push(
      diagnostic(
        'error',
        'X12-999-AK9-CODE',
        4,
        'AK901 does not agree with the received and accepted counts in AK903 and AK904',
        at('AK901'),
      ),
    );
  }
  return out;
};

export const rules999: readonly TransactionRule[] = [ak9Consistency999];
