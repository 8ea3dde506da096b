/**
 * A whole 270 interchange from one JSON document: the envelope values (control numbers from the
 * caller's ledger, dates from the caller's clock) plus the typed request. Used by
 * `x12gw x12 build 270 INPUT.json`; see edi-samples/270/270-subscriber.input.json.
 */
import { writeInterchange } from '../../envelope/interchange-writer';
import type { GroupHeaderInput, InterchangeHeaderInput } from '../../envelope/types';
import { X12Error } from '../../syntax/types';
import { build270Body } from './270.builder';
import type { EligibilityRequest270 } from './270.model';

export interface Eligibility270BuildInput {
  interchange: InterchangeHeaderInput;
  /** GS values; GS01 defaults to HS and GS08 to 005010X279A1. */
  group: Omit<GroupHeaderInput, 'functionalIdentifier' | 'version'> &
    Partial<Pick<GroupHeaderInput, 'functionalIdentifier' | 'version'>>;
  /** ST02. */
  transactionControlNumber: string | number;
  request: EligibilityRequest270;
  /** Write a line break after each segment terminator (easier to read; default false). */
  lineBreak?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the JSON shape enough to give a coded error naming the missing part (never a value). */
export function parse270BuildInput(input: unknown): Eligibility270BuildInput {
  const missing = (part: string): X12Error =>
    new X12Error('X12-INVALID-ARGUMENT', `270 build input: ${part} is missing or not an object.`);
  if (!isObject(input)) throw missing('the document');
  for (const part of ['interchange', 'group', 'request'] as const)
    if (!isObject(input[part])) throw missing(part);
  const request = input.request as Record<string, unknown>;
  for (const part of ['payer', 'provider', 'subscriber', 'trace'] as const)
    if (!isObject(request[part])) throw missing(`request.${part}`);
  if (!Array.isArray(request.serviceTypeCodes)) throw missing('request.serviceTypeCodes (an array)');
  if (input.transactionControlNumber === undefined) throw missing('transactionControlNumber');
  return input as unknown as Eligibility270BuildInput;
}

export function build270Interchange(input: Eligibility270BuildInput): string {
  return writeInterchange(
    {
      header: input.interchange,
      groups: [
        {
          header: { functionalIdentifier: 'HS', version: '005010X279A1', ...input.group },
          transactions: [
            {
              id: '270',
              controlNumber: input.transactionControlNumber,
              version: '005010X279A1',
              body: build270Body(input.request),
            },
          ],
        },
      ],
    },
    { lineBreak: input.lineBreak ?? false },
  );
}
