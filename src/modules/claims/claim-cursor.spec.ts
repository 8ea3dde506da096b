import { decodeCursor, encodeCursor } from './claim-cursor';

describe('claim cursor', () => {
  it('round-trips a position', () => {
    const position = {
      createdAt: new Date('2024-01-02T03:04:05.678Z'),
      id: '3f2b8c1e-9d4a-4e1b-8c2d-1a2b3c4d5e6f',
    };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });
  it('refuses cursors it did not issue', () => {
    expect(decodeCursor('')).toBeUndefined();
    expect(decodeCursor('not a cursor!')).toBeUndefined();
    expect(decodeCursor(Buffer.from('12.nope').toString('base64url'))).toBeUndefined();
  });
});
