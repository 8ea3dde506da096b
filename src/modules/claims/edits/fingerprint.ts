import { createHash } from 'node:crypto';
import { parseCents } from '../../../x12/money';
import { normalizeDate } from './code-shapes';
import type { ClaimFacts } from './edit.types';

/**
 * Content fingerprint that flags a claim already submitted: SHA-256 over the billing NPI, member id,
 * service dates, procedure (or revenue) codes and charges in integer cents. Normalised so that
 * `2024-01-02` and `20240102`, or `100` and `100.00`, give the same fingerprint.
 */
export function claimFingerprint(facts: ClaimFacts): string {
  const date = (text: string | undefined): string => (text ? (normalizeDate(text) ?? text) : '');
  const cents = (text: string | undefined): string => (text ? String(parseCents(text) ?? text) : '');
  const parts = [
    facts.kind,
    facts.billingNpi.value ?? '',
    facts.memberId.value ?? '',
    date(facts.serviceDateFrom.value),
    date(facts.serviceDateTo.value),
    cents(facts.totalCharge.value),
    ...facts.lines.map((line) =>
      [
        line.procedureCode.value ?? '',
        line.revenueCode.value ?? '',
        line.modifiers.map((modifier) => modifier.value ?? '').join(':'),
        date(line.serviceDateFrom.value),
        date(line.serviceDateTo.value),
        cents(line.charge.value),
      ].join('|'),
    ),
  ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}
