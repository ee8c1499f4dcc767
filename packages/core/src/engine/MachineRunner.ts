/**
 * Pure transitions over a compiled machine. xstate's `transition()` builds a throw-away
 * actor per call (DESIGN §6); this keeps one inert actor scope per machine (not per
 * order) and collects the actions instead of executing them, which is the same pure
 * step at a fraction of the cost.
 */
import { type AnyActorScope, createActor } from 'xstate';
import type { OrderMachine } from '../machine/compile.js';
import type { OrderContext } from '../machine/OrderContext.js';
import type { OrderEvent } from '../machine/OrderEvent.js';

/** The snapshot type of an order machine. */
export type OrderSnapshot = ReturnType<OrderMachine['resolveState']>;

/** An action the machine asked for, with its resolved params. */
export interface CollectedAction {
  readonly type: string;
  readonly params: unknown;
}

/** Restores snapshots and takes pure steps on one machine. */
export interface MachineRunner {
  readonly machine: OrderMachine;
  /** The snapshot of a new order, and the actions of its initial entry. */
  initial(context: OrderContext, event: OrderEvent): [OrderSnapshot, CollectedAction[]];
  /** A snapshot from its stored state value and context. */
  restore(value: unknown, context: OrderContext): OrderSnapshot;
  /** The next snapshot and the actions, executing none. */
  step(snapshot: OrderSnapshot, event: OrderEvent): [OrderSnapshot, CollectedAction[]];
}

const runners = new WeakMap<OrderMachine, MachineRunner>();

/** The (cached) runner of `machine`. */
export function runnerOf(machine: OrderMachine): MachineRunner {
  const known = runners.get(machine);
  if (known !== undefined) return known;
  let collected: CollectedAction[] = [];
  const placeholder = {} as OrderContext;
  const actor = createActor(machine, {
    input: placeholder,
    snapshot: machine.resolveState({ value: 'draft', context: placeholder }),
  });
  const scope = {
    self: actor,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: actor.system,
    emit: () => {},
    actionExecutor: (action: { type: string; params: unknown }) => {
      collected.push({ type: action.type, params: action.params });
    },
  } as unknown as AnyActorScope;
  const take = (run: () => OrderSnapshot): [OrderSnapshot, CollectedAction[]] => {
    collected = [];
    const next = run();
    const actions = collected;
    collected = [];
    return [next, actions];
  };
  const runner: MachineRunner = {
    machine,
    initial: (context, event) => {
      // The machine starts in `draft`; the `open` event enters the first stage, so its
      // entry actions see a real event (who, when) like every other step.
      const draft = machine.getInitialSnapshot(scope as never, context) as OrderSnapshot;
      return take(() => machine.transition(draft, event, scope as never));
    },
    restore: (value, context) =>
      machine.resolveState({ value: value as never, context }) as OrderSnapshot,
    step: (snapshot, event) => take(() => machine.transition(snapshot, event, scope as never)),
  };
  runners.set(machine, runner);
  return runner;
}
