import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '../../common/errors/domain-error';

/** No such file, or one the caller's organisation may not see (same answer: no existence leak). */
export class InboundFileNotFoundError extends NotFoundError {
  constructor() {
    super('inbound_file');
  }
}

/** An applied file's acknowledgments already reached their claims: applying it again is refused. */
export class InboundFileAlreadyAppliedError extends ConflictError {
  constructor() {
    super('inbound_file_already_applied', 'This file was already applied; it is not processed again.');
  }
}

/**
 * A shared partner's file holds data of every organisation it acknowledges: its bytes go only to an admin of
 * the one organisation all of its matched transmissions belong to.
 */
export class InboundFileContentForbiddenError extends ForbiddenError {
  constructor() {
    super(
      'inbound_file_content_forbidden',
      "This shared partner's file is not matched to your organisation alone; its content is not available.",
    );
  }
}

/** Processing threw and was rolled back; the stored file is unchanged and can be reprocessed. */
export class InboundFileProcessingFailedError extends DomainError {
  constructor(readonly causeCode: string) {
    super(
      'inbound_file_processing_failed',
      'internal',
      'Processing the file failed and was rolled back; the file is kept for a reprocess.',
      { causeCode },
    );
  }
}
