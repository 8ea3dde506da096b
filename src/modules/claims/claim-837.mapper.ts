/**
 * The one place that knows both the gateway's claim (row / submitted JSON) and the X12 engine's 837 model.
 * Pure: no database, no clock.
 */
import type { Interchange, TransactionSet } from '../../x12/envelope/types';
import type { IntakeItem } from './claim-intake.service';

/** The claims of one 837 transaction set as intake items, or undefined when it is not an 837P/837I. */
export function claimsOf837(
  _transaction: TransactionSet,
  _interchange: Interchange,
): IntakeItem[] | undefined {
  return undefined;
}
