import { utils } from 'ssh2';
import { fingerprintOf, generateReadableHostKey } from './sandbox-keys';

describe('generateReadableHostKey', () => {
  const good = () => utils.generateKeyPairSync('ed25519').private;
  // the shape ssh2 sometimes writes: an OpenSSH key block its own parser refuses
  const malformed = () =>
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n';

  it('discards a generated key ssh2 cannot read and returns the next, readable one', () => {
    const keys = [malformed(), malformed(), good()];
    let calls = 0;
    const key = generateReadableHostKey(() => keys[calls++]);
    expect(calls).toBe(3);
    expect(key).toBe(keys[2]);
    expect(fingerprintOf(key)).toMatch(/^SHA256:/);
  });

  it('gives up with an error rather than loop forever', () => {
    expect(() => generateReadableHostKey(malformed)).toThrow(
      'could not generate a readable sandbox host key',
    );
  });

  it('gives readable keys with the real generator', () => {
    for (let i = 0; i < 300; i++) expect(utils.parseKey(generateReadableHostKey())).not.toBeInstanceOf(Error);
  });
});
