/** 837I (005010X223A2): schema + rules, registered in transactions/index.ts. */
import type { TransactionGuide } from '../guide.types';
import { rules837I } from './837i.rules';
import { schema837I } from './837i.schema';

export const guide837I: TransactionGuide = { schema: schema837I, rules: rules837I };
