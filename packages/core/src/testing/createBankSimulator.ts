/**
 * A simulated bank for tests and demos: scripted outcomes (settle, fail, timeout with or
 * without the money moving, unavailable), idempotency by key, and reconciliation through
 * `status`, so the engine's handling of every case can be shown without a real bank.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Clock, systemClock } from '../ports/Clock.js';
import type {
  GatewayUnavailable,
  TransferInstruction,
  TransferOutcome,
} from '../ports/PaymentGateway.js';
import type { BankCall, BankSimulator, BankSimulatorOptions, Movement } from './BankSimulator.js';
import { createScript } from './Script.js';

const unavailable = (): E.Either<GatewayUnavailable, never> =>
  E.left({ _tag: 'GatewayUnavailable', message: 'bank gateway unreachable', retryable: true });

const sameInstruction = (a: TransferInstruction, b: TransferInstruction): boolean =>
  a.orderId === b.orderId &&
  a.kind === b.kind &&
  a.amountMinor === b.amountMinor &&
  a.currency === b.currency &&
  a.fromAccount === b.fromAccount &&
  a.toAccount === b.toAccount;

/**
 * Creates a {@link BankSimulator}. Per idempotency key the bank remembers the instruction
 * and its final outcome: once a key has settled (also after `unknownSettled`) or failed for
 * good, every later transfer with it answers that same outcome and moves nothing;
 * after `failRetryable`, `unknownLost` or `unavailable` a retry is processed afresh (the
 * next scripted step). A key reused with a different instruction is refused (`Failed`,
 * not retryable). `status(key)` answers what really happened: `Settled`, the last
 * `Failed`, or `undefined` if the bank never received the key.
 *
 * @example
 * const bank = createBankSimulator({ script: ['unknownSettled'] });
 * await bank.transfer(instruction);       // right({ _tag: 'Unknown', … })
 * await bank.status(instruction.idempotencyKey); // right({ _tag: 'Settled', … })
 * bank.movements().length;                // 1
 */
export const createBankSimulator = (options: BankSimulatorOptions = {}): BankSimulator => {
  const clock: Clock = options.clock ?? systemClock;
  const script = createScript(options, 'settle');
  const received = new Map<
    string,
    { instruction: TransferInstruction; outcome: TransferOutcome }
  >();
  const moved: Movement[] = [];
  const recorded: BankCall[] = [];
  let down = false;
  let references = 0;

  const record = (call: Omit<BankCall, 'at'>): void => {
    recorded.push({ ...call, at: new Date(clock.now()).toISOString() });
  };

  const move = (instruction: TransferInstruction): TransferOutcome => {
    references += 1;
    const reference = `BANK-${String(references).padStart(6, '0')}`;
    moved.push({ ...instruction, reference, at: new Date(clock.now()).toISOString() });
    return { _tag: 'Settled', reference };
  };

  const process = (
    instruction: TransferInstruction,
  ): E.Either<GatewayUnavailable, TransferOutcome> => {
    const key = instruction.idempotencyKey;
    const known = received.get(key);
    if (known !== undefined && !sameInstruction(known.instruction, instruction)) {
      return E.right({
        _tag: 'Failed',
        reason: `idempotency key ${key} was used for another instruction`,
        retryable: false,
      });
    }
    const final = known?.outcome;
    if (final?._tag === 'Settled' || (final?._tag === 'Failed' && !final.retryable)) {
      return E.right(final);
    }
    const step = script.next(key);
    switch (step) {
      case 'unavailable':
        return unavailable();
      case 'unknownLost':
        return E.right({ _tag: 'Unknown', reason: 'timed out waiting for the bank' });
      case 'unknownSettled':
        received.set(key, { instruction, outcome: move(instruction) });
        return E.right({ _tag: 'Unknown', reason: 'timed out waiting for the bank' });
      case 'fail':
      case 'failRetryable': {
        const outcome: TransferOutcome = {
          _tag: 'Failed',
          reason: step === 'fail' ? 'account closed' : 'bank busy, try again',
          retryable: step === 'failRetryable',
        };
        received.set(key, { instruction, outcome });
        return E.right(outcome);
      }
      case 'settle': {
        const outcome = move(instruction);
        received.set(key, { instruction, outcome });
        return E.right(outcome);
      }
    }
  };

  return {
    transfer: async (instruction) => {
      const result = down ? unavailable() : process(instruction);
      record({
        method: 'transfer',
        idempotencyKey: instruction.idempotencyKey,
        input: instruction,
        result,
      });
      return result;
    },
    status: async (idempotencyKey) => {
      const result: E.Either<GatewayUnavailable, TransferOutcome | undefined> = down
        ? unavailable()
        : E.right(received.get(idempotencyKey)?.outcome);
      record({ method: 'status', idempotencyKey, input: { idempotencyKey }, result });
      return result;
    },
    movements: () => [...moved],
    calls: (key) => recorded.filter((call) => key === undefined || call.idempotencyKey === key),
    queue: script.queue,
    queueFor: script.queueFor,
    outage: (on) => {
      down = on;
    },
  };
};
