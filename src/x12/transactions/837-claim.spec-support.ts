/** Test support: envelope values for 837 specs and golden files (synthetic ids, fixed dates). */
import type { Claim837BuildOptions } from './837-claim.model';

export const BUILD_OPTIONS_837: Claim837BuildOptions = {
  referenceIdentification: 'BATCH0001',
  creationDate: '20250115',
  creationTime: '1200',
};

export const ENVELOPE_837 = {
  interchange: {
    senderQualifier: 'ZZ',
    senderId: 'SUBMIT0001',
    receiverQualifier: 'ZZ',
    receiverId: 'RECV0001',
    date: '250115',
    time: '1200',
    controlNumber: 1,
    acknowledgmentRequested: true,
    usageIndicator: 'T' as const,
  },
  group: {
    applicationSender: 'SUBMIT0001',
    applicationReceiver: 'RECV0001',
    date: '20250115',
    time: '1200',
    controlNumber: 1,
  },
  transactionControlNumber: '0001',
  options: BUILD_OPTIONS_837,
  lineBreak: true,
};
