/**
 * The payer behind the sandbox SFTP server. Every poll it looks at each login's `to-payer/`:
 * - a file is complete when its `<name>.done` marker exists, or (unless the login requires markers) when it
 *   has a final name (no `.part`/temporary name), kept its size and mtime since the previous poll and ends
 *   with an IEA; a file that never completes is set aside after INCOMPLETE_GIVE_UP_MS;
 * - a complete file is answered at once (sandbox-responder) into `outbox/<login>/`, each response written to
 *   a temporary name and renamed, and the input moves to `received/<login>/`;
 * - responses whose delay (SANDBOX_RESPONSE_DELAY_MS) has passed are renamed into `from-payer/`, so the
 *   gateway only ever sees complete files. Names `R<ISA13>-<kind>.x12` sort in the order they were made.
 * Kept on disk, so answers survive a restart. Log lines carry counts and control numbers only.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { lstat, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCompleteInterchange } from '../modules/transmissions/inbound-completeness';
import { SandboxLedger } from './sandbox-ledger';
import { respondToFile, type ResponseDocument } from './sandbox-responder';

export interface SimulatorLogin {
  username: string;
  /** The login's SFTP root, holding to-payer/ and from-payer/. */
  root: string;
  /** Take only files with a `.done` marker (partners that cannot rename). */
  requireDoneMarker?: boolean;
}

/** The logging the simulator needs (pino's shape). */
export interface SandboxLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface PayerSimulatorOptions {
  /** DATA_DIR/sandbox: ledger.json, outbox/, received/. */
  directory: string;
  logins: readonly SimulatorLogin[];
  responseDelayMs: number;
  /** Default 500 ms. */
  pollIntervalMs?: number;
  now?: () => Date;
  logger?: SandboxLog;
  /** Largest file answered; larger ones are set aside. Default 256 MiB. */
  maxFileBytes?: number;
}

export const TO_PAYER = 'to-payer';
export const FROM_PAYER = 'from-payer';
/** A file that stays incomplete (no IEA, no marker) this long is set aside unanswered. */
export const INCOMPLETE_GIVE_UP_MS = 60_000;

const TEMPORARY_NAME = /^\.|^~|\.(part|partial|filepart|tmp|temp|inprogress|uploading)$/i;
const DONE_SUFFIX = '.done';

interface Observation {
  size: number;
  modifyTimeMs: number;
  unchangedSince: number;
}

const quiet: SandboxLog = { info: () => undefined, warn: () => undefined };

export class PayerSimulator {
  private readonly ledger: SandboxLedger;
  private readonly observations = new Map<string, Observation>();
  private readonly now: () => Date;
  private readonly log: SandboxLog;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: PayerSimulatorOptions) {
    this.ledger = SandboxLedger.open(join(options.directory, 'ledger.json'));
    this.now = options.now ?? (() => new Date());
    this.log = options.logger ?? quiet;
    for (const login of options.logins) {
      for (const directory of [
        join(login.root, TO_PAYER),
        join(login.root, FROM_PAYER),
        this.outboxOf(login),
        this.receivedOf(login),
      ]) {
        mkdirSync(directory, { recursive: true, mode: 0o700 });
      }
    }
  }

  start(): void {
    this.stopped = false;
    const loop = (): void => {
      this.timer = setTimeout(() => {
        this.tick()
          .catch((error: unknown) =>
            this.log.warn({ err: error }, 'sandbox payer: poll failed; retrying at the next poll'),
          )
          .finally(() => {
            if (!this.stopped) loop();
          });
      }, this.options.pollIntervalMs ?? 500);
    };
    loop();
  }

  /** Stops polling and waits for a poll in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One poll: answer complete files, release due responses. Never runs twice at once. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        for (const login of this.options.logins) {
          await this.pickUp(login);
          await this.release(login);
        }
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private outboxOf(login: SimulatorLogin): string {
    return join(this.options.directory, 'outbox', login.username);
  }

  private receivedOf(login: SimulatorLogin): string {
    return join(this.options.directory, 'received', login.username);
  }

  private async pickUp(login: SimulatorLogin): Promise<void> {
    const directory = join(login.root, TO_PAYER);
    const names = new Set(await readdir(directory));
    const nowMs = this.now().getTime();
    for (const name of [...names].sort()) {
      if (TEMPORARY_NAME.test(name) || name.endsWith(DONE_SUFFIX)) continue;
      const path = join(directory, name);
      const stats = await lstat(path).catch(() => undefined);
      if (!stats?.isFile()) continue;
      const marked = names.has(`${name}${DONE_SUFFIX}`);
      if (!marked && login.requireDoneMarker) continue;
      if (!marked) {
        const before = this.observations.get(path);
        const unchanged = before?.size === stats.size && before.modifyTimeMs === stats.mtimeMs;
        const observation = {
          size: stats.size,
          modifyTimeMs: stats.mtimeMs,
          unchangedSince: unchanged ? before.unchangedSince : nowMs,
        };
        this.observations.set(path, observation);
        // Seen once: wait for the next poll to know the size is stable.
        if (!unchanged) continue;
      }
      const maxBytes = this.options.maxFileBytes ?? 256 * 1024 * 1024;
      if (stats.size > maxBytes) {
        await this.setAside(login, name, marked, 'too-large');
        continue;
      }
      const bytes = await readFile(path);
      if (!marked && !isCompleteInterchange(bytes)) {
        const since = this.observations.get(path)?.unchangedSince ?? nowMs;
        if (nowMs - since >= INCOMPLETE_GIVE_UP_MS) await this.setAside(login, name, marked, 'incomplete');
        continue;
      }
      await this.answer(login, name, bytes, marked);
    }
    // Forget files that are gone.
    for (const path of this.observations.keys()) {
      if (path.startsWith(directory) && !names.has(path.slice(directory.length + 1))) {
        this.observations.delete(path);
      }
    }
  }

  private async answer(login: SimulatorLogin, name: string, bytes: Buffer, marked: boolean): Promise<void> {
    const now = this.now();
    const response = respondToFile(bytes, {
      now,
      numbering: this.ledger.numbering(),
      alreadyReceived: (interchange) => {
        const key = SandboxLedger.interchangeKey(
          interchange.senderQualifier,
          interchange.senderId,
          interchange.controlNumber,
        );
        const duplicate = this.ledger.hasReceived(key);
        this.ledger.markReceived(key);
        return duplicate;
      },
    });
    const dueAt = now.getTime() + this.options.responseDelayMs;
    // Responses first (a crash before the ledger save reuses the same numbers and names), then the ledger.
    for (const document of response.documents) await this.writeOutbox(login, document, dueAt);
    this.ledger.save();
    await this.setAside(login, name, marked, response.readable ? 'answered' : 'unreadable');
    const { summary } = response;
    this.log.info(
      {
        login: login.username,
        interchanges: summary.receivedControlNumbers,
        rejectedInterchanges: summary.rejectedInterchanges,
        transactionSets: summary.transactionSets,
        rejectedTransactionSets: summary.rejectedTransactionSets,
        claims: summary.claims,
        claimsRejected: summary.claimsRejected,
        claimsPaid: summary.claimsPaid,
        claimsPartlyPaid: summary.claimsPartlyPaid,
        claimsDenied: summary.claimsDenied,
        eligibilityRequests: summary.eligibilityRequests,
        rules: summary.rules,
        responses: response.documents.map(
          (document) => `${document.kind}:${document.interchangeControlNumber}`,
        ),
        responseDelayMs: this.options.responseDelayMs,
      },
      response.readable ? 'sandbox payer: file answered' : 'sandbox payer: file is not X12; set aside',
    );
  }

  private async writeOutbox(login: SimulatorLogin, document: ResponseDocument, dueAt: number): Promise<void> {
    const finalName = `${dueAt}-R${document.interchangeControlNumber}-${document.kind}.x12`;
    const temporary = join(this.outboxOf(login), `.${finalName}.${randomBytes(4).toString('hex')}.part`);
    await writeFile(temporary, document.content, { mode: 0o600 });
    await rename(temporary, join(this.outboxOf(login), finalName));
  }

  /** Moves a handled input (and its marker) out of to-payer/, under a unique name. */
  private async setAside(
    login: SimulatorLogin,
    name: string,
    marked: boolean,
    reason: string,
  ): Promise<void> {
    const source = join(login.root, TO_PAYER, name);
    const stamp = `${this.now().getTime()}-${randomBytes(3).toString('hex')}`;
    await rename(source, join(this.receivedOf(login), `${stamp}-${reason}-${name}`));
    if (marked) await rm(`${source}${DONE_SUFFIX}`, { force: true });
    this.observations.delete(source);
    if (reason !== 'answered')
      this.log.warn({ login: login.username, reason }, 'sandbox payer: file set aside');
  }

  /** Moves responses whose time has come into from-payer/ (rename: the file appears complete). */
  private async release(login: SimulatorLogin): Promise<void> {
    const outbox = this.outboxOf(login);
    const nowMs = this.now().getTime();
    let released = 0;
    for (const name of (await readdir(outbox)).sort()) {
      if (name.startsWith('.')) continue;
      const match = /^(\d+)-(.+)$/.exec(name);
      if (!match || Number(match[1]) > nowMs) continue;
      const target = join(login.root, FROM_PAYER, match[2]);
      // Never replace a file the gateway has not collected yet.
      if (existsSync(target)) continue;
      await rename(join(outbox, name), target);
      released++;
    }
    if (released > 0)
      this.log.info({ login: login.username, files: released }, 'sandbox payer: responses released');
  }
}
