import type { Response } from 'express';
import { x12Download } from './x12-download';

function headersOf(): { response: Response; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  const response = { setHeader: (name: string, value: string) => headers.set(name, value) };
  return { response: response as unknown as Response, headers };
}

describe('x12Download', () => {
  it('sends the bytes as an uncached attachment with their SHA-256', () => {
    const { response, headers } = headersOf();
    const file = x12Download(response, {
      bytes: Buffer.from('ISA*'),
      sha256: 'ab'.repeat(32),
      fileName: 'a.x12',
    });
    expect(headers.get('Cache-Control')).toBe('no-store');
    expect(headers.get('X-Content-SHA256')).toBe('ab'.repeat(32));
    expect(file.getHeaders()).toMatchObject({
      type: 'application/edi-x12',
      disposition: 'attachment; filename="a.x12"',
      length: 4,
    });
  });

  it("keeps a partner's hostile file name inside the header's quotes", () => {
    const { response } = headersOf();
    const hostile = "x\"; filename*=UTF-8''evil\r\nSet-Cookie: a=b";
    const file = x12Download(response, { bytes: Buffer.alloc(0), sha256: '0', fileName: hostile });
    expect(file.getHeaders().disposition).toBe(
      `attachment; filename="${hostile.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    );
    expect(file.getHeaders().disposition).not.toMatch(/[\r\n]|"[^"]*"[^"]*"[^"]*"/);
    expect(
      x12Download(response, { bytes: Buffer.alloc(0), sha256: '0', fileName: '' }).getHeaders(),
    ).toMatchObject({
      disposition: 'attachment; filename="file.x12"',
    });
  });
});
