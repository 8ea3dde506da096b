import type { EntityManager } from 'typeorm';
import { DomainError } from '../../../common/errors/domain-error';
import {
  ControlNumberError,
  ControlNumberRepository,
  formatGs06,
  formatIsa13,
  formatSt02,
} from './control-number.repository';

const inTransaction = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
const pair = { senderQualifier: 'ZZ', senderId: 'SENDER', receiverQualifier: 'ZZ', receiverId: 'PAYER' };

describe('control-number formatting', () => {
  it('ISA13 is nine digits, GS06 unpadded, ST02 at least four', () => {
    expect(formatIsa13(1)).toBe('000000001');
    expect(formatIsa13(999_999_999)).toBe('999999999');
    expect(formatGs06(42)).toBe('42');
    expect(formatSt02(7)).toBe('0007');
    expect(formatSt02(123_456)).toBe('123456');
  });
});

describe('ControlNumberRepository input checks (before any query)', () => {
  const repository = new ControlNumberRepository();

  it('is a DomainError with a stable code and kind', async () => {
    const error = await repository
      .allocate(inTransaction, pair, 'ISA13', 0)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ControlNumberError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'control_number_invalid_request', kind: 'invalid' });
  });

  it('refuses ids that cannot be ISA ids', async () => {
    await expect(
      repository.allocate(inTransaction, { ...pair, senderId: 'X'.repeat(16) }, 'ISA13', 1),
    ).rejects.toMatchObject({ code: 'control_number_invalid_request' });
    await expect(
      repository.allocate(inTransaction, { ...pair, receiverQualifier: '   ' }, 'ISA13', 1),
    ).rejects.toMatchObject({ code: 'control_number_invalid_request' });
  });

  it('refuses a manager without an active transaction', async () => {
    const outside = { queryRunner: undefined } as unknown as EntityManager;
    await expect(repository.allocate(outside, pair, 'ISA13', 1)).rejects.toMatchObject({
      code: 'control_number_outside_transaction',
      kind: 'internal',
    });
  });
});
