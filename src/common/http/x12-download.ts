import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/** Stored X12 bytes as an attachment: never cached, SHA-256 in a header so the admin can check the copy. */
export function x12Download(
  response: Response,
  file: { bytes: Buffer; sha256: string; fileName: string },
): StreamableFile {
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-SHA256', file.sha256);
  return new StreamableFile(file.bytes, {
    type: 'application/edi-x12',
    disposition: `attachment; filename="${attachmentName(file.fileName)}"`,
    length: file.bytes.length,
  });
}

// Partner file names are untrusted: only safe characters reach the Content-Disposition header.
function attachmentName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120);
  return cleaned === '' ? 'file.x12' : cleaned;
}
