import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TradingPartnerInput } from './trading-partner.input';
import { credentialProblems, settingsProblems, withDefaults } from './trading-partner.rules';

const FINGERPRINT = 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8';

function input(overrides: Partial<TradingPartnerInput> = {}): Omit<TradingPartnerInput, 'credential'> {
  return {
    name: ' Acme ',
    payerIds: ['ACME1', ' ACME1', 'ACME2'],
    host: 'sftp.acme.example',
    username: 'gateway',
    hostKeyFingerprint: 'sha256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8=',
    outboundDir: 'out',
    inboundDir: 'in',
    isaSenderQualifier: 'ZZ',
    isaSenderId: 'GATEWAY',
    isaReceiverQualifier: '30',
    isaReceiverId: 'ACME',
    ...overrides,
  };
}

function codesAt(overrides: Partial<TradingPartnerInput>): string[] {
  return settingsProblems(withDefaults(input(overrides), 'password')).map((p) => `${p.path} ${p.code}`);
}

describe('withDefaults', () => {
  it('fills the defaults and canonicalises name, payer ids and fingerprint', () => {
    const settings = withDefaults(input(), 'password');
    expect(settings).toMatchObject({
      name: 'Acme',
      payerIds: ['ACME1', 'ACME2'],
      port: 22,
      hostKeyFingerprint: FINGERPRINT,
      fileNamePattern: '{partner}-{kind}-{isa13}-{date}{time}.x12',
      inboundDisposal: 'delete',
      renameAllowed: true,
      usageIndicator: 'T',
      acknowledgmentRequested: true,
      delimiters: { element: '*', repetition: '^', component: ':', segment: '~' },
      maxClaimsPerTransaction: 5000,
      oneInterchangePerFile: true,
    });
    expect(settingsProblems(settings)).toEqual([]);
  });
});

describe('settingsProblems', () => {
  it.each<[Partial<TradingPartnerInput>, string]>([
    [{ name: '  ' }, '$.name length'],
    [{ payerIds: ['OK', 'bad*id'] }, '$.payerIds[1] format'],
    [{ host: 'has space' }, '$.host format'],
    [{ port: 0 }, '$.port range'],
    [{ username: 'a\nb' }, '$.username characters'],
    [{ hostKeyFingerprint: 'MD5:aa:bb' }, '$.hostKeyFingerprint format'],
    [{ inboundDisposal: 'move' }, '$.inboundArchiveDir required'],
    [{ inboundDisposal: 'move', inboundArchiveDir: 'in/' }, '$.inboundArchiveDir same_as_inbound'],
    [{ isaReceiverQualifier: 'z' }, '$.isaReceiverQualifier format'],
    [{ isaReceiverId: 'x'.repeat(16) }, '$.isaReceiverId length'],
    [{ gsSenderCode: 'A' }, '$.gsSenderCode length'],
    [{ isaSenderId: 'A~B' }, '$.isaSenderId characters'],
    [{ usageIndicator: 'X' as 'T' }, '$.usageIndicator enum'],
    [
      { delimiters: { element: 'a', repetition: '^', component: ':', segment: '~' } },
      '$.delimiters.element format',
    ],
    [
      { delimiters: { element: '*', repetition: '^', component: '*', segment: '~' } },
      '$.delimiters.component duplicate',
    ],
    [{ maxClaimsPerTransaction: 5001 }, '$.maxClaimsPerTransaction range'],
    [{ maxClaimsPerFile: 0 }, '$.maxClaimsPerFile range'],
    [{ fileNamePattern: '{date}.x12' }, '$.fileNamePattern file_name_pattern_not_unique'],
  ])('%j -> %s', (overrides, expected) => {
    expect(codesAt(overrides)).toContain(expected);
  });

  it('checks envelope ids against the partner delimiters', () => {
    const pipes = { element: '|', repetition: '^', component: ':', segment: '~' };
    expect(codesAt({ delimiters: pipes, isaSenderId: 'A|B' })).toContain('$.isaSenderId delimiter');
    expect(codesAt({ isaSenderId: 'A|B' })).toEqual([]);
  });
});

describe('credentialProblems', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tp-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function key(name: string, passphrase: string, type = 'ed25519'): string {
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-f', join(dir, name)], {
      stdio: 'ignore',
    });
    return readFileSync(join(dir, name), 'utf8');
  }

  it('accepts passwords and unencrypted OpenSSH/PEM private keys', () => {
    expect(credentialProblems({ method: 'password', password: 'p' })).toEqual([]);
    expect(credentialProblems({ method: 'private-key', privateKey: key('plain', '') })).toEqual([]);
    expect(credentialProblems({ method: 'private-key', privateKey: key('rsa', '', 'rsa') })).toEqual([]);
  });

  it('refuses empty passwords, public keys, encrypted keys and garbage, without echoing them', () => {
    const encrypted = key('encrypted', 'CANARY-passphrase');
    const publicKey = readFileSync(join(dir, 'plain.pub'), 'utf8');
    for (const privateKey of [encrypted, publicKey, 'CANARY not a key']) {
      const problems = credentialProblems({ method: 'private-key', privateKey });
      expect(problems).toEqual([
        expect.objectContaining({ path: '$.credential.privateKey', code: 'private_key_unreadable' }),
      ]);
      expect(JSON.stringify(problems)).not.toContain('CANARY');
    }
    expect(credentialProblems({ method: 'password', password: '' })[0]).toMatchObject({
      path: '$.credential.password',
    });
    expect(credentialProblems({ method: 'ftp' } as never)[0]).toMatchObject({ path: '$.credential.method' });
  });
});
