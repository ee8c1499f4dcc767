/**
 * A small script runner for the demo: each step says what it expects (accepted, or refused
 * by a named rule), and a step that goes otherwise is a problem that stops its scenario.
 */
import type { Command, Engine, OpenInput, OrderView } from '@orderflow/core';
import type { SimulatedClock } from '@orderflow/core/testing/fakes';
import * as E from 'fp-ts/lib/Either.js';
import type { Person } from './people.js';

/** A step that did not go as the script expected. */
export class ScriptProblem extends Error {}

/** The steps a scenario can take. */
export interface Script {
  /** Opens an order; returns its id. */
  open(actor: Person, input: OpenInput): Promise<string>;
  /** Sends a command that must be accepted; checks the state it lands in when given. */
  ok(orderId: string, actor: Person, command: Command, expectState?: string): Promise<OrderView>;
  /** Sends a command that must be refused with `rule` (a guard rule id, or an error tag). */
  refused(orderId: string, actor: Person, command: Command, rule: string): Promise<void>;
  /** Lets time pass on the simulated clock, then runs due timers and effects. */
  wait(duration: string): Promise<void>;
  /** Runs due timers and effects until nothing more is due. */
  settle(): Promise<void>;
  /** Fails unless the order is in `state`. */
  expectState(orderId: string, state: string): Promise<OrderView>;
}

/**
 * Builds a {@link Script} over an engine and its simulated clock. Each command is sent
 * `pace` after the previous one (default 7 minutes), so timelines read like a working day.
 */
export function createScript(engine: Engine, clock: SimulatedClock, pace = 'PT7M'): Script {
  const view = async (orderId: string): Promise<OrderView> => {
    const v = await engine.get(orderId);
    if (E.isLeft(v)) throw new ScriptProblem(`reading ${orderId}: ${JSON.stringify(v.left)}`);
    return v.right;
  };
  const expectState = async (orderId: string, state: string): Promise<OrderView> => {
    const v = await view(orderId);
    if (v.state !== state) {
      throw new ScriptProblem(`${orderId} is in ${v.state}, expected ${state}`);
    }
    return v;
  };
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 20; round++) {
      const r = await engine.runDue();
      if (E.isLeft(r)) throw new ScriptProblem(`runDue: ${JSON.stringify(r.left)}`);
      const { timersFired, effectsDelivered, effectsRetried } = r.right;
      if (timersFired + effectsDelivered + effectsRetried === 0) return;
    }
    throw new ScriptProblem('due work did not settle in 20 rounds');
  };
  return {
    async open(actor, input) {
      const r = await engine.open(input, { actor });
      if (E.isLeft(r)) throw new ScriptProblem(`open: ${JSON.stringify(r.left)}`);
      return r.right.orderId;
    },
    async ok(orderId, actor, command, state) {
      clock.advance(pace);
      const r = await engine.dispatch(orderId, command, { actor });
      if (E.isLeft(r)) {
        const e = r.left;
        const why = e._tag === 'GuardFailed' ? `${e.rule}: ${e.message}` : JSON.stringify(e);
        throw new ScriptProblem(`${actor.id} ${command.type} on ${orderId} was refused (${why})`);
      }
      if (state !== undefined && r.right.state !== state) {
        throw new ScriptProblem(
          `${actor.id} ${command.type} on ${orderId} led to ${r.right.state}, expected ${state}`,
        );
      }
      return r.right;
    },
    async refused(orderId, actor, command, rule) {
      clock.advance(pace);
      const before = await view(orderId);
      const r = await engine.dispatch(orderId, command, { actor });
      if (E.isRight(r)) {
        throw new ScriptProblem(
          `${actor.id} ${command.type} on ${orderId} was accepted, expected refusal by ${rule}`,
        );
      }
      const got = r.left._tag === 'GuardFailed' ? r.left.rule : r.left._tag;
      if (got !== rule) {
        throw new ScriptProblem(
          `${actor.id} ${command.type} was refused by ${got}, expected ${rule}`,
        );
      }
      const after = await view(orderId);
      if (after.version !== before.version) {
        throw new ScriptProblem(`a refused ${command.type} changed ${orderId}`);
      }
    },
    async wait(duration) {
      clock.advance(duration);
      await settle();
    },
    settle,
    expectState,
  };
}
