/**
 * A simulated registrar (登记机构) for tests: full, partial (oversubscription) or rejected
 * confirmations, pending answers and outages, idempotent by key.
 */
import * as E from 'fp-ts/lib/Either.js';
import { type Clock, systemClock } from '../ports/Clock.js';
import type { ConfirmationOutcome, RegistrarUnavailable } from '../ports/Registrar.js';
import type {
  RegistrarCall,
  RegistrarSimulator,
  RegistrarSimulatorOptions,
} from './RegistrarSimulator.js';
import { createScript } from './Script.js';

const NAV = /^(\d+)(?:\.(\d{1,4}))?$/;

/** NAV in ten-thousandths, exactly. */
const parseNav = (nav: string): bigint => {
  const m = NAV.exec(nav);
  const scaled =
    m === null ? 0n : BigInt(m[1] ?? '0') * 10_000n + BigInt((m[2] ?? '').padEnd(4, '0'));
  if (scaled <= 0n) throw new RangeError(`registrar simulator: bad NAV ${JSON.stringify(nav)}`);
  return scaled;
};

/** Units for `amountMinor` (hundredths of the currency) at `nav`, rounded down to 0.01 unit. */
const unitsFor = (amountMinor: number, nav: bigint): string => {
  const hundredths = (BigInt(amountMinor) * 10_000n) / nav;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
};

/**
 * Creates a {@link RegistrarSimulator}. Per idempotency key, a `Confirmed` or `Rejected`
 * answer is final: asking again returns it unchanged. `Pending` and unavailability are
 * not: the next request with the key takes the next scripted step.
 *
 * @example
 * const registrar = createRegistrarSimulator({ script: [{ partial: 0.6 }] });
 * // amountMinor 1_000_000_00 → right({ _tag: 'Confirmed', confirmedMinor: 600_000_00, … })
 */
export const createRegistrarSimulator = (
  options: RegistrarSimulatorOptions = {},
): RegistrarSimulator => {
  const clock: Clock = options.clock ?? systemClock;
  const nav = parseNav(options.nav ?? '1.0000');
  const script = createScript(options, 'confirm');
  const finals = new Map<string, ConfirmationOutcome>();
  const recorded: RegistrarCall[] = [];
  let references = 0;

  const answer = (
    key: string,
    amountMinor: number,
  ): E.Either<RegistrarUnavailable, ConfirmationOutcome> => {
    const final = finals.get(key);
    if (final !== undefined) return E.right(final);
    const step = script.next(key);
    if (step === 'unavailable') {
      return E.left({
        _tag: 'RegistrarUnavailable',
        message: 'registrar unreachable',
        retryable: true,
      });
    }
    if (step === 'pending') return E.right({ _tag: 'Pending' });
    let outcome: ConfirmationOutcome;
    if (step === 'reject') {
      outcome = { _tag: 'Rejected', reason: 'product quota exhausted' };
    } else {
      const ratio = step === 'confirm' ? 1 : step.partial;
      if (!(ratio >= 0 && ratio <= 1)) {
        throw new RangeError(`registrar simulator: partial ratio must be 0…1, got ${ratio}`);
      }
      const ppm = BigInt(Math.round(ratio * 1_000_000));
      const confirmedMinor = Number((BigInt(amountMinor) * ppm) / 1_000_000n);
      references += 1;
      outcome = {
        _tag: 'Confirmed',
        confirmedMinor,
        units: unitsFor(confirmedMinor, nav),
        reference: `TA-${String(references).padStart(6, '0')}`,
      };
    }
    finals.set(key, outcome);
    return E.right(outcome);
  };

  return {
    requestConfirmation: async (request) => {
      const result = answer(request.idempotencyKey, request.amountMinor);
      recorded.push({
        method: 'requestConfirmation',
        idempotencyKey: request.idempotencyKey,
        at: new Date(clock.now()).toISOString(),
        input: request,
        result,
      });
      return result;
    },
    calls: (key) => recorded.filter((call) => key === undefined || call.idempotencyKey === key),
    queue: script.queue,
    queueFor: script.queueFor,
  };
};
