/**
 * The driver of the multi-process store proofs (S02, S03): one engine process racing others
 * to take public-fund orders from opening to archive on a shared store, retrying whatever a
 * race refuses. Store packages run it in child processes against their own database; only
 * the record of the bank's transfers (which the test counts) is theirs.
 */
import { loadBuiltin } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { Command } from '../commands/Command.js';
import type { Actor } from '../domain/Actor.js';
import type { JsonObject } from '../domain/Json.js';
import { createEngine } from '../engine/createEngine.js';
import type { OrderView } from '../engine/Engine.js';
import type { EngineError } from '../errors/EngineError.js';
import type { OrderStore } from '../ports/OrderStore.js';
import type { PaymentGateway, TransferInstruction } from '../ports/PaymentGateway.js';
import type { Registrar } from '../ports/Registrar.js';

/** What one racing worker needs. */
export interface RaceOptions {
  readonly store: OrderStore;
  readonly workerId: string;
  /** Orders `order-0` … `order-(n-1)`, shared by every worker. */
  readonly orders: number;
  /** The fixed instant of this worker's clock (a restarted worker passes leases). */
  readonly now: number;
  /** Records a transfer the bank is asked to make, before it settles. */
  readonly recordTransfer: (instruction: TransferInstruction) => Promise<void>;
  /**
   * N > 0: SIGKILL this process inside its Nth transfer, once recorded (the bank moved the
   * money) and before the engine records it — the worst moment to die.
   */
  readonly crashInTransfer?: number;
  /**
   * N > 0: the bank takes the Nth transfer and never answers, so the worker cannot finish on
   * its own and runs until it is killed from outside.
   */
  readonly hangInTransfer?: number;
  /** One JSON line per accepted command: `{ accepted: [orderId, version, command] }`. */
  readonly emit: (line: JsonObject) => void;
}

/** How often a worker's attempts lost a race. */
export interface RaceTally {
  conflicts: number;
  refusals: number;
  retries: number;
}

/** Something a race cannot explain: the proof fails. */
export interface RaceFailed {
  readonly _tag: 'RaceFailed';
  readonly what: string;
  readonly detail: unknown;
}

const people = {
  rm: { id: 'rm-1', roles: ['salesRep'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  ops: { id: 'ops-1', roles: ['operations'] },
} as const satisfies Record<string, Actor>;

const input = (orderId: string) => ({
  definition: 'public-fund-purchase',
  orderId,
  product: { code: 'F001', name: '稳健成长', riskLevel: 'R3' },
  investor: {
    id: `inv-${orderId}`,
    name: '张三',
    kind: 'individual' as const,
    classification: 'ordinary' as const,
    riskLevel: 'C3',
    lowestCategory: false,
    assessedAt: '2026-01-15',
    ownAccounts: ['6222-0001'],
    qualificationProof: 'proof-1',
    financialAssets: '5000000.00',
  },
  amount: '1000000.00',
  channel: 'branch',
});

/** The next command in the order's state, or null when only due work moves it. */
const nextCommand = (view: OrderView): readonly [Actor, Command] | null => {
  const [top, sub] = view.state.split('.');
  const amount = (view.context.amountMinor / 100).toFixed(2);
  switch (top) {
    case 'needs':
      return [people.rm, { type: 'confirmNeeds', documentId: 'needs-letter-1' }];
    case 'entry':
      return sub === 'entering'
        ? [people.rm, { type: 'enterOrder' }]
        : [people.ops, { type: 'verifyEntry' }];
    case 'approval':
      return [people.sup, { type: 'approve' }];
    case 'payment':
      return [
        people.ops,
        { type: 'recordPayment', amount, payerAccount: '6222-0001', reference: 'pay-1' },
      ];
    case 'fundRelease':
      return sub === 'ready' || sub === 'failed' ? [people.ops, { type: 'releaseFunds' }] : null;
    case 'archive':
      return [people.ops, { type: 'archive' }];
    default:
      return null;
  }
};

class Unexplained {
  constructor(readonly failed: RaceFailed) {}
}

/**
 * Races the other workers until every order is complete (at most 200 rounds); resolves to
 * how often this worker lost a race, or to what no race explains (an order ending other
 * than completed, an error that is not a conflict, a refusal or a retryable store failure).
 */
export async function raceOrders(options: RaceOptions): Promise<E.Either<RaceFailed, RaceTally>> {
  const definition = loadBuiltin('public-fund-purchase');
  if (E.isLeft(definition)) {
    return E.left({ _tag: 'RaceFailed', what: 'definition', detail: definition.left });
  }
  let transfers = 0;
  const payments: PaymentGateway = {
    transfer: async (instruction) => {
      await options.recordTransfer(instruction);
      transfers += 1;
      if (transfers === options.crashInTransfer) process.kill(process.pid, 'SIGKILL');
      if (transfers === options.hangInTransfer) {
        // A pending promise alone would let Node exit (code 13); the interval keeps it waiting.
        setInterval(() => {}, 60_000);
        await new Promise(() => {});
      }
      return E.right({ _tag: 'Settled', reference: `ref-${instruction.idempotencyKey}` });
    },
    status: async (key) => E.right({ _tag: 'Settled', reference: `ref-${key}` }),
  };
  const registrar: Registrar = {
    requestConfirmation: async (request) =>
      E.right({
        _tag: 'Confirmed',
        confirmedMinor: request.amountMinor,
        units: (request.amountMinor / 100).toFixed(2),
        reference: `reg-${request.idempotencyKey}`,
      }),
  };
  const engine = createEngine({
    definitions: [definition.right],
    store: options.store,
    clock: { now: () => options.now },
    payments,
    registrar,
    workerId: options.workerId,
  });
  const tally: RaceTally = { conflicts: 0, refusals: 0, retries: 0 };
  const refused = (error: EngineError): void => {
    if (error._tag === 'VersionConflict') tally.conflicts += 1;
    else if (['CommandNotAllowed', 'GuardFailed', 'Forbidden'].includes(error._tag)) {
      tally.refusals += 1;
    } else if (error._tag === 'StoreFailed' && error.retryable) tally.retries += 1;
    else throw new Unexplained({ _tag: 'RaceFailed', what: 'refused', detail: error });
  };
  const ids = Array.from({ length: options.orders }, (_, i) => `order-${i}`);
  const start = Number(options.workerId.replace(/\D/g, '') || 0) % Math.max(1, options.orders);
  const rotated = [...ids.slice(start), ...ids.slice(0, start)];
  try {
    for (let round = 0; round < 200; round++) {
      let active = 0;
      for (const orderId of rotated) {
        const got = await engine.get(orderId);
        if (E.isLeft(got)) {
          active += 1;
          if (got.left._tag !== 'OrderNotFound') {
            refused(got.left);
            continue;
          }
          const created = await engine.open(input(orderId), { actor: people.rm });
          if (E.isLeft(created)) refused(created.left);
          else options.emit({ accepted: [orderId, created.right.version, 'open'] });
          continue;
        }
        const view = got.right;
        if (view.status !== 'active') {
          if (view.status !== 'completed') {
            return E.left({ _tag: 'RaceFailed', what: 'ended', detail: view.state });
          }
          continue;
        }
        active += 1;
        const next = nextCommand(view);
        if (next === null) continue;
        const [actor, command] = next;
        const result = await engine.dispatch(orderId, command, { actor });
        if (E.isLeft(result)) refused(result.left);
        else options.emit({ accepted: [orderId, result.right.version, command.type] });
      }
      const due = await engine.runDue();
      if (E.isLeft(due)) refused(due.left);
      if (active === 0) break;
    }
  } catch (error) {
    if (error instanceof Unexplained) return E.left(error.failed);
    throw error;
  }
  return E.right(tally);
}
