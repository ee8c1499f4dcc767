/**
 * compile(definition) → the order's xstate machine, built with `setup()`: named rule
 * guards (DOMAIN §3, by stable id), named routing guards, named context updates (immer
 * reducers) and named effect/timer actions. One fragment per stage kind; approval chains
 * are expanded into states. Machines are cached per definition and calendar.
 */
import type { Definition, Stage } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { Immer } from 'immer';
import { assign, not, setup } from 'xstate';
import { createTradingCalendar } from '../calendar/createTradingCalendar.js';
import { RULE_GUARDS } from '../guards/RULE_GUARDS.js';
import type { GuardParams } from '../guards/RuleGuard.js';
import type { Calendar } from '../ports/Calendar.js';
import { MACHINE_ID, reduce, rules } from './configParts.js';
import { END_STATES } from './END_STATES.js';
import type { MachineEnv } from './MachineEnv.js';
import { ORDER_REDUCERS, type ReducerParams } from './ORDER_REDUCERS.js';
import type { OrderContext } from './OrderContext.js';
import type { OrderEvent } from './OrderEvent.js';
import { ROUTING_GUARDS, type RoutingParams } from './ROUTING_GUARDS.js';
import type { FragmentEnv, StateConfig } from './StateConfig.js';
import { approvalFragment } from './stages/approvalFragment.js';
import { archiveFragment } from './stages/archiveFragment.js';
import { contractFragment } from './stages/contractFragment.js';
import { coolingOffFragment } from './stages/coolingOffFragment.js';
import { entryFragment } from './stages/entryFragment.js';
import { fundReleaseFragment } from './stages/fundReleaseFragment.js';
import { needsConfirmationFragment } from './stages/needsConfirmationFragment.js';
import { paymentFragment } from './stages/paymentFragment.js';
import { qualificationFragment } from './stages/qualificationFragment.js';
import { registrarConfirmationFragment } from './stages/registrarConfirmationFragment.js';
import { returnVisitFragment } from './stages/returnVisitFragment.js';
import { signingFragment } from './stages/signingFragment.js';
import { suitabilityFragment } from './stages/suitabilityFragment.js';
import { taskFragment } from './stages/taskFragment.js';

// Snapshots are copied per command; freezing them would only cost time (DESIGN §6).
const immer = new Immer({ autoFreeze: false });

type Args = { readonly context: OrderContext; readonly event: OrderEvent };

const fragment = (env: FragmentEnv): StateConfig => {
  const s = env.stage;
  switch (s.kind) {
    case 'needsConfirmation':
      return needsConfirmationFragment({ ...env, stage: s });
    case 'qualification':
      return qualificationFragment({ ...env, stage: s });
    case 'entry':
      return entryFragment({ ...env, stage: s });
    case 'suitability':
      return suitabilityFragment({ ...env, stage: s });
    case 'contract':
      return contractFragment({ ...env, stage: s });
    case 'signing':
      return signingFragment({ ...env, stage: s });
    case 'approval':
      return approvalFragment({ ...env, stage: s });
    case 'payment':
      return paymentFragment({ ...env, stage: s });
    case 'coolingOff':
      return coolingOffFragment({ ...env, stage: s });
    case 'returnVisit':
      return returnVisitFragment({ ...env, stage: s });
    case 'fundRelease':
      return fundReleaseFragment({ ...env, stage: s });
    case 'registrarConfirmation':
      return registrarConfirmationFragment({ ...env, stage: s });
    case 'archive':
      return archiveFragment({ ...env, stage: s });
    case 'task':
      return taskFragment({ ...env, stage: s });
  }
};

/**
 * An end state. With `refund`, it settles until the refund is confirmed; with `closed`, an
 * order that had no money to return closes at once. Only the branches a definition can
 * reach are built, so every state of a compiled machine is reachable.
 */
const endState = (branches: {
  readonly refund: boolean;
  readonly closed: boolean;
}): StateConfig => {
  if (!branches.refund) return { type: 'final' };
  return {
    initial: 'settling',
    states: {
      settling: {
        ...(branches.closed ? { always: { guard: not('refundPending'), target: 'closed' } } : {}),
        on: {
          refundSettled: {
            target: 'refunded',
            actions: [reduce('recordRefundOutcome', { status: 'settled' })],
          },
        },
      },
      refunded: { type: 'final' },
      ...(branches.closed ? { closed: { type: 'final' } } : {}),
    },
  };
};

const buildMachine = (env: MachineEnv) => {
  const { definition } = env;
  const guards: Record<string, (args: Args, params: unknown) => boolean> = {};
  for (const [id, guard] of Object.entries(RULE_GUARDS)) {
    // One object shape for every guard call (no spread of env): guards run on every step.
    guards[id] = ({ context, event }, params) =>
      E.isRight(
        guard({
          definition: env.definition,
          calendar: env.calendar,
          context,
          event,
          params: (params ?? {}) as GuardParams,
        }),
      );
  }
  for (const [name, guard] of Object.entries(ROUTING_GUARDS)) {
    guards[name] = (args, params) => guard(args, (params ?? {}) as RoutingParams, env);
  }
  const actions: Record<string, unknown> = {
    effect: () => {},
    scheduleTimer: () => {},
    cancelTimer: () => {},
  };
  for (const [name, reducer] of Object.entries(ORDER_REDUCERS)) {
    actions[name] = assign(({ context, event }: Args, params: ReducerParams | undefined) =>
      immer.produce(context, (draft) => reducer(draft, event, params ?? {}, env)),
    );
  }
  const orderSetup = setup({
    types: {} as { context: OrderContext; events: OrderEvent; input: OrderContext },
    guards: guards as Record<string, (args: Args, params: unknown) => boolean>,
    // biome-ignore lint/suspicious/noExplicitAny: action implementations are checked by name at runtime.
    actions: actions as Record<string, any>,
  });

  const stages: readonly Stage[] = definition.stages;
  const states: Record<string, StateConfig> = {};
  stages.forEach((stage, i) => {
    if (stage.id === 'draft' || (END_STATES as readonly string[]).includes(stage.id)) {
      throw new Error(`compile: stage id ${stage.id} clashes with an end state`);
    }
    states[stage.id] = fragment({
      ...env,
      stage,
      next: `#${MACHINE_ID}.${stages[i + 1]?.id ?? 'completed'}`,
      earlier: stages.slice(0, i).map((s) => s.id),
    });
  });
  states.draft = { on: { open: { target: `#${MACHINE_ID}.${stages[0]?.id ?? 'completed'}` } } };
  states.completed = { type: 'final' };
  states.rejected = { type: 'final' };
  const has = (kind: Stage['kind']) => stages.some((s) => s.kind === kind);
  const paid = has('payment');
  // Cancelling is possible before and after the payment.
  states.cancelled = endState({ refund: paid, closed: true });
  // Expiry: a signing link or a payment deadline (nothing paid), or the return-visit deadline (refund).
  const expiresUnpaid = stages.some(
    (s) =>
      (s.kind === 'signing' && s.expiresAfter !== undefined) ||
      (s.kind === 'payment' && s.deadline !== undefined),
  );
  const expiresPaid = stages.some((s) => s.kind === 'returnVisit' && s.deadline !== undefined);
  if (expiresUnpaid || expiresPaid) {
    states.expired =
      expiresPaid && paid ? endState({ refund: true, closed: expiresUnpaid }) : { type: 'final' };
  }
  // A withdrawal (cooling-off or before the visit) and a registrar rejection follow a payment.
  if (has('coolingOff') || has('returnVisit'))
    states.withdrawn = endState({ refund: paid, closed: !paid });
  if (has('registrarConfirmation')) states.unconfirmed = endState({ refund: paid, closed: !paid });

  const config = {
    id: MACHINE_ID,
    context: ({ input }: { input: OrderContext }) => input,
    initial: 'draft',
    on: {
      hold: { guard: rules(['role-line']), actions: [reduce('setHold')] },
      releaseHold: {
        guard: rules(['role-line'], {}, [{ type: 'isHeld' }]),
        actions: [reduce('clearHold')],
      },
      refundSettled: { actions: [reduce('recordRefundOutcome', { status: 'settled' })] },
      refundFailed: { actions: [reduce('recordRefundOutcome', { status: 'failed' })] },
      refundUnknown: { actions: [reduce('recordRefundOutcome', { status: 'unknown' })] },
    },
    states,
  };
  return orderSetup.createMachine(
    config as unknown as Parameters<typeof orderSetup.createMachine>[0],
  );
};

/** The compiled machine of a definition. */
export type OrderMachine = ReturnType<typeof buildMachine>;

const cache = new WeakMap<Definition, WeakMap<Calendar, OrderMachine>>();
const calendars = new WeakMap<Definition, Calendar>();

/**
 * The trading calendar of a definition: its `productRules.cutOff` (time, zone, holidays),
 * else 15:00 Asia/Shanghai on weekdays. One per definition.
 */
export function calendarOf(definition: Definition): Calendar {
  let calendar = calendars.get(definition);
  if (calendar === undefined) {
    const cutOff = definition.productRules.cutOff;
    calendar = createTradingCalendar(
      cutOff === undefined
        ? {}
        : { timeZone: cutOff.timeZone, cutOff: cutOff.time, holidays: cutOff.holidays ?? [] },
    );
    calendars.set(definition, calendar);
  }
  return calendar;
}

/**
 * Compiles a definition into its xstate machine (cached: compiling the same definition
 * with the same calendar again returns the same machine).
 *
 * @example
 * const machine = compile(definition); // or compile(definition, { calendar })
 */
export function compile(
  definition: Definition,
  options: { readonly calendar?: Calendar } = {},
): OrderMachine {
  const calendar = options.calendar ?? calendarOf(definition);
  let byCalendar = cache.get(definition);
  if (byCalendar === undefined) {
    byCalendar = new WeakMap();
    cache.set(definition, byCalendar);
  }
  let machine = byCalendar.get(calendar);
  if (machine === undefined) {
    machine = buildMachine({ definition, calendar });
    byCalendar.set(calendar, machine);
  }
  return machine;
}
