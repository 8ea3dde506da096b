/**
 * SNIP type 3 balancing rules of the 835 (005010X221A1, section 1.10.2.1 "Balancing"), all in integer
 * cents. A positive CAS or PLB amount reduces the payment; negative amounts (reversals, CLP02 = 22)
 * follow the same arithmetic. When an amount is not a valid decimal in whole cents the balance cannot be
 * computed: the rule says so (X12-835-BALANCE-UNCHECKED) rather than guess.
 */
import { parseCents } from '../../money';
import { elementValue } from '../../syntax/elements';
import type { Diagnostic, Segment } from '../../syntax/types';
import type { RuleInput, TransactionRule } from '../guide.types';
import { diagnostic835, segmentLocation } from './835.diagnostics';

interface OpenBalance {
  segment: Segment;
  position: number;
  /** CLP03 or SVC02. */
  charge: number | undefined;
  /** CLP04 or SVC03. */
  payment: number | undefined;
  /** Sum of CAS amounts that count against this charge. */
  adjustments: number;
  /** False once a CAS amount could not be read: the balance is then not checked. */
  readable: boolean;
}

function open(
  segment: Segment,
  position: number,
  charge: number | undefined,
  payment: number | undefined,
): OpenBalance {
  return {
    segment,
    position,
    charge,
    payment,
    adjustments: 0,
    readable: charge !== undefined && payment !== undefined,
  };
}

/** Sum of the amounts of one CAS segment (CAS03, CAS06, ... CAS18), or undefined if one is not a valid amount. */
function casTotal(segment: Segment, input: RuleInput): number | undefined {
  let total = 0;
  for (let element = 3; element <= 18; element += 3) {
    const text = elementValue(segment, String(element).padStart(2, '0'), input.delimiters);
    if (text === '') continue;
    const cents = parseCents(text);
    if (cents === undefined) return undefined;
    total += cents;
  }
  return total;
}

/** Sum of the PLB adjustment amounts (PLB04, PLB06, ... PLB14), or undefined if one is not valid. */
function plbTotal(segment: Segment, input: RuleInput): number | undefined {
  let total = 0;
  for (let element = 4; element <= 14; element += 2) {
    const text = elementValue(segment, String(element).padStart(2, '0'), input.delimiters);
    if (text === '') continue;
    const cents = parseCents(text);
    if (cents === undefined) return undefined;
    total += cents;
  }
  return total;
}

function cents(segment: Segment, reference: string, input: RuleInput): number | undefined {
  return parseCents(elementValue(segment, reference, input.delimiters));
}

/**
 * Runs the three balances in one pass: service line (SVC02 - line CAS = SVC03), claim (CLP03 - claim
 * CAS - line CAS = CLP04) and transaction (sum CLP04 - sum PLB = BPR02).
 */
export const balance835: TransactionRule = (input) => {
  const diagnostics: Diagnostic[] = [];
  let bpr: { segment: Segment; position: number; amount: number | undefined } | undefined;
  let claim: OpenBalance | undefined;
  let line: OpenBalance | undefined;
  let paymentTotal = 0;
  let plbTotalCents = 0;
  let transactionReadable = true;

  const unchecked = (what: string, balance: OpenBalance, loopId: string): void => {
    diagnostics.push(
      diagnostic835(
        'X12-835-BALANCE-UNCHECKED',
        'error',
        3,
        `${what} at segment ${balance.position} could not be balanced: one of its amounts is not a valid decimal in whole cents`,
        segmentLocation(input.location, balance.segment, balance.position, { loopId }),
      ),
    );
  };
  const closeLine = (): void => {
    if (line && !line.readable) unchecked('Service line', line, '2110');
    if (line && line.readable && line.charge! - line.adjustments !== line.payment) {
      diagnostics.push(
        diagnostic835(
          'X12-835-SVC-BALANCE',
          'error',
          3,
          `Service line at segment ${line.position}: SVC02 minus the line's CAS amounts does not equal SVC03`,
          segmentLocation(input.location, line.segment, line.position, { loopId: '2110', element: 'SVC03' }),
        ),
      );
    }
    line = undefined;
  };
  const closeClaim = (): void => {
    closeLine();
    if (claim && !claim.readable) unchecked('Claim', claim, '2100');
    if (claim && claim.readable && claim.charge! - claim.adjustments !== claim.payment) {
      diagnostics.push(
        diagnostic835(
          'X12-835-CLP-BALANCE',
          'error',
          3,
          `Claim at segment ${claim.position}: CLP03 minus all claim and service line CAS amounts does not equal CLP04`,
          segmentLocation(input.location, claim.segment, claim.position, {
            loopId: '2100',
            element: 'CLP04',
          }),
        ),
      );
    }
    claim = undefined;
  };

  input.segments.forEach((segment, index) => {
    const position = index + 1;
    switch (segment.id) {
      case 'BPR':
        bpr = { segment, position, amount: cents(segment, 'BPR02', input) };
        break;
      case 'LX':
      case 'PLB':
      case 'SE':
        closeClaim();
        if (segment.id === 'PLB') {
          const total = plbTotal(segment, input);
          if (total === undefined) transactionReadable = false;
          else plbTotalCents += total;
        }
        break;
      case 'CLP': {
        closeClaim();
        claim = open(segment, position, cents(segment, 'CLP03', input), cents(segment, 'CLP04', input));
        if (claim.payment === undefined) transactionReadable = false;
        else paymentTotal += claim.payment;
        break;
      }
      case 'SVC':
        closeLine();
        if (claim)
          line = open(segment, position, cents(segment, 'SVC02', input), cents(segment, 'SVC03', input));
        break;
      case 'CAS': {
        const total = casTotal(segment, input);
        // A line CAS counts against its line and its claim; a claim CAS only against the claim.
        for (const target of line ? [line, claim] : [claim]) {
          if (!target) continue;
          if (total === undefined) target.readable = false;
          else target.adjustments += total;
        }
        break;
      }
      default:
        break;
    }
  });
  closeClaim();

  if (bpr && (bpr.amount === undefined || !transactionReadable)) {
    diagnostics.push(
      diagnostic835(
        'X12-835-BALANCE-UNCHECKED',
        'error',
        3,
        'BPR02 could not be balanced against the claims and provider adjustments: an amount is not a valid decimal in whole cents',
        segmentLocation(input.location, bpr.segment, bpr.position, { element: 'BPR02' }),
      ),
    );
  } else if (bpr && bpr.amount !== undefined && paymentTotal - plbTotalCents !== bpr.amount) {
    diagnostics.push(
      diagnostic835(
        'X12-835-BPR-BALANCE',
        'error',
        3,
        'BPR02 does not equal the sum of the claim payments (CLP04) minus the provider adjustments (PLB)',
        segmentLocation(input.location, bpr.segment, bpr.position, { element: 'BPR02' }),
      ),
    );
  }
  return diagnostics;
};

export const rules835: readonly TransactionRule[] = [balance835];
