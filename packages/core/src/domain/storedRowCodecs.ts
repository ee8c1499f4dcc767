/**
 * io-ts codecs for rows a store reads back from its database. Nothing stored is trusted until it
 * passes one of these: a hand-edited or corrupt row becomes a typed error naming the order,
 * never an `undefined is not a function` later. Every store decodes with these, so they all
 * mean the same by a valid row.
 */

import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { StoredDataInvalid } from '../errors/StoreError.js';
import type { AuditEntry } from './AuditEntry.js';
import type { StoredEffect } from './Effect.js';
import { errorPaths } from './errorPaths.js';
import type { JsonObject } from './Json.js';
import type { StoredOrder } from './StoredOrder.js';
import type { Task } from './Task.js';
import type { StoredTimer } from './Timer.js';

const isPlainObject = (u: unknown): u is JsonObject =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * A JSON object. Its input always comes out of `JSON.parse` (or a JSONB column), so its
 * leaves are JSON already; the codec checks the shape, not every leaf again.
 */
export const JsonObjectCodec = new t.Type<JsonObject, JsonObject, unknown>(
  'JsonObject',
  isPlainObject,
  (u, c) => (isPlainObject(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const nonNegativeInt = new t.Type<number, number, unknown>(
  'NonNegativeInteger',
  (u): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isSafeInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c),
  t.identity,
);

const nullableString = t.union([t.string, t.null]);

/** A stored order row. */
export const StoredOrderCodec: t.Decoder<unknown, StoredOrder> = t.readonly(
  t.type({
    orderId: t.string,
    definitionKey: t.string,
    version: nonNegativeInt,
    state: t.string,
    status: t.string,
    machine: JsonObjectCodec,
    context: JsonObjectCodec,
    createdAt: t.string,
    updatedAt: t.string,
  }),
);

/** A stored audit entry. */
export const AuditEntryCodec: t.Decoder<unknown, AuditEntry> = t.readonly(
  t.type({
    orderId: t.string,
    seq: nonNegativeInt,
    at: t.string,
    actorId: t.string,
    actorRoles: t.readonlyArray(t.string),
    role: nullableString,
    command: t.string,
    outcome: t.keyof({ accepted: null, refused: null }),
    fromState: t.string,
    toState: t.string,
    version: nonNegativeInt,
    facts: JsonObjectCodec,
    payload: t.unknown as t.Type<AuditEntry['payload'], AuditEntry['payload'], unknown>,
    prevHash: t.string,
    hash: t.string,
  }),
);

/** A stored effect (outbox row). */
export const StoredEffectCodec: t.Decoder<unknown, StoredEffect> = t.readonly(
  t.type({
    effectId: t.string,
    orderId: t.string,
    kind: t.keyof({
      notify: null,
      requestSignature: null,
      instructTransfer: null,
      refund: null,
      requestConfirmation: null,
    }),
    payload: JsonObjectCodec,
    availableAt: t.string,
    status: t.keyof({ pending: null, claimed: null, done: null, failed: null }),
    attempts: nonNegativeInt,
    claimedBy: nullableString,
    leaseUntil: nullableString,
    lastError: nullableString,
  }),
);

/** A stored business timer. */
export const StoredTimerCodec: t.Decoder<unknown, StoredTimer> = t.readonly(
  t.type({
    timerId: t.string,
    orderId: t.string,
    kind: t.keyof({
      signingExpiry: null,
      paymentDeadline: null,
      coolingOffEnd: null,
      returnVisitDeadline: null,
      approvalSla: null,
      registrarAlert: null,
      taskSla: null,
    }),
    dueAt: t.string,
    payload: JsonObjectCodec,
    status: t.keyof({ pending: null, claimed: null, fired: null, cancelled: null }),
    claimedBy: nullableString,
    leaseUntil: nullableString,
  }),
);

/** A stored open task. */
export const TaskCodec: t.Decoder<unknown, Task> = t.readonly(
  t.type({
    orderId: t.string,
    taskId: t.string,
    definitionKey: t.string,
    stageId: t.string,
    stepId: nullableString,
    role: t.string,
    actorId: nullableString,
    commands: t.readonlyArray(t.string),
    createdAt: t.string,
    dueAt: nullableString,
    escalatedTo: nullableString,
  }),
);

/** Says where a codec failed: `path: expected Type, got value` for each problem. */
export const describeErrors = (errors: t.Errors): string => {
  const shown = errors.slice(0, 5);
  const paths = errorPaths(shown);
  return shown
    .map((e, i) => {
      const path = paths[i] ?? '';
      const expected = e.context[e.context.length - 1]?.type.name ?? 'value';
      const got = JSON.stringify(e.value);
      return `${path === '' ? '(root)' : path}: expected ${expected}, got ${got === undefined ? 'undefined' : got.slice(0, 60)}`;
    })
    .join('; ');
};

/** Decodes a stored row with one of these codecs, turning a failure into a readable message. */
export const decodeStoredRow = <A>(
  codec: t.Decoder<unknown, A>,
  u: unknown,
): E.Either<string, A> => {
  const r = codec.decode(u);
  return E.isRight(r) ? E.right(r.right) : E.left(describeErrors(r.left));
};

/** An effect row as the SQL stores keep it: snake_case columns, the JSON payload parsed. */
export interface EffectColumns {
  readonly effect_id: unknown;
  readonly order_id: unknown;
  readonly kind: unknown;
  readonly payload: unknown;
  readonly available_at: unknown;
  readonly status: unknown;
  readonly attempts: unknown;
  readonly claimed_by: unknown;
  readonly lease_until: unknown;
  readonly last_error: unknown;
}

/** A timer row as the SQL stores keep it: snake_case columns, the JSON payload parsed. */
export interface TimerColumns {
  readonly timer_id: unknown;
  readonly order_id: unknown;
  readonly kind: unknown;
  readonly due_at: unknown;
  readonly payload: unknown;
  readonly status: unknown;
  readonly claimed_by: unknown;
  readonly lease_until: unknown;
}

/** A task row as the SQL stores keep it: snake_case columns, the JSON commands parsed. */
export interface TaskColumns {
  readonly order_id: unknown;
  readonly task_id: unknown;
  readonly definition_key: unknown;
  readonly stage_id: unknown;
  readonly step_id: unknown;
  readonly role: unknown;
  readonly actor_id: unknown;
  readonly commands: unknown;
  readonly created_at: unknown;
  readonly due_at: unknown;
  readonly escalated_to: unknown;
}

/** Decodes an effect row of a SQL store. */
export const effectFromColumns = (row: EffectColumns): E.Either<string, StoredEffect> =>
  decodeStoredRow(StoredEffectCodec, {
    effectId: row.effect_id,
    orderId: row.order_id,
    kind: row.kind,
    payload: row.payload,
    availableAt: row.available_at,
    status: row.status,
    attempts: row.attempts,
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
    lastError: row.last_error,
  });

/** Decodes a timer row of a SQL store. */
export const timerFromColumns = (row: TimerColumns): E.Either<string, StoredTimer> =>
  decodeStoredRow(StoredTimerCodec, {
    timerId: row.timer_id,
    orderId: row.order_id,
    kind: row.kind,
    dueAt: row.due_at,
    payload: row.payload,
    status: row.status,
    claimedBy: row.claimed_by,
    leaseUntil: row.lease_until,
  });

/** Decodes a task row of a SQL store. */
export const taskFromColumns = (row: TaskColumns): E.Either<string, Task> =>
  decodeStoredRow(TaskCodec, {
    orderId: row.order_id,
    taskId: row.task_id,
    definitionKey: row.definition_key,
    stageId: row.stage_id,
    stepId: row.step_id,
    role: row.role,
    actorId: row.actor_id,
    commands: row.commands,
    createdAt: row.created_at,
    dueAt: row.due_at,
    escalatedTo: row.escalated_to,
  });

/** An order row as the SQL stores keep it: snake_case columns, `machine` and `context` parsed. */
export interface OrderColumns {
  readonly order_id: unknown;
  readonly definition_key: unknown;
  readonly version: unknown;
  readonly state: unknown;
  readonly status: unknown;
  readonly machine: unknown;
  readonly context: unknown;
  readonly created_at: unknown;
  readonly updated_at: unknown;
}

/** Decodes an order row of a SQL store. */
export const orderFromColumns = (row: OrderColumns): E.Either<string, StoredOrder> =>
  decodeStoredRow(StoredOrderCodec, {
    orderId: row.order_id,
    definitionKey: row.definition_key,
    version: row.version,
    state: row.state,
    status: row.status,
    machine: row.machine,
    context: row.context,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

/**
 * Decodes an order's audit rows, in the order given. `entryOf` yields a row's entry as a
 * value (a SQL store that keeps JSON text parses it there). The first row that does not
 * decode is a `StoredDataInvalid` naming it `audit[seq]`.
 */
export const auditTrailFromRows = <R extends { readonly seq: number }>(
  orderId: string,
  rows: readonly R[],
  entryOf: (row: R) => E.Either<string, unknown>,
): E.Either<StoredDataInvalid, AuditEntry[]> => {
  const trail: AuditEntry[] = [];
  for (const row of rows) {
    const entry = E.flatMap(entryOf(row), (u) => decodeStoredRow(AuditEntryCodec, u));
    if (E.isLeft(entry)) {
      const what = `audit[${row.seq}]`;
      return E.left({
        _tag: 'StoredDataInvalid',
        orderId,
        what,
        message: `order ${orderId}: ${what}: ${entry.left}`,
      });
    }
    trail.push(entry.right);
  }
  return E.right(trail);
};
