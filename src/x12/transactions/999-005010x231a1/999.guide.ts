/** The 999 (005010X231A1) guide: schema plus AK9 consistency rules, for the registry. */
import type { TransactionGuide } from '../guide.types';
import { rules999 } from './999.rules';
import { schema999 } from './999.schema';

export const guide999: TransactionGuide = { schema: schema999, rules: rules999 };
