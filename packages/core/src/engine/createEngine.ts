/**
 * createEngine — the command path of DESIGN §3: decode → pure step → context update with
 * immer → effects, audit entries and timers → one atomic commit with an optimistic
 * version check → effect delivery after the commit (runDue / worker).
 */
import { randomUUID } from 'node:crypto';
import type { Definition } from '@orderflow/definitions';
import { parseAmount } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { AuditDraft } from '../audit/AuditDraft.js';
import { appendAuditEntries } from '../audit/appendAuditEntries.js';
import { verifyAuditChain } from '../audit/verifyAuditChain.js';
import { isSystemEvent } from '../commands/COMMAND_CODECS.js';
import type { Command, SystemEvent } from '../commands/Command.js';
import { checkTaskForm } from '../commands/checkTaskForm.js';
import { type DecodedCommand, decodeCommand } from '../commands/decodeCommand.js';
import { OpenInput } from '../commands/OpenInput.js';
import { problemsOf } from '../commands/problemsOf.js';
import { type Actor, SYSTEM_ACTOR } from '../domain/Actor.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { Json, JsonObject } from '../domain/Json.js';
import type { StoredOrder } from '../domain/StoredOrder.js';
import type { StoredTimer, TimerKind } from '../domain/Timer.js';
import type { EngineError } from '../errors/EngineError.js';
import type { StoreFailed, VersionConflict } from '../errors/StoreError.js';
import { calendarOf, compile } from '../machine/compile.js';
import { freshRevision } from '../machine/freshRevision.js';
import type { OrderContext } from '../machine/OrderContext.js';
import type { OrderEvent } from '../machine/OrderEvent.js';
import type { Calendar } from '../ports/Calendar.js';
import { systemClock } from '../ports/Clock.js';
import { backoffMs } from './backoffMs.js';
import { deliverEffect } from './deliverEffect.js';
import type {
  AuditVerification,
  DispatchOptions,
  Engine,
  EngineOptions,
  OrderView,
  RunDueReport,
  TaskView,
} from './Engine.js';
import { acceptedEvents, evaluateCommand, type Refusal } from './evaluateCommand.js';
import { type CollectedAction, type OrderSnapshot, runnerOf } from './MachineRunner.js';
import { openTasksOf } from './openTasksOf.js';
import { outboxOf } from './outboxOf.js';
import { StoredContext, StoredMachine } from './StoredMachine.js';
import { statePathOf, statusOf } from './statePathOf.js';

/** The event each timer kind fires. */
const TIMER_EVENTS: Readonly<Record<TimerKind, string>> = {
  signingExpiry: 'signatureExpired',
  paymentDeadline: 'paymentDeadlinePassed',
  coolingOffEnd: 'coolingOffElapsed',
  returnVisitDeadline: 'returnVisitDeadlinePassed',
  approvalSla: 'slaBreached',
  registrarAlert: 'registrarLate',
  taskSla: 'slaBreached',
};

/** Rules about the person, checked when listing what an actor may do. */
const PERSON_RULES: ReadonlySet<string> = new Set([
  'segregation-of-duties',
  'role-line',
  'aml-hold',
]);

const LEASE_MS = 60_000;

interface Loaded {
  readonly row: StoredOrder;
  readonly definition: Definition;
  readonly calendar: Calendar;
  readonly snapshot: OrderSnapshot;
  readonly head: { readonly seq: number; readonly hash: string } | undefined;
}

/** What one step commits, before the audit chain is placed. */
interface Step {
  readonly command: string;
  readonly actor: Actor;
  readonly role: string | null;
  readonly payload: Json;
  readonly facts: JsonObject;
  readonly next: OrderSnapshot;
  readonly actions: readonly CollectedAction[];
  readonly fromState: string;
}

const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;

/**
 * Creates an engine over a store and the definitions it runs.
 *
 * @example
 * const engine = createEngine({ definitions: [E.getOrElseW(() => { throw … })(loadBuiltin('public-fund-purchase'))], store: createMemoryStore() });
 * const opened = await engine.open(input, { actor: { id: 'rm-1', roles: ['salesRep'] } });
 */
export function createEngine(options: EngineOptions): Engine {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const maxAttempts = options.maxAttempts ?? 5;
  const workerId = options.workerId ?? `engine-${randomUUID()}`;
  const byKey = new Map<string, Definition>();
  const latest = new Map<string, Definition>();
  for (const d of options.definitions) {
    byKey.set(d.key, d);
    const known = latest.get(d.id);
    if (known === undefined || known.version < d.version) latest.set(d.id, d);
  }
  const calendarFor = (d: Definition): Calendar => options.calendar ?? calendarOf(d);
  const runnerFor = (d: Definition) => runnerOf(compile(d, { calendar: calendarFor(d) }));
  const iso = (ms: number) => new Date(ms).toISOString();

  // ------------------------------------------------------------------ loading

  const load = async (orderId: string): Promise<E.Either<EngineError, Loaded>> => {
    const got = await store.load(orderId);
    if (E.isLeft(got)) return got;
    const row = got.right;
    if (row === undefined) return E.left({ _tag: 'OrderNotFound', orderId });
    const definition = byKey.get(row.definitionKey);
    if (definition === undefined) {
      return E.left({ _tag: 'DefinitionNotFound', definitionKey: row.definitionKey });
    }
    const machine = StoredMachine.decode(row.machine);
    const context = StoredContext.decode(row.context);
    if (E.isLeft(machine) || E.isLeft(context)) {
      const errors = E.isLeft(machine) ? machine.left : E.isLeft(context) ? context.left : [];
      return E.left({
        _tag: 'StoredDataInvalid',
        orderId,
        what: E.isLeft(machine) ? 'machine' : 'context',
        message: problemsOf(errors)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; '),
      });
    }
    const snapshot = runnerFor(definition).restore(
      machine.right.value,
      row.context as unknown as OrderContext,
    );
    const head =
      machine.right.auditSeq === 0
        ? undefined
        : { seq: machine.right.auditSeq, hash: machine.right.auditHash };
    return E.right({ row, definition, calendar: calendarFor(definition), snapshot, head });
  };

  const trueHead = async (orderId: string) => {
    const h = await store.history(orderId);
    return E.map((entries: readonly AuditEntry[]) => entries.at(-1))(h);
  };

  // ------------------------------------------------------------------ views

  const allowedFor = (
    definition: Definition,
    calendar: Calendar,
    snapshot: OrderSnapshot,
    actor: Actor | undefined,
    now: number,
  ): string[] => {
    if (actor === undefined) return [];
    if (snapshot.status === 'done') return [];
    return acceptedEvents(snapshot).filter((type) => {
      if (isSystemEvent(type) || type.startsWith('xstate.') || type === 'open') return false;
      const r = evaluateCommand({
        definition,
        calendar,
        snapshot,
        command: { type, payload: {} },
        actor,
        at: iso(now),
        now,
        onlyRules: PERSON_RULES,
      });
      if (E.isRight(r)) return true;
      return r.left._tag === 'GuardFailed' && !PERSON_RULES.has(r.left.rule);
    });
  };

  /**
   * The view of an order. `allowedCommands` evaluates every command the state takes against
   * the actor's person rules, which costs more than the rest of the view; it is computed on
   * first read (at the instant the view was made) and kept, so a caller that only needs the
   * new state does not pay for it.
   */
  const viewOf = (
    row: StoredOrder,
    definition: Definition,
    snapshot: OrderSnapshot,
    actor: Actor | undefined,
  ): OrderView => {
    const context = snapshot.context;
    const now = clock.now();
    let allowed: string[] | undefined;
    return {
      orderId: row.orderId,
      definitionKey: row.definitionKey,
      version: row.version,
      state: row.state,
      status: row.status,
      held: context.held !== null,
      revision: context.revision,
      context,
      get allowedCommands(): readonly string[] {
        allowed ??= allowedFor(definition, calendarFor(definition), snapshot, actor, now);
        return allowed;
      },
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  };

  // ------------------------------------------------------------------ committing

  const draftOf = (
    orderId: string,
    at: string,
    actor: Actor,
    role: string | null,
    command: string,
    outcome: 'accepted' | 'refused',
    fromState: string,
    toState: string,
    version: number,
    facts: JsonObject,
    payload: Json,
  ): AuditDraft => ({
    orderId,
    at,
    actorId: actor.id,
    actorRoles: [...actor.roles],
    role,
    command,
    outcome,
    fromState,
    toState,
    version,
    facts,
    payload,
  });

  /** Records a refused attempt (it changes no state), retrying if the trail moved meanwhile. */
  const recordRefusal = async (
    loaded: Loaded,
    actor: Actor,
    command: DecodedCommand,
    refusal: Refusal,
    at: string,
  ): Promise<void> => {
    const { row } = loaded;
    const facts: JsonObject =
      refusal._tag === 'GuardFailed'
        ? {
            error: 'GuardFailed',
            rule: refusal.rule,
            message: refusal.message,
            ...toJsonObject(refusal.facts),
          }
        : { error: refusal._tag, ...toJsonObject(refusal) };
    const draft = draftOf(
      row.orderId,
      at,
      actor,
      null,
      command.type,
      'refused',
      row.state,
      row.state,
      row.version,
      facts,
      toJson(command.payload),
    );
    let head: { seq: number; hash: string } | undefined = loaded.head;
    for (let attempt = 0; attempt < 3; attempt++) {
      const entries = appendAuditEntries(head, [draft]);
      const r = await store.appendAudit(row.orderId, row.version, entries);
      if (E.isRight(r) || r.left._tag !== 'VersionConflict') return;
      if (r.left.actualVersion !== row.version) return; // the order moved on; the attempt is moot
      const h = await trueHead(row.orderId);
      if (E.isLeft(h)) return;
      head = h.right;
    }
  };

  /** Builds and commits one step; retries once with the true audit head if a refusal was appended since. */
  const commitStep = async (
    base: {
      readonly orderId: string;
      readonly definition: Definition;
      readonly expectedVersion: number;
      readonly createdAt: string;
      readonly head: { readonly seq: number; readonly hash: string } | undefined;
    },
    step: Step,
    at: string,
    extra: { readonly firedTimers?: readonly string[]; readonly idempotencyKey?: string },
    actorForView: Actor | undefined,
  ): Promise<E.Either<EngineError, OrderView>> => {
    const { definition, orderId } = base;
    const version = base.expectedVersion + 1;
    const notes = step.next.context.notes as Record<string, unknown>;
    const events = Array.isArray(notes.events) ? (notes.events as string[]) : [];
    const context: OrderContext = { ...step.next.context, notes: {} };
    const next = { ...step.next, context } as OrderSnapshot;
    const toState = statePathOf(next.value);
    // A timer or provider event that is also a domain event (coolingOffElapsed) notifies once.
    const outbox = outboxOf(definition, context, version, at, step.actions, [
      ...new Set([step.command, ...events]),
    ]);
    const facts: JsonObject = { ...step.facts, ...toJsonObject(notes) };
    const draft = draftOf(
      orderId,
      at,
      step.actor,
      step.role,
      step.command,
      'accepted',
      step.fromState,
      toState,
      version,
      facts,
      step.payload,
    );
    const row = (head: { seq: number; hash: string } | undefined) => {
      const audit = appendAuditEntries(head, [draft]);
      const last = audit[audit.length - 1] as AuditEntry;
      const order: StoredOrder = {
        orderId,
        definitionKey: definition.key,
        version,
        state: toState,
        status: statusOf(toState),
        // xstate builds a fresh state value (strings in nested objects) for every snapshot.
        machine: { value: next.value as Json, auditSeq: last.seq, auditHash: last.hash },
        context: context as unknown as JsonObject,
        createdAt: base.createdAt,
        updatedAt: at,
      };
      return { audit, order };
    };
    let built = row(base.head);
    const view = viewOf(built.order, definition, next, actorForView);
    for (let attempt = 0; attempt < 2; attempt++) {
      const committed = await store.commit({
        expectedVersion: base.expectedVersion,
        order: built.order,
        audit: built.audit,
        effects: outbox.effects,
        timers: outbox.timers,
        cancelTimers: outbox.cancelTimers,
        firedTimers: [...(extra.firedTimers ?? [])],
        tasks: openTasksOf(definition, context, toState, at),
        ...(extra.idempotencyKey === undefined
          ? {}
          : { idempotency: { key: extra.idempotencyKey, response: toJson(view) } }),
      });
      if (E.isRight(committed)) return E.right(view);
      const failure: StoreFailed | VersionConflict = committed.left;
      if (
        failure._tag === 'VersionConflict' &&
        failure.actualVersion === base.expectedVersion &&
        attempt === 0
      ) {
        // Only the audit trail moved (a refused attempt was recorded): place ours after it.
        const h = await trueHead(orderId);
        if (E.isLeft(h)) return h;
        built = row(h.right);
        continue;
      }
      if (failure._tag === 'StoreFailed' && extra.idempotencyKey !== undefined) {
        const again = await store.idempotent(extra.idempotencyKey);
        if (E.isRight(again) && again.right !== undefined)
          return E.right(again.right as unknown as OrderView);
      }
      return E.left(failure);
    }
    return E.left({
      _tag: 'VersionConflict',
      orderId,
      expectedVersion: base.expectedVersion,
      actualVersion: base.expectedVersion,
    });
  };

  // ------------------------------------------------------------------ calls

  /**
   * Settles an idempotent race: when a retry under the same key lost to its own first
   * attempt (a version conflict or the order id just taken, the command no longer allowed,
   * the key just used), the winner's response is in the store under `key` — committed in the
   * same transaction as its change — and is the answer. Any other result stands.
   */
  const settleRace = async (
    result: E.Either<EngineError, OrderView>,
    key: string | undefined,
  ): Promise<E.Either<EngineError, OrderView>> => {
    if (E.isRight(result) || key === undefined) return result;
    const lost = result.left;
    const raced =
      lost._tag === 'VersionConflict' ||
      lost._tag === 'CommandNotAllowed' ||
      (lost._tag === 'StoreFailed' && lost.retryable);
    if (!raced) return result;
    const seen = await store.idempotent(key);
    return E.isRight(seen) && seen.right !== undefined
      ? E.right(seen.right as unknown as OrderView)
      : result;
  };

  /** Opens an order once, then settles a race of retries under its idempotency key. */
  const open: Engine['open'] = async (input, options) =>
    settleRace(
      await openOnce(input, options),
      options.idempotencyKey === undefined ? undefined : `open:${options.idempotencyKey}`,
    );

  const openOnce: Engine['open'] = async (input, { actor, idempotencyKey }) => {
    const key = idempotencyKey === undefined ? undefined : `open:${idempotencyKey}`;
    if (key !== undefined) {
      const seen = await store.idempotent(key);
      if (E.isLeft(seen)) return seen;
      if (seen.right !== undefined) return E.right(seen.right as unknown as OrderView);
    }
    const decoded = OpenInput.decode(input);
    if (E.isLeft(decoded)) {
      return E.left({
        _tag: 'CommandInvalid',
        command: 'open',
        problems: problemsOf(decoded.left),
      });
    }
    const i = decoded.right;
    const definition = i.definition.includes('@')
      ? byKey.get(i.definition)
      : latest.get(i.definition);
    if (definition === undefined)
      return E.left({ _tag: 'DefinitionNotFound', definitionKey: i.definition });
    const amounts: Record<string, number | null> = {};
    for (const [field, text] of [
      ['amount', i.amount],
      ['investor.financialAssets', i.investor.financialAssets],
      ['investor.averageIncome', i.investor.averageIncome],
      ['investor.netAssets', i.investor.netAssets],
    ] as const) {
      if (text === undefined) {
        amounts[field] = null;
        continue;
      }
      const minor = parseAmount(text, definition.currency);
      if (E.isLeft(minor)) {
        return E.left({
          _tag: 'CommandInvalid',
          command: 'open',
          problems: [{ path: field, message: minor.left.message }],
        });
      }
      amounts[field] = minor.right;
    }
    const now = clock.now();
    const at = iso(now);
    const orderId = i.orderId ?? randomUUID();
    const amountMinor = amounts.amount ?? 0;
    const context: OrderContext = {
      ...freshRevision(1, amountMinor),
      orderId,
      definitionKey: definition.key,
      currency: definition.currency,
      ownerId: actor.id,
      openedAt: at,
      channel: i.channel,
      product: {
        code: i.product.code,
        name: i.product.name,
        riskLevel: i.product.riskLevel,
        category: i.product.category ?? '',
      },
      investor: {
        id: i.investor.id,
        name: i.investor.name,
        kind: i.investor.kind,
        classification: i.investor.classification,
        riskLevel: i.investor.riskLevel,
        lowestCategory: i.investor.lowestCategory,
        assessedAt: i.investor.assessedAt,
        ownAccounts: [...i.investor.ownAccounts],
        qualificationProof: i.investor.qualificationProof ?? null,
        financialAssetsMinor: amounts['investor.financialAssets'] ?? null,
        averageIncomeMinor: amounts['investor.averageIncome'] ?? null,
        netAssetsMinor: amounts['investor.netAssets'] ?? null,
      },
      revisions: [],
      held: null,
      needs: null,
      qualification: null,
      payment: null,
      tradeDate: null,
      coolingOff: null,
      returnVisit: null,
      release: null,
      confirmation: null,
      refunds: [],
      due: {},
      escalations: {},
      delegations: {},
      taskResults: {},
      notes: {},
    };
    const event: OrderEvent = { type: 'open', command: {}, actor, role: null, at, now };
    const [next, actions] = runnerFor(definition).initial(context, event);
    return commitStep(
      { orderId, definition, expectedVersion: 0, createdAt: at, head: undefined },
      {
        command: 'open',
        actor,
        role: null,
        payload: toJson(input),
        facts: {},
        next,
        actions,
        fromState: 'draft',
      },
      at,
      key === undefined ? {} : { idempotencyKey: key },
      actor,
    );
  };

  /** Runs a command once, then settles a race of retries under its idempotency key. */
  const dispatchAt = async (
    orderId: string,
    command: unknown,
    opts: DispatchOptions & { readonly firedTimers?: readonly string[] },
    now: number,
  ): Promise<E.Either<EngineError, OrderView>> =>
    settleRace(
      await dispatchOnce(orderId, command, opts, now),
      opts.idempotencyKey === undefined ? undefined : `${orderId}:${opts.idempotencyKey}`,
    );

  const dispatchOnce = async (
    orderId: string,
    command: unknown,
    opts: DispatchOptions & { readonly firedTimers?: readonly string[] },
    now: number,
  ): Promise<E.Either<EngineError, OrderView>> => {
    const key = opts.idempotencyKey === undefined ? undefined : `${orderId}:${opts.idempotencyKey}`;
    if (key !== undefined) {
      const seen = await store.idempotent(key);
      if (E.isLeft(seen)) return seen;
      if (seen.right !== undefined) return E.right(seen.right as unknown as OrderView);
    }
    const loaded = await load(orderId);
    if (E.isLeft(loaded)) return loaded;
    const { row, definition, calendar, snapshot } = loaded.right;
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== row.version) {
      return E.left({
        _tag: 'VersionConflict',
        orderId,
        expectedVersion: opts.expectedVersion,
        actualVersion: row.version,
      });
    }
    const system = opts.actor.id === SYSTEM_ACTOR.id;
    const decoded = decodeCommand(command, definition.currency, system);
    if (E.isLeft(decoded)) return decoded;
    if (decoded.right.type === 'completeTask') {
      const stage = definition.stages.find((st) => st.id === row.state.split('.')[0]);
      if (stage?.kind === 'task') {
        const form = checkTaskForm(
          stage,
          (decoded.right.payload.fields ?? {}) as Record<string, unknown>,
        );
        if (E.isLeft(form)) return form;
      }
    }
    const at = iso(now);
    const evaluated = evaluateCommand({
      definition,
      calendar,
      snapshot,
      command: decoded.right,
      actor: opts.actor,
      at,
      now,
    });
    if (E.isLeft(evaluated)) {
      if (evaluated.left._tag !== 'CommandNotAllowed') {
        await recordRefusal(loaded.right, opts.actor, decoded.right, evaluated.left, at);
      }
      return evaluated;
    }
    const { event, facts } = evaluated.right;
    const [next, actions] = runnerFor(definition).step(snapshot, event);
    return commitStep(
      {
        orderId,
        definition,
        expectedVersion: row.version,
        createdAt: row.createdAt,
        head: loaded.right.head,
      },
      {
        command: decoded.right.type,
        actor: opts.actor,
        role: event.role,
        payload: toJson(decoded.right.payload),
        facts,
        next,
        actions,
        fromState: row.state,
      },
      at,
      {
        ...(opts.firedTimers === undefined ? {} : { firedTimers: opts.firedTimers }),
        ...(key === undefined ? {} : { idempotencyKey: key }),
      },
      // Timers and providers need no list of what they may do next.
      system ? undefined : opts.actor,
    );
  };

  const dispatch: Engine['dispatch'] = (
    orderId: string,
    command: Command | SystemEvent,
    opts: DispatchOptions,
  ): Promise<E.Either<EngineError, OrderView>> => dispatchAt(orderId, command, opts, clock.now());

  const get: Engine['get'] = async (orderId, opts = {}) => {
    const loaded = await load(orderId);
    if (E.isLeft(loaded)) return loaded;
    const { row, definition, snapshot } = loaded.right;
    const view = viewOf(row, definition, snapshot, opts.actor);
    if (opts.revision === undefined || opts.revision === view.revision) return E.right(view);
    const frozen = view.context.revisions.find((r) => r.revision === opts.revision);
    if (frozen === undefined)
      return E.left({ _tag: 'OrderNotFound', orderId: `${orderId}#r${opts.revision}` });
    const { returnedBy: _b, reason: _r, returnedAt: _a, ...data } = frozen;
    return E.right({
      ...view,
      revision: frozen.revision,
      context: { ...view.context, ...data },
      allowedCommands: [],
    });
  };

  const history: Engine['history'] = async (orderId) => {
    const h = await store.history(orderId);
    if (E.isLeft(h)) return h;
    if (h.right.length === 0) {
      const row = await store.load(orderId);
      if (E.isRight(row) && row.right === undefined)
        return E.left({ _tag: 'OrderNotFound', orderId });
    }
    return h;
  };

  const verifyAudit: Engine['verifyAudit'] = async (orderId) => {
    const h = await history(orderId);
    if (E.isLeft(h)) return h;
    const r = verifyAuditChain(h.right);
    const result: AuditVerification = E.isRight(r)
      ? { valid: true, entries: h.right.length, brokenAt: null }
      : {
          valid: false,
          entries: h.right.length,
          brokenAt: {
            seq: r.left.seq,
            index: r.left.index,
            reason: r.left.reason,
            message: r.left.message,
          },
        };
    return E.right(result);
  };

  const tasks: Engine['tasks'] = async (query, opts = {}) => {
    const now = opts.now ?? clock.now();
    const q =
      'actor' in query
        ? { roles: query.actor.roles, actorId: query.actor.id }
        : { roles: [query.role] };
    const r = await store.tasks({
      ...q,
      ...(opts.limit === undefined ? {} : { limit: opts.limit }),
    });
    if (E.isLeft(r)) return r;
    return E.right(
      r.right.map(
        (t): TaskView => ({ ...t, overdue: t.dueAt !== null && Date.parse(t.dueAt) <= now }),
      ),
    );
  };

  // ------------------------------------------------------------------ due work

  /**
   * A timer the order no longer takes (it moved on by another path) is marked fired by a
   * commit that changes nothing but records why, so no worker claims it again.
   */
  const discardTimer = async (timer: StoredTimer, why: EngineError, now: number): Promise<void> => {
    const loaded = await load(timer.orderId);
    if (E.isLeft(loaded)) return;
    const { row, definition, snapshot, head } = loaded.right;
    await commitStep(
      {
        orderId: row.orderId,
        definition,
        expectedVersion: row.version,
        createdAt: row.createdAt,
        head,
      },
      {
        command: 'timerDiscarded',
        actor: SYSTEM_ACTOR,
        role: null,
        payload: { timerId: timer.timerId, kind: timer.kind, dueAt: timer.dueAt },
        facts: { reason: why._tag, ...toJsonObject(why) },
        next: snapshot,
        actions: [],
        fromState: row.state,
      },
      iso(now),
      { firedTimers: [timer.timerId] },
      undefined,
    );
  };

  const runDue: Engine['runDue'] = async (nowArg) => {
    const now = nowArg ?? clock.now();
    const claim = { now: iso(now), workerId, leaseUntil: iso(now + LEASE_MS), limit: 100 };
    let timersFired = 0;
    let effectsDelivered = 0;
    let effectsRetried = 0;
    let effectsFailed = 0;
    const timers = await store.claimDueTimers(claim);
    if (E.isLeft(timers)) return timers;
    for (const timer of timers.right) {
      const type = TIMER_EVENTS[timer.kind];
      const r = await dispatchAt(
        timer.orderId,
        { ...timer.payload, type },
        {
          actor: SYSTEM_ACTOR,
          firedTimers: [timer.timerId],
          idempotencyKey: `timer:${timer.timerId}:${timer.dueAt}`,
        },
        now,
      );
      if (E.isRight(r)) timersFired++;
      else if (r.left._tag === 'CommandNotAllowed' || r.left._tag === 'GuardFailed') {
        await discardTimer(timer, r.left, now);
      }
    }
    const effects = await store.claimDueEffects(claim);
    if (E.isLeft(effects)) return effects;
    for (const effect of effects.right) {
      // The claim counts the attempt being made (1 on the first delivery).
      const attempt = Math.max(1, effect.attempts);
      const delivery = await deliverEffect(effect, options);
      /**
       * Feeds the outcome back as an event (once per effect, by its key). A concurrent
       * command may win the version race: try again on the new version. Only a store that
       * keeps failing leaves the outcome undelivered (`false`): the effect is then retried,
       * and the provider answers the same key with the same outcome.
       */
      const feed = async (event: JsonObject | null): Promise<boolean> => {
        if (event === null) return true;
        for (let attempt = 0; attempt < 3; attempt++) {
          const r = await dispatchAt(
            effect.orderId,
            event,
            { actor: SYSTEM_ACTOR, idempotencyKey: `effect:${effect.effectId}` },
            now,
          );
          if (E.isRight(r)) return true;
          if (r.left._tag !== 'VersionConflict' && r.left._tag !== 'StoreFailed') return true;
        }
        return false;
      };
      if (delivery._tag === 'Done') {
        if (!(await feed(delivery.event))) {
          await store.failEffect(effect.effectId, workerId, {
            error: 'the outcome could not be recorded on the order',
            retryAt: iso(now + backoffMs(1)),
          });
          effectsRetried++;
          continue;
        }
        await store.completeEffect(effect.effectId, workerId);
        effectsDelivered++;
      } else if (delivery._tag === 'Retry' && attempt < maxAttempts) {
        await store.failEffect(effect.effectId, workerId, {
          error: delivery.error,
          retryAt: iso(now + backoffMs(attempt)),
        });
        effectsRetried++;
      } else {
        const event = delivery._tag === 'Retry' ? delivery.onGiveUp : delivery.event;
        await feed(event);
        await store.failEffect(effect.effectId, workerId, { error: delivery.error, retryAt: null });
        effectsFailed++;
      }
    }
    const report: RunDueReport = { timersFired, effectsDelivered, effectsRetried, effectsFailed };
    return E.right(report);
  };

  const worker: Engine['worker'] = ({ pollMs }) => {
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    const tick = () => {
      if (stopped) return;
      running = runDue().finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
    };
    let timer: ReturnType<typeof setTimeout> = setTimeout(tick, 0);
    return {
      stop: async () => {
        stopped = true;
        clearTimeout(timer);
        await running;
      },
    };
  };

  return { open, dispatch, get, history, verifyAudit, tasks, runDue, worker };
}

const toJsonObject = (value: object): JsonObject => {
  const json = toJson(value);
  return typeof json === 'object' && json !== null && !Array.isArray(json)
    ? (json as JsonObject)
    : {};
};
