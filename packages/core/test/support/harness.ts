/** A memory-store engine with a simulated clock and fake providers, for engine tests. */

import {
  type Actor,
  type Command,
  createEngine,
  createMemoryStore,
  type Engine,
  type EngineError,
  type OrderStore,
  type OrderView,
} from '@orderflow/core';
import {
  createBankSimulator,
  createFakeSignatureProvider,
  createRecordingNotifier,
  createRegistrarSimulator,
  createSimulatedClock,
} from '@orderflow/core/testing';
import { BUILTIN_IDS, type Definition, loadBuiltin, loadDefinition } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';

/** Every built-in definition, loaded once. */
export const BUILTINS: ReadonlyMap<string, Definition> = new Map(
  BUILTIN_IDS.map((id) => {
    const d = loadBuiltin(id);
    if (E.isLeft(d)) throw new Error(`builtin ${id}: ${JSON.stringify(d.left)}`);
    return [id, d.right];
  }),
);

/** A built-in definition by id. */
export const builtin = (id: string): Definition => {
  const d = BUILTINS.get(id);
  if (d === undefined) throw new Error(`no builtin ${id}`);
  return d;
};

/** Loads an inline definition (YAML or object) or throws with its errors. */
export const definitionOf = (source: string | object): Definition => {
  const d = loadDefinition(source as never);
  if (E.isLeft(d)) throw new Error(`definition: ${JSON.stringify(d.left, null, 2)}`);
  return d.right;
};

/** People of the tests, named by what they do. */
export const people = {
  rm1: { id: 'rm-1', roles: ['salesRep'] },
  rm2: { id: 'rm-2', roles: ['salesRep'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  director: { id: 'dir-1', roles: ['salesDirector'] },
  risk: { id: 'risk-1', roles: ['riskOfficer'] },
  risk2: { id: 'risk-2', roles: ['riskOfficer'] },
  comp: { id: 'comp-1', roles: ['complianceOfficer'] },
  head: { id: 'head-1', roles: ['headOfControl'] },
  legal: { id: 'legal-1', roles: ['legalCounsel'] },
  fin: { id: 'fin-1', roles: ['financeOfficer'] },
  ops: { id: 'ops-1', roles: ['operations'] },
  ops2: { id: 'ops-2', roles: ['operations'] },
  rv: { id: 'rv-1', roles: ['returnVisitAgent'] },
  branch: { id: 'br-1', roles: ['branchAdvisor'] },
} as const satisfies Record<string, Actor>;

/** Monday 2026-03-02, 10:00 in Shanghai: a trading day, before the cut-off. */
export const MONDAY_10_SHANGHAI = '2026-03-02T02:00:00.000Z';

/** An open input; override what the test is about. */
export const orderInput = (
  definition: string,
  overrides: {
    amount?: string;
    riskLevel?: string;
    investor?: Record<string, unknown>;
    product?: Record<string, unknown>;
    orderId?: string;
  } = {},
) => ({
  definition,
  ...(overrides.orderId === undefined ? {} : { orderId: overrides.orderId }),
  product: {
    code: 'F001',
    name: '稳健成长',
    riskLevel: overrides.riskLevel ?? 'R3',
    ...overrides.product,
  },
  investor: {
    id: 'inv-1',
    name: '张三',
    kind: 'individual' as const,
    classification: 'ordinary' as const,
    riskLevel: 'C3',
    lowestCategory: false,
    assessedAt: '2026-01-15',
    ownAccounts: ['6222-0001'],
    qualificationProof: 'proof-1',
    financialAssets: '5000000.00',
    ...overrides.investor,
  },
  amount: overrides.amount ?? '1000000.00',
  channel: 'branch',
});

/** An engine on a fresh memory store with a simulated clock and every fake provider. */
export function createHarness(
  options: { definitions?: readonly Definition[]; start?: string; maxAttempts?: number } = {},
) {
  const clock = createSimulatedClock(options.start ?? MONDAY_10_SHANGHAI);
  const store: OrderStore = createMemoryStore();
  const bank = createBankSimulator({ clock });
  const signer = createFakeSignatureProvider({ clock });
  const registrar = createRegistrarSimulator({ clock });
  const notifier = createRecordingNotifier({ clock });
  const engine: Engine = createEngine({
    definitions: options.definitions ?? [...BUILTINS.values()],
    store,
    clock,
    payments: bank,
    signer,
    registrar,
    notifier,
    ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
  });
  /** Sends a command and fails the test on refusal. */
  const ok = async (orderId: string, actor: Actor, command: Command): Promise<OrderView> =>
    right(await engine.dispatch(orderId, command, { actor }), `${actor.id} ${command.type}`);
  /** Sends a command and returns the refusal (fails the test if accepted). */
  const refused = async (orderId: string, actor: Actor, command: Command): Promise<EngineError> => {
    const r = await engine.dispatch(orderId, command, { actor });
    if (E.isRight(r))
      throw new Error(`${command.type} by ${actor.id} was accepted in ${r.right.state}`);
    return r.left;
  };
  const view = async (orderId: string, actor?: Actor) =>
    right(await engine.get(orderId, actor === undefined ? {} : { actor }), 'get');
  const audit = async (orderId: string) => right(await engine.history(orderId), 'history');
  const runDue = async () => right(await engine.runDue(), 'runDue');
  return {
    engine,
    store,
    clock,
    bank,
    signer,
    registrar,
    notifier,
    ok,
    refused,
    view,
    audit,
    runDue,
  };
}

/** The right of an Either, or a thrown error naming what failed. */
export function right<A>(e: E.Either<unknown, A>, what = 'value'): A {
  if (E.isLeft(e)) throw new Error(`${what}: ${JSON.stringify(e.left, null, 2)}`);
  return e.right;
}
