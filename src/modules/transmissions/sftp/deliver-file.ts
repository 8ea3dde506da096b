// Exactly-once file delivery over one SftpConnection.
//
// With rename (the default): if the final name already holds the same bytes, answer 'already-delivered'
// (a resumed attempt after a crash); otherwise upload to `.<finalName>.part` (mode 0600), stat it and compare
// the size (put() can resolve with a truncated file when the server's disk is full), read it back and compare
// the SHA-256 when it is small, then rename it to the final name. SFTP rename never overwrites, so the final
// name appears once, complete, or not at all.
//
// Without rename (partner setting): write the final name directly, verify it, then write an empty
// `<finalName>.done` marker, which is what tells the partner the file is complete.
//
// A failure while the request that makes the file visible to the partner (the rename, or the marker) was
// in flight is marked outcomeUnknown: the caller records the delivery as in-doubt instead of resending.
//
// Publishing (the rename, or the marker) is announced through `beforePublish` first, so the caller can commit
// that it began. An attempt that resumes after one that began publishing (`publishBegun`) never publishes
// again: the final name still holding our bytes is 'already-delivered'; anything else (the partner may have
// collected the file meanwhile) is PUBLISH_UNCONFIRMED, outcome unknown, for an admin to decide.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { SftpConnection } from './sftp-connection';
import { isSftpError, SftpError } from './sftp-errors';

export interface DeliverFileRequest {
  bytes: Buffer;
  /** Lowercase hex SHA-256 of bytes, as stored before any network I/O. */
  sha256: string;
  remoteDir: string;
  finalName: string;
  /** Whether the partner's server allows rename; when false, write directly plus a `.done` marker. */
  renameAllowed: boolean;
  /** Files smaller than this are read back and hashed after upload; larger ones are checked by size only. */
  verifyHashBelowBytes: number;
  /** An earlier attempt began the publishing step and its outcome was never recorded. */
  publishBegun?: boolean;
  /**
   * Called right before the rename or the marker write; when it rejects, nothing is published and its error
   * is what deliverFile rejects with.
   */
  beforePublish?: () => Promise<void>;
}

export type DeliveryOutcome = 'delivered' | 'already-delivered';

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  remotePath: string;
  /** The `.done` marker, when the partner does not allow rename. */
  markerPath?: string;
  size: number;
  verifiedBy: 'size' | 'size+sha256';
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function temporaryNameFor(finalName: string): string {
  return `.${finalName}.part`;
}

export function doneMarkerNameFor(finalName: string): string {
  return `${finalName}.done`;
}

function validate(request: DeliverFileRequest): void {
  const invalid = (reason: string): SftpError =>
    new SftpError('INVALID_REQUEST', reason, { operation: 'deliver', remotePath: request.finalName });
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(request.finalName) || request.finalName.length > 200) {
    throw invalid('finalName must be a plain file name');
  }
  if (sha256Hex(request.bytes) !== request.sha256.toLowerCase()) {
    throw invalid('sha256 does not match the bytes');
  }
  if (request.remoteDir.length === 0) throw invalid('remoteDir is required');
}

type Comparison = 'missing' | 'same' | 'different';

/** Compares a remote file with the bytes: size always, SHA-256 too when the file is small. */
async function compareRemote(
  connection: SftpConnection,
  remotePath: string,
  request: DeliverFileRequest,
): Promise<Comparison> {
  const stat = await connection.stat(remotePath);
  if (stat === undefined) return 'missing';
  if (!stat.isFile || stat.size !== request.bytes.length) return 'different';
  if (request.bytes.length < request.verifyHashBelowBytes) {
    const remote = await connection.get(remotePath, request.bytes.length);
    if (sha256Hex(remote) !== request.sha256.toLowerCase()) return 'different';
  }
  return 'same';
}

function verification(request: DeliverFileRequest): DeliveryResult['verifiedBy'] {
  return request.bytes.length < request.verifyHashBelowBytes ? 'size+sha256' : 'size';
}

/** Uploads and proves the remote copy holds exactly the bytes; removes a bad copy and throws a coded error. */
async function uploadVerified(
  connection: SftpConnection,
  remotePath: string,
  request: DeliverFileRequest,
): Promise<void> {
  try {
    await connection.put(remotePath, request.bytes, 0o600);
  } catch (error) {
    // A server that cannot write (disk full) may fail the write outright instead of truncating silently.
    if (isSftpError(error) && error.code === 'REMOTE_FAILURE') {
      await removeQuietly(connection, remotePath);
      throw new SftpError('REMOTE_TRUNCATED', 'the server failed while writing the file', {
        operation: 'put',
        remotePath,
        causeCode: error.causeCode,
      });
    }
    throw error;
  }
  const stat = await connection.stat(remotePath);
  if (stat === undefined || stat.size !== request.bytes.length) {
    await removeQuietly(connection, remotePath);
    throw new SftpError(
      'REMOTE_TRUNCATED',
      `remote size ${stat?.size ?? 'missing'} after upload, expected ${request.bytes.length}`,
      { operation: 'put', remotePath },
    );
  }
  // The mode applies only when put() creates the file; a leftover from an earlier attempt keeps its own.
  if ((stat.mode & 0o777) !== 0o600) await connection.chmod(remotePath, 0o600);
  if (request.bytes.length < request.verifyHashBelowBytes) {
    const remote = await connection.get(remotePath, request.bytes.length);
    if (sha256Hex(remote) !== request.sha256.toLowerCase()) {
      await removeQuietly(connection, remotePath);
      throw new SftpError('REMOTE_HASH_MISMATCH', 'the remote copy differs from the stored bytes', {
        operation: 'put',
        remotePath,
      });
    }
  }
}

/** Best-effort cleanup of our own temporary or unverified file; the original error is what matters. */
async function removeQuietly(connection: SftpConnection, remotePath: string): Promise<void> {
  if (!connection.isOpen) return;
  try {
    await connection.delete(remotePath, true);
  } catch {
    // leave it: a later attempt overwrites it, and it carries a temporary name or has no .done marker
  }
}

function conflict(remotePath: string, reason: string): SftpError {
  return new SftpError('DELIVERY_CONFLICT', reason, { operation: 'deliver', remotePath });
}

/** The partner may or may not have taken a file whose publishing began: in-doubt, never a resend. */
export function publishUnconfirmed(remotePath: string): SftpError {
  return new SftpError(
    'PUBLISH_UNCONFIRMED',
    'an earlier attempt began publishing and the file is not at the final name',
    { operation: 'deliver', remotePath, outcomeUnknown: true },
  );
}

async function deliverWithRename(
  connection: SftpConnection,
  request: DeliverFileRequest,
): Promise<DeliveryResult> {
  const finalPath = posix.join(request.remoteDir, request.finalName);
  const temporaryPath = posix.join(request.remoteDir, temporaryNameFor(request.finalName));
  const result = (outcome: DeliveryOutcome): DeliveryResult => ({
    outcome,
    remotePath: finalPath,
    size: request.bytes.length,
    verifiedBy: verification(request),
  });

  const existing = await compareRemote(connection, finalPath, request);
  if (existing === 'same') {
    await removeQuietly(connection, temporaryPath);
    return result('already-delivered');
  }
  if (request.publishBegun) throw publishUnconfirmed(finalPath);
  if (existing === 'different') {
    throw conflict(finalPath, 'a different file already has the final name');
  }

  await uploadVerified(connection, temporaryPath, request);

  await request.beforePublish?.();
  try {
    await connection.rename(temporaryPath, finalPath);
  } catch (error) {
    if (!isSftpError(error)) throw error;
    if (error.code === 'TIMEOUT' || error.code === 'CONNECTION_LOST') {
      // The rename may have happened: the partner may already be reading the file.
      throw error.withOutcomeUnknown();
    }
    if (error.code === 'RENAME_REFUSED') {
      await removeQuietly(connection, temporaryPath);
      throw error;
    }
    // Rename never overwrites: Failure usually means the final name appeared meanwhile.
    const now = await compareRemote(connection, finalPath, request);
    if (now === 'same') {
      await removeQuietly(connection, temporaryPath);
      return result('already-delivered');
    }
    if (now === 'different') {
      await removeQuietly(connection, temporaryPath);
      throw conflict(finalPath, 'a different file took the final name during delivery');
    }
    throw error;
  }
  return result('delivered');
}

async function deliverWithMarker(
  connection: SftpConnection,
  request: DeliverFileRequest,
): Promise<DeliveryResult> {
  const finalPath = posix.join(request.remoteDir, request.finalName);
  const markerPath = posix.join(request.remoteDir, doneMarkerNameFor(request.finalName));
  const result = (outcome: DeliveryOutcome): DeliveryResult => ({
    outcome,
    remotePath: finalPath,
    markerPath,
    size: request.bytes.length,
    verifiedBy: verification(request),
  });

  const marker = await connection.stat(markerPath);
  const existing = await compareRemote(connection, finalPath, request);
  if (marker !== undefined) {
    if (existing === 'same') return result('already-delivered');
    if (request.publishBegun) throw publishUnconfirmed(finalPath);
    // A marker without our bytes: the partner may have consumed a file of this name already.
    throw conflict(markerPath, 'a .done marker exists but the final file is missing or different');
  }
  // Without its marker the partner may still have taken the file (and the marker) and left a copy behind.
  if (request.publishBegun) throw publishUnconfirmed(finalPath);
  // No marker: the partner has not been told the file is complete, so an earlier partial or unverified copy
  // under the final name may be overwritten.
  if (existing !== 'same') await uploadVerified(connection, finalPath, request);

  await request.beforePublish?.();
  try {
    await connection.put(markerPath, Buffer.alloc(0), 0o600);
  } catch (error) {
    if (isSftpError(error) && (error.code === 'TIMEOUT' || error.code === 'CONNECTION_LOST')) {
      throw error.withOutcomeUnknown();
    }
    throw error;
  }
  const written = await connection.stat(markerPath).catch((error: unknown) => {
    // The marker request was answered; only its verification failed to come back.
    throw isSftpError(error) ? error.withOutcomeUnknown() : error;
  });
  if (written === undefined) {
    throw new SftpError('REMOTE_TRUNCATED', 'the .done marker is missing after writing it', {
      operation: 'put',
      remotePath: markerPath,
      outcomeUnknown: true,
    });
  }
  return result('delivered');
}

/**
 * Delivers one file exactly once (see the header comment). Resolves with 'delivered' or 'already-delivered';
 * rejects with a coded SftpError, or with what `beforePublish` rejected with.
 */
export async function deliverFile(
  connection: SftpConnection,
  request: DeliverFileRequest,
): Promise<DeliveryResult> {
  validate(request);
  return request.renameAllowed
    ? deliverWithRename(connection, request)
    : deliverWithMarker(connection, request);
}
