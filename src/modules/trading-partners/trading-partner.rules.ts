// The rules a partner must satisfy, checked on every write (admin API, sandbox boot) and reported as
// { path, code, message } details without the values: a rejected password or key must not travel back.
import { utils as sshUtils } from 'ssh2';
import type { ErrorDetail } from '../../common/errors/domain-error';
import { normaliseFingerprint } from '../transmissions/sftp/host-key';
import { DEFAULT_FILE_NAME_PATTERN, fileNamePatternProblems } from './file-name';
import { INBOUND_DISPOSALS, type PartnerDelimiters, PARTNER_AUTH_METHODS } from './trading-partner.entity';
import {
  DEFAULT_DELIMITERS,
  type PartnerCredentialInput,
  type PartnerSettings,
  type TradingPartnerInput,
} from './trading-partner.input';

/** 837 implementation guides recommend at most 5000 claims (CLM) per ST-SE. */
export const MAX_CLAIMS_PER_TRANSACTION = 5000;
export const MAX_CLAIMS_PER_FILE = 100_000;
const MAX_SECRET_LENGTH = 16_384;

/** Fills defaults; canonicalises the fingerprint and payer ids. Validation happens in settingsProblems. */
export function withDefaults(
  input: Omit<TradingPartnerInput, 'credential'>,
  authMethod: PartnerSettings['authMethod'],
): PartnerSettings {
  return {
    name: input.name.trim(),
    payerIds: [...new Set(input.payerIds.map((id) => id.trim()))],
    enabled: input.enabled ?? true,
    host: input.host.trim(),
    port: input.port ?? 22,
    username: input.username,
    authMethod,
    hostKeyFingerprint: normaliseFingerprint(input.hostKeyFingerprint) ?? input.hostKeyFingerprint,
    outboundDir: input.outboundDir,
    inboundDir: input.inboundDir,
    fileNamePattern: input.fileNamePattern ?? DEFAULT_FILE_NAME_PATTERN,
    inboundDisposal: input.inboundDisposal ?? 'delete',
    inboundArchiveDir: input.inboundArchiveDir ?? null,
    renameAllowed: input.renameAllowed ?? true,
    verifyHashBelowBytes: input.verifyHashBelowBytes ?? 10_485_760,
    isaSenderQualifier: input.isaSenderQualifier,
    isaSenderId: input.isaSenderId,
    isaReceiverQualifier: input.isaReceiverQualifier,
    isaReceiverId: input.isaReceiverId,
    gsSenderCode: input.gsSenderCode ?? null,
    gsReceiverCode: input.gsReceiverCode ?? null,
    usageIndicator: input.usageIndicator ?? 'T',
    acknowledgmentRequested: input.acknowledgmentRequested ?? true,
    delimiters: input.delimiters ?? { ...DEFAULT_DELIMITERS },
    maxClaimsPerTransaction: input.maxClaimsPerTransaction ?? MAX_CLAIMS_PER_TRANSACTION,
    maxClaimsPerFile: input.maxClaimsPerFile ?? MAX_CLAIMS_PER_TRANSACTION,
    oneInterchangePerFile: input.oneInterchangePerFile ?? true,
  };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^[0-9A-Fa-f:.]+$/;
const PAYER_ID = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,79}$/;
const ISA_QUALIFIER = /^[A-Z0-9]{2}$/;
// X12 basic character set minus the delimiters checked separately; ISA06/ISA08 are 15, GS02/GS03 2..15.
const ENVELOPE_ID = /^[A-Za-z0-9 !"&'()+,\-./;?=%@[\]_{}\\|<>#$]+$/;

function isInteger(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Problems with the non-secret settings (paths like `$.delimiters.element`). */
export function settingsProblems(settings: PartnerSettings): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const add = (path: string, code: string, message: string): void => {
    out.push({ path: `$.${path}`, code, message });
  };
  const text = (path: keyof PartnerSettings, value: string, max: number, pattern?: RegExp): void => {
    if (value.trim().length === 0 || value.length > max)
      add(path, 'length', `${path} must be 1 to ${max} characters`);
    else if (CONTROL.test(value)) add(path, 'characters', `${path} must not contain control characters`);
    else if (pattern !== undefined && !pattern.test(value))
      add(path, 'format', `${path} has an invalid format`);
  };

  text('name', settings.name, 60);
  settings.payerIds.forEach((payerId, index) => {
    if (!PAYER_ID.test(payerId)) {
      out.push({
        path: `$.payerIds[${index}]`,
        code: 'format',
        message: 'a payer id is 1 to 80 letters, digits, space, dot, dash or underscore',
      });
    }
  });
  text('host', settings.host, 255, HOST);
  if (!isInteger(settings.port, 1, 65535)) add('port', 'range', 'port must be an integer from 1 to 65535');
  text('username', settings.username, 100);
  if (normaliseFingerprint(settings.hostKeyFingerprint) === undefined) {
    add(
      'hostKeyFingerprint',
      'format',
      'hostKeyFingerprint must be a SHA256 fingerprint as ssh-keygen -l -E sha256 prints it',
    );
  }
  text('outboundDir', settings.outboundDir, 500);
  text('inboundDir', settings.inboundDir, 500);
  out.push(...fileNamePatternProblems(settings.fileNamePattern));
  if (!INBOUND_DISPOSALS.includes(settings.inboundDisposal))
    add('inboundDisposal', 'enum', 'inboundDisposal must be delete or move');
  if (settings.inboundDisposal === 'move') {
    if (settings.inboundArchiveDir === null)
      add('inboundArchiveDir', 'required', 'inboundArchiveDir is required when inboundDisposal is move');
    else {
      text('inboundArchiveDir', settings.inboundArchiveDir, 500);
      if (settings.inboundArchiveDir.replace(/\/+$/, '') === settings.inboundDir.replace(/\/+$/, '')) {
        add('inboundArchiveDir', 'same_as_inbound', 'inboundArchiveDir must differ from inboundDir');
      }
    }
  } else if (settings.inboundArchiveDir !== null) {
    text('inboundArchiveDir', settings.inboundArchiveDir, 500);
  }
  if (!isInteger(settings.verifyHashBelowBytes, 0, 2_147_483_647)) {
    add('verifyHashBelowBytes', 'range', 'verifyHashBelowBytes must be an integer from 0 to 2147483647');
  }

  for (const key of ['isaSenderQualifier', 'isaReceiverQualifier'] as const) {
    if (!ISA_QUALIFIER.test(settings[key]))
      add(key, 'format', `${key} is two upper-case letters or digits (ISA05/ISA07)`);
  }
  const delimiters = delimiterProblems(settings.delimiters, add);
  const envelopeId = (key: keyof PartnerSettings, value: string | null, min: number): void => {
    if (value === null) return;
    if (value.length < min || value.length > 15 || value.trim().length === 0) {
      add(key, 'length', `${key} must be ${min} to 15 characters`);
    } else if (!ENVELOPE_ID.test(value)) {
      add(
        key,
        'characters',
        `${key} may only contain letters, digits, space and X12 punctuation other than * : ^ ~`,
      );
    } else if (delimiters.some((d) => value.includes(d))) {
      add(key, 'delimiter', `${key} must not contain a delimiter`);
    }
  };
  envelopeId('isaSenderId', settings.isaSenderId, 1);
  envelopeId('isaReceiverId', settings.isaReceiverId, 1);
  envelopeId('gsSenderCode', settings.gsSenderCode, 2);
  envelopeId('gsReceiverCode', settings.gsReceiverCode, 2);
  if (settings.usageIndicator !== 'T' && settings.usageIndicator !== 'P')
    add('usageIndicator', 'enum', 'usageIndicator is T or P (ISA15)');
  if (!isInteger(settings.maxClaimsPerTransaction, 1, MAX_CLAIMS_PER_TRANSACTION)) {
    add(
      'maxClaimsPerTransaction',
      'range',
      `maxClaimsPerTransaction must be an integer from 1 to ${MAX_CLAIMS_PER_TRANSACTION}`,
    );
  }
  if (!isInteger(settings.maxClaimsPerFile, 1, MAX_CLAIMS_PER_FILE)) {
    add('maxClaimsPerFile', 'range', `maxClaimsPerFile must be an integer from 1 to ${MAX_CLAIMS_PER_FILE}`);
  }
  return out;
}

/** Each delimiter one character, none a letter, digit or space, all four different. Returns the valid ones. */
function delimiterProblems(
  delimiters: PartnerDelimiters,
  add: (path: string, code: string, message: string) => void,
): string[] {
  const valid: string[] = [];
  for (const key of ['element', 'repetition', 'component', 'segment'] as const) {
    const value = delimiters[key];
    if (typeof value !== 'string' || [...value].length !== 1 || /[A-Za-z0-9 ]/.test(value)) {
      add(
        `delimiters.${key}`,
        'format',
        `delimiters.${key} must be one character, not a letter, digit or space`,
      );
    } else if (valid.includes(value)) {
      add(`delimiters.${key}`, 'duplicate', `delimiters.${key} must differ from the other delimiters`);
    } else valid.push(value);
  }
  return valid;
}

/** Problems with a credential (paths under `$.credential`); a private key must parse and be unencrypted. */
export function credentialProblems(credential: PartnerCredentialInput): ErrorDetail[] {
  if (credential.method === 'password') {
    const password = credential.password;
    if (typeof password !== 'string' || password.length === 0 || password.length > MAX_SECRET_LENGTH) {
      return [
        {
          path: '$.credential.password',
          code: 'length',
          message: `password must be 1 to ${MAX_SECRET_LENGTH} characters`,
        },
      ];
    }
    return [];
  }
  if (credential.method === 'private-key') {
    const key = credential.privateKey;
    if (typeof key !== 'string' || key.length === 0 || key.length > MAX_SECRET_LENGTH) {
      return [
        {
          path: '$.credential.privateKey',
          code: 'length',
          message: `privateKey must be 1 to ${MAX_SECRET_LENGTH} characters`,
        },
      ];
    }
    // ssh2's parser: an encrypted key without passphrase comes back as an Error (its text is not passed on).
    const parsed = sshUtils.parseKey(key);
    if (parsed instanceof Error || !parsed.isPrivateKey()) {
      return [
        {
          path: '$.credential.privateKey',
          code: 'private_key_unreadable',
          message: 'privateKey must be an unencrypted OpenSSH or PEM private key',
        },
      ];
    }
    return [];
  }
  return [
    {
      path: '$.credential.method',
      code: 'enum',
      message: `credential.method is one of ${PARTNER_AUTH_METHODS.join(', ')}`,
    },
  ];
}

export function credentialSecret(credential: PartnerCredentialInput): string {
  return credential.method === 'password' ? credential.password : credential.privateKey;
}
