import { createLogger, serializeError } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return { logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('writes JSON with level labels and an ISO time', () => {
    const { logger, records } = capture();
    logger.info({ requestId: 'r1' }, 'hello');
    expect(records()[0]).toMatchObject({
      level: 'info',
      msg: 'hello',
      requestId: 'r1',
      service: 'x12-gateway',
    });
    expect(String(records()[0].time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials at the top level and one level down', () => {
    const { logger, records } = capture();
    logger.info({
      authorization: 'Bearer A',
      password: 'B',
      headers: { authorization: 'Bearer C' },
      partner: { privateKey: 'D', passphrase: 'E', secret: 'F' },
    });
    const text = JSON.stringify(records()[0]);
    for (const value of ['Bearer A', '"B"', 'Bearer C', '"D"', '"E"', '"F"'])
      expect(text).not.toContain(value);
    expect(text).toContain('[redacted]');
  });

  it('logs errors by type and code only (messages and stacks can quote values)', () => {
    const { logger, records } = capture();
    const error = Object.assign(new Error('Key (member_id)=(CANARY) already exists'), { code: '23505' });
    logger.error({ err: error }, 'failed');
    expect(records()[0].err).toEqual({ type: 'Error', code: '23505' });
    expect(JSON.stringify(records())).not.toContain('CANARY');
    expect(serializeError('text')).toEqual({ type: 'string' });
  });
});
