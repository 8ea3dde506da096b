/** The 835 (005010X221A1) guide: schema plus SNIP 3 balancing rules, for the registry. */
import type { TransactionGuide } from '../guide.types';
import { rules835 } from './835.rules';
import { schema835 } from './835.schema';

export const guide835: TransactionGuide = { schema: schema835, rules: rules835 };
