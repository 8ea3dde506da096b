/**
 * A whole 837P or 837I interchange from JSON: what `x12gw x12 build 837p|837i INPUT.json` takes. Control
 * numbers, dates and times are in the input (the gateway's ledger and clock supply them); one transaction
 * set holds every claim.
 */
import { writeInterchange } from '../envelope/interchange-writer';
import type { GroupHeaderInput, InterchangeHeaderInput } from '../envelope/types';
import { X12Error } from '../syntax/types';
import type { Claim837BuildOptions, InstitutionalClaim, ProfessionalClaim } from './837-claim.model';
import { build837PBody, VERSION_837P } from './837p-005010x222a1/837p.builder';
import { build837IBody, VERSION_837I } from './837i-005010x223a2/837i.builder';

export interface Claim837InterchangeInput<TClaim> {
  interchange: InterchangeHeaderInput;
  /** GS values; GS01 is HC and GS08 the guide version unless given. */
  group: Omit<GroupHeaderInput, 'functionalIdentifier' | 'version'> &
    Partial<Pick<GroupHeaderInput, 'functionalIdentifier' | 'version'>>;
  /** ST02. */
  transactionControlNumber: string | number;
  /** BHT and 1000A/1000B ids. */
  options: Claim837BuildOptions;
  claims: TClaim[];
  /** Write a line break after each segment terminator (default false). */
  lineBreak?: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the outline of the build input (the builder checks each claim). */
export function parse837BuildInput<TClaim>(
  input: unknown,
  type: '837P' | '837I',
): Claim837InterchangeInput<TClaim> {
  const missing = (part: string): X12Error =>
    new X12Error('X12-INVALID-ARGUMENT', `${type} build input: ${part} is missing or has the wrong type.`);
  if (!isObject(input)) throw missing('the document');
  for (const part of ['interchange', 'group', 'options'] as const)
    if (!isObject(input[part])) throw missing(part);
  if (!Array.isArray(input.claims) || input.claims.length === 0) throw missing('claims (a non-empty array)');
  if (input.transactionControlNumber === undefined) throw missing('transactionControlNumber');
  return input as unknown as Claim837InterchangeInput<TClaim>;
}

function write837(
  input: Claim837InterchangeInput<unknown>,
  version: string,
  body: ReturnType<typeof build837PBody>,
): string {
  return writeInterchange(
    {
      header: input.interchange,
      groups: [
        {
          header: { functionalIdentifier: 'HC', version, ...input.group },
          transactions: [{ id: '837', controlNumber: input.transactionControlNumber, version, body }],
        },
      ],
    },
    { lineBreak: input.lineBreak ?? false },
  );
}

export function build837PInterchange(input: Claim837InterchangeInput<ProfessionalClaim>): string {
  return write837(input, VERSION_837P, build837PBody({ claims: input.claims }, input.options));
}

export function build837IInterchange(input: Claim837InterchangeInput<InstitutionalClaim>): string {
  return write837(input, VERSION_837I, build837IBody({ claims: input.claims }, input.options));
}
