/**
 * The sandbox payer's own records under DATA_DIR/sandbox/ledger.json: its response control numbers
 * (ISA13, GS06, ST02), payer claim numbers and payment traces, and the interchanges it already received
 * (sender + ISA13, for the duplicate check). The sandbox is the payer, so this is deliberately not the
 * gateway's control-number table. Saved by write-to-temporary + fsync + rename, and saved before any
 * response that uses the numbers is written, so a number is never handed out twice.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { ResponseNumbering } from './sandbox-responder';

interface LedgerState {
  version: 1;
  interchange: number;
  group: number;
  transaction: number;
  payerClaim: number;
  payment: number;
  /** `qualifier:sender:ISA13` of received interchanges, most recent last. */
  received: string[];
}

/** Received interchanges remembered for the duplicate check. */
const RECEIVED_LIMIT = 50_000;
/** ISA13 and GS06 are at most nine digits. */
const MAX_CONTROL_NUMBER = 999_999_999;

function fresh(): LedgerState {
  return { version: 1, interchange: 0, group: 0, transaction: 0, payerClaim: 0, payment: 0, received: [] };
}

function next(current: number): number {
  return current >= MAX_CONTROL_NUMBER ? 1 : current + 1;
}

export class SandboxLedger {
  private readonly received: Set<string>;

  private constructor(
    private readonly path: string,
    private readonly state: LedgerState,
  ) {
    this.received = new Set(state.received);
  }

  static open(path: string): SandboxLedger {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    if (!existsSync(path)) return new SandboxLedger(path, fresh());
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LedgerState>;
    const state = { ...fresh(), ...parsed, version: 1 as const };
    return new SandboxLedger(path, state);
  }

  /** Hands out the next numbers (in memory until save()). */
  numbering(): ResponseNumbering {
    const state = this.state;
    return {
      interchange: () => (state.interchange = next(state.interchange)),
      group: () => (state.group = next(state.group)),
      transaction: () => (state.transaction = next(state.transaction)),
      payerClaimNumber: () => `SBX${String((state.payerClaim = next(state.payerClaim))).padStart(9, '0')}`,
      paymentTrace: () => `SBXCHK${String((state.payment = next(state.payment))).padStart(9, '0')}`,
    };
  }

  static interchangeKey(senderQualifier: string, senderId: string, controlNumber: string): string {
    return `${senderQualifier.trim()}:${senderId.trim()}:${controlNumber}`;
  }

  hasReceived(key: string): boolean {
    return this.received.has(key);
  }

  markReceived(key: string): void {
    if (this.received.has(key)) return;
    this.received.add(key);
    this.state.received.push(key);
    if (this.state.received.length > RECEIVED_LIMIT) {
      const dropped = this.state.received.splice(0, this.state.received.length - RECEIVED_LIMIT);
      for (const old of dropped) this.received.delete(old);
    }
  }

  /** Durable save: temporary file, fsync, rename over the old ledger. */
  save(): void {
    const temporary = `${this.path}.tmp`;
    const descriptor = openSync(temporary, 'w', 0o600);
    try {
      writeSync(descriptor, JSON.stringify(this.state));
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, this.path);
  }

  /** The last numbers handed out (for tests and the log). */
  get lastInterchange(): number {
    return this.state.interchange;
  }
}
