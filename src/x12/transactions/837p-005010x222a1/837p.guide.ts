/** 837P (005010X222A1): schema + rules, registered in transactions/index.ts. */
import type { TransactionGuide } from '../guide.types';
import { rules837P } from './837p.rules';
import { schema837P } from './837p.schema';

export const guide837P: TransactionGuide = { schema: schema837P, rules: rules837P };
