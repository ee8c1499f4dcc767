/**
 * Decides whether an order takes a decoded command now, before any state changes: the
 * hold, the state, the role and person, and every rule guard on the transition xstate
 * would take (read from the machine itself, so the machine shows the same guards).
 */
import type { Definition } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { isSystemEvent } from '../commands/COMMAND_CODECS.js';
import type { DecodedCommand } from '../commands/decodeCommand.js';
import { PREREQUISITES } from '../commands/PREREQUISITES.js';
import { roleRuleOf } from '../commands/roleRuleOf.js';
import type { Actor } from '../domain/Actor.js';
import type { JsonObject } from '../domain/Json.js';
import type { CommandNotAllowed, Forbidden, GuardFailed } from '../errors/EngineError.js';
import { isRuleId, RULE_GUARDS, type RuleId } from '../guards/RULE_GUARDS.js';
import type { GuardParams } from '../guards/RuleGuard.js';
import { stageOf } from '../guards/stageOf.js';
import type { OrderEvent } from '../machine/OrderEvent.js';
import type { Calendar } from '../ports/Calendar.js';
import type { OrderSnapshot } from './MachineRunner.js';
import { resolveStep } from './resolveStep.js';
import { statePathOf, topStateOf } from './statePathOf.js';

/** A command the order takes: the event to send, the role acted in, the facts checked. */
export interface Accepted {
  readonly event: OrderEvent;
  readonly facts: JsonObject;
}

/** Why the order does not take it. */
export type Refusal = CommandNotAllowed | Forbidden | GuardFailed;

/** What the evaluation reads. */
export interface EvaluationInput {
  readonly definition: Definition;
  readonly calendar: Calendar;
  readonly snapshot: OrderSnapshot;
  readonly command: DecodedCommand;
  readonly actor: Actor;
  readonly at: string;
  readonly now: number;
  /** Check only these rules (listing what an actor may do needs only the rules about the person). */
  readonly onlyRules?: ReadonlySet<string>;
}

const APPROVAL_COMMANDS: ReadonlySet<string> = new Set([
  'approve',
  'reject',
  'returnForAmendment',
  'delegate',
]);

/** Rules that route (record and choose a path) rather than refuse. */
const ROUTING_RULES: ReadonlySet<string> = new Set(['payer-account']);

type GuardRef = { readonly type: string; readonly params?: unknown };

/** The named guards of a transition's guard (`and([...])`, a name, or `{ type, params }`). */
const guardRefs = (guard: unknown): GuardRef[] => {
  if (guard === undefined || guard === null) return [];
  if (typeof guard === 'string') return [{ type: guard }];
  if (typeof guard === 'function' && Array.isArray((guard as { guards?: unknown }).guards)) {
    return (guard as unknown as { guards: unknown[] }).guards.flatMap(guardRefs);
  }
  if (typeof guard === 'object' && typeof (guard as GuardRef).type === 'string')
    return [guard as GuardRef];
  return [{ type: '(inline)' }];
};

const acceptedByState = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * The event types the order's active states take, deepest first, without duplicates.
 * They depend only on the state, so they are kept per machine and state path.
 */
export const acceptedEvents = (snapshot: OrderSnapshot): readonly string[] => {
  let byState = acceptedByState.get(snapshot.machine);
  if (byState === undefined) {
    byState = new Map();
    acceptedByState.set(snapshot.machine, byState);
  }
  const path = statePathOf(snapshot.value);
  const known = byState.get(path);
  if (known !== undefined) return known;
  const seen = new Set<string>();
  for (const node of [...snapshot._nodes].reverse()) for (const e of node.ownEvents) seen.add(e);
  const events = [...seen];
  byState.set(path, events);
  return events;
};

const guardFailed = (
  orderId: string,
  command: string,
  refusal: { rule: string; message: string; facts: JsonObject },
): GuardFailed => ({ _tag: 'GuardFailed', orderId, command, ...refusal });

/** Evaluates a command against the order now. */
export function evaluateCommand(input: EvaluationInput): E.Either<Refusal, Accepted> {
  const { definition, calendar, snapshot, command, actor, at, now } = input;
  const context = snapshot.context;
  const orderId = context.orderId;
  const type = command.type;
  const path = statePathOf(snapshot.value);
  const top = topStateOf(path);
  const stage = stageOf(definition, top);
  const system = isSystemEvent(type);
  const baseEvent: OrderEvent = { type, command: command.payload, actor, role: null, at, now };
  const ruleInput = (params: GuardParams, event: OrderEvent) => ({
    definition,
    calendar,
    context,
    event,
    params,
  });

  if (!system && context.held !== null && type !== 'releaseHold') {
    const held = RULE_GUARDS['aml-hold'](ruleInput({}, baseEvent));
    if (E.isLeft(held)) return E.left(guardFailed(orderId, type, held.left));
  }

  const accepted = acceptedEvents(snapshot);
  if (!accepted.includes(type)) {
    if (input.onlyRules !== undefined) {
      return E.left({
        _tag: 'CommandNotAllowed',
        orderId,
        command: type,
        state: path,
        allowed: [],
      });
    }
    for (const rule of PREREQUISITES[type as keyof typeof PREREQUISITES] ?? []) {
      const r = RULE_GUARDS[rule](ruleInput({ stageId: top }, baseEvent));
      if (E.isLeft(r)) return E.left(guardFailed(orderId, type, r.left));
    }
    return E.left({
      _tag: 'CommandNotAllowed',
      orderId,
      command: type,
      state: path,
      allowed: accepted.filter((e) => !isSystemEvent(e) && !e.startsWith('xstate.')),
    });
  }

  // Who may act.
  let role: string | null = null;
  let payload = command.payload;
  if (!system) {
    let stepRoles: readonly string[] = [];
    if (APPROVAL_COMMANDS.has(type) && stage?.kind === 'approval') {
      const entryId = path.split('.')[1] ?? '';
      const requested = typeof payload.step === 'string' ? payload.step : undefined;
      const resolved = resolveStep(stage, entryId, context, actor, requested);
      if (resolved._tag === 'NoStep') {
        return E.left({
          _tag: 'Forbidden',
          orderId,
          command: type,
          actorId: actor.id,
          requiredRoles: resolved.roles,
          reason: resolved.reason,
        });
      }
      if (resolved.delegatedTo !== null && resolved.delegatedTo !== actor.id) {
        return E.left({
          _tag: 'Forbidden',
          orderId,
          command: type,
          actorId: actor.id,
          requiredRoles: [resolved.step.role],
          reason: `step ${resolved.step.id} is delegated to ${resolved.delegatedTo}`,
        });
      }
      stepRoles = [resolved.step.role];
      payload = { ...payload, step: resolved.step.id };
    }
    const rule = roleRuleOf(definition, stage, type, stepRoles);
    role = rule.roles.find((r) => actor.roles.includes(r)) ?? null;
    if (role === null && !(rule.ownerMay && actor.id === context.ownerId)) {
      return E.left({
        _tag: 'Forbidden',
        orderId,
        command: type,
        actorId: actor.id,
        requiredRoles: rule.roles,
        reason:
          rule.roles.length === 0
            ? `nobody may send ${type} now`
            : `${type} needs one of the roles ${rule.roles.join(', ')}`,
      });
    }
  } else if (actor.id !== 'system') {
    return E.left({
      _tag: 'Forbidden',
      orderId,
      command: type,
      actorId: actor.id,
      requiredRoles: ['system'],
      reason: `${type} is sent by timers and providers only`,
    });
  }
  const event: OrderEvent = { ...baseEvent, command: payload, role };

  // The transition xstate will take: the first whose routing guards pass; its rule guards decide.
  const guards = snapshot.machine.implementations.guards as Record<
    string,
    (args: unknown, params: unknown) => boolean
  >;
  const leaves = snapshot._nodes.filter((n) => n.type === 'atomic' || n.type === 'final');
  // Facts of routing rules that sent the command past a transition (e.g. `payer-account`).
  const routed: Record<string, JsonObject> = {};
  for (const leaf of leaves) {
    for (let node: typeof leaf | undefined = leaf; node !== undefined; node = node.parent) {
      for (const transition of node.on[type] ?? []) {
        const refs = guardRefs(transition.guard);
        const routing = refs.filter((r) => !isRuleId(r.type) || ROUTING_RULES.has(r.type));
        const routes = routing.every(
          (r) => guards[r.type]?.({ context, event }, r.params) === true,
        );
        if (!routes) {
          for (const r of routing) {
            if (!ROUTING_RULES.has(r.type)) continue;
            const result = RULE_GUARDS[r.type as RuleId](
              ruleInput((r.params ?? {}) as GuardParams, event),
            );
            routed[r.type] = E.isLeft(result)
              ? { passed: false, ...result.left.facts }
              : { passed: true, ...result.right };
          }
          continue;
        }
        const facts: Record<string, JsonObject> = { ...routed };
        for (const r of refs) {
          if (!isRuleId(r.type)) continue;
          if (input.onlyRules !== undefined && !input.onlyRules.has(r.type)) continue;
          const result = RULE_GUARDS[r.type as RuleId](
            ruleInput((r.params ?? {}) as GuardParams, event),
          );
          if (E.isLeft(result)) return E.left(guardFailed(orderId, type, result.left));
          facts[r.type] = result.right;
        }
        return E.right({ event, facts });
      }
    }
  }
  return E.left({
    _tag: 'CommandNotAllowed',
    orderId,
    command: type,
    state: path,
    allowed: accepted.filter((e) => !isSystemEvent(e)),
  });
}
