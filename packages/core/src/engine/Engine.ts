/** The public surface of the engine (DESIGN §3). */
import type { Definition } from '@orderflow/definitions';
import type { Either } from 'fp-ts/lib/Either.js';
import type { Command, SystemEvent } from '../commands/Command.js';
import type { OpenInput } from '../commands/OpenInput.js';
import type { Actor, SystemActor } from '../domain/Actor.js';
import type { AuditEntry } from '../domain/AuditEntry.js';
import type { Task } from '../domain/Task.js';
import type { EngineError } from '../errors/EngineError.js';
import type { OrderContext } from '../machine/OrderContext.js';
import type { Calendar } from '../ports/Calendar.js';
import type { Clock } from '../ports/Clock.js';
import type { Directory } from '../ports/Directory.js';
import type { Notifier } from '../ports/Notifier.js';
import type { OrderStore } from '../ports/OrderStore.js';
import type { PaymentGateway } from '../ports/PaymentGateway.js';
import type { Registrar } from '../ports/Registrar.js';
import type { SignatureProvider } from '../ports/SignatureProvider.js';

/** What `createEngine` needs: the definitions it runs, a store, and optional ports. */
export interface EngineOptions {
  /** Loaded definitions; orders are pinned to one `id@version`. */
  readonly definitions: readonly Definition[];
  readonly store: OrderStore;
  readonly notifier?: Notifier;
  readonly signer?: SignatureProvider;
  readonly payments?: PaymentGateway;
  readonly registrar?: Registrar;
  readonly directory?: Directory;
  /** Default: the system clock. */
  readonly clock?: Clock;
  /** Default: one per definition, from its `productRules.cutOff` (15:00 Asia/Shanghai). */
  readonly calendar?: Calendar;
  /** Effect deliveries before an effect is failed for good (default 5). */
  readonly maxAttempts?: number;
  /** Identifies this engine's claims (default: random). */
  readonly workerId?: string;
}

/** An order as a caller sees it, with the commands the given actor may send now. */
export interface OrderView {
  readonly orderId: string;
  readonly definitionKey: string;
  readonly version: number;
  /** The state path, e.g. `approval.risk`, `withdrawn.refunded`. */
  readonly state: string;
  /** `active`, or how the order ended: `completed`, `rejected`, `cancelled`, `withdrawn`, `expired`, `unconfirmed`. */
  readonly status: string;
  readonly held: boolean;
  /** The current revision (1, then 2 after an amendment, …). */
  readonly revision: number;
  readonly context: OrderContext;
  /** Commands the actor passed to `get` (or `dispatch`) may send now; empty without an actor. */
  readonly allowedCommands: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A task of the inbox, with whether its SLA has passed. */
export interface TaskView extends Task {
  readonly overdue: boolean;
}

/** What `runDue` did. */
export interface RunDueReport {
  readonly timersFired: number;
  readonly effectsDelivered: number;
  readonly effectsRetried: number;
  readonly effectsFailed: number;
}

/** Where an audit chain breaks. */
export interface AuditVerification {
  readonly valid: boolean;
  readonly entries: number;
  /** The first broken entry, when the chain does not hold. */
  readonly brokenAt: {
    readonly seq: number;
    readonly index: number;
    readonly reason: string;
    readonly message: string;
  } | null;
}

/** Options of `dispatch`. */
export interface DispatchOptions {
  readonly actor: Actor;
  /** A retried command with the same key changes the order once and returns the same view. */
  readonly idempotencyKey?: string;
  /** Refuse with `VersionConflict` unless the order is still at this version. */
  readonly expectedVersion?: number;
}

/** The engine. Every fallible call returns `Promise<Either<EngineError, A>>`. */
export interface Engine {
  /** Opens a new order on a definition; the actor becomes its owner. */
  open(
    input: OpenInput,
    options: { readonly actor: Actor; readonly idempotencyKey?: string },
  ): Promise<Either<EngineError, OrderView>>;
  /** Runs one command on an order. */
  dispatch(
    orderId: string,
    command: Command,
    options: DispatchOptions,
  ): Promise<Either<EngineError, OrderView>>;
  /**
   * Feeds a timer or provider event to an order (a verified e-signature callback, a bank's
   * answer), as the system actor: the same path as a command.
   *
   * @example engine.dispatch(orderId, { type: 'signatureCompleted', evidence }, { actor: SYSTEM_ACTOR })
   */
  dispatch(
    orderId: string,
    event: SystemEvent,
    options: DispatchOptions & { readonly actor: SystemActor },
  ): Promise<Either<EngineError, OrderView>>;
  /** The order now (or a frozen earlier `revision`), with the actor's allowed commands. */
  get(
    orderId: string,
    options?: { readonly actor?: Actor; readonly revision?: number },
  ): Promise<Either<EngineError, OrderView>>;
  /** The audit trail, oldest first. */
  history(orderId: string): Promise<Either<EngineError, readonly AuditEntry[]>>;
  /** Recomputes the hash chain; names the first broken entry. */
  verifyAudit(orderId: string): Promise<Either<EngineError, AuditVerification>>;
  /** The work inbox of an actor (their roles and their person) or of a role. */
  tasks(
    query: { readonly actor: Actor } | { readonly role: string },
    options?: { readonly now?: number; readonly limit?: number },
  ): Promise<Either<EngineError, readonly TaskView[]>>;
  /** Fires due timers and delivers due effects once. */
  runDue(now?: number): Promise<Either<EngineError, RunDueReport>>;
  /** Runs `runDue` every `pollMs` in the background until stopped. */
  worker(options: { readonly pollMs: number }): { stop(): Promise<void> };
}
