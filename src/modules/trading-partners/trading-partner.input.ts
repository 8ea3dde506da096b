import type { InboundDisposal, PartnerAuthMethod, PartnerDelimiters } from './trading-partner.entity';

/** The secret half of a connection. Written once, re-encrypted on replacement, never read back out. */
export type PartnerCredentialInput =
  { method: 'password'; password: string } | { method: 'private-key'; privateKey: string };

/** Everything a partner is made of; optional fields take the defaults below. */
export interface TradingPartnerInput {
  name: string;
  payerIds: string[];
  enabled?: boolean;
  host: string;
  port?: number;
  username: string;
  credential: PartnerCredentialInput;
  hostKeyFingerprint: string;
  outboundDir: string;
  inboundDir: string;
  fileNamePattern?: string;
  inboundDisposal?: InboundDisposal;
  inboundArchiveDir?: string | null;
  renameAllowed?: boolean;
  verifyHashBelowBytes?: number;
  isaSenderQualifier: string;
  isaSenderId: string;
  isaReceiverQualifier: string;
  isaReceiverId: string;
  gsSenderCode?: string | null;
  gsReceiverCode?: string | null;
  usageIndicator?: 'T' | 'P';
  acknowledgmentRequested?: boolean;
  delimiters?: PartnerDelimiters;
  maxClaimsPerTransaction?: number;
  maxClaimsPerFile?: number;
  oneInterchangePerFile?: boolean;
}

/** A change: any subset of the fields; `credential` replaces the stored one. */
export type TradingPartnerPatch = Partial<TradingPartnerInput>;

export const DEFAULT_DELIMITERS: PartnerDelimiters = {
  element: '*',
  repetition: '^',
  component: ':',
  segment: '~',
};

/** The non-secret fields of a partner, as stored (credential excluded). */
export type PartnerSettings = Omit<Required<TradingPartnerInput>, 'credential'> & {
  authMethod: PartnerAuthMethod;
};

export const PARTNER_SETTING_FIELDS = [
  'name',
  'payerIds',
  'enabled',
  'host',
  'port',
  'username',
  'hostKeyFingerprint',
  'outboundDir',
  'inboundDir',
  'fileNamePattern',
  'inboundDisposal',
  'inboundArchiveDir',
  'renameAllowed',
  'verifyHashBelowBytes',
  'isaSenderQualifier',
  'isaSenderId',
  'isaReceiverQualifier',
  'isaReceiverId',
  'gsSenderCode',
  'gsReceiverCode',
  'usageIndicator',
  'acknowledgmentRequested',
  'delimiters',
  'maxClaimsPerTransaction',
  'maxClaimsPerFile',
  'oneInterchangePerFile',
] as const satisfies readonly (keyof PartnerSettings)[];
