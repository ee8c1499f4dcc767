// S03 worker: one OS process running an orderflow engine on a shared SQLite file, through
// the BUILT packages (run `npx tsc -b` first). It races the other workers to drive
// public-fund orders from opening to archive, retrying whatever a race refuses.
//
// argv: path workerId orders clockOffsetMs crashInTransfer
//   clockOffsetMs   added to the fixed start instant (a restarted worker passes leases)
//   crashInTransfer N > 0: SIGKILL this process inside the Nth transfer, after the bank
//                   moved the money and before the engine records it (the worst moment)
// stdout, one JSON line each: {"accepted":[orderId,version,command]} after every accepted
// command, then {"done":{conflicts,refusals,retries}}.
import { createEngine } from '@orderflow/core';
import { loadBuiltin } from '@orderflow/definitions';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../dist/index.js';

const [path, workerId, ordersArg, offsetArg, crashArg] = process.argv.slice(2);
const orders = Number(ordersArg);
const crashInTransfer = Number(crashArg ?? 0);
const NOW = Date.parse('2026-03-02T02:00:00.000Z') + Number(offsetArg ?? 0);

const emit = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const fail = (what, detail) => {
  process.stderr.write(`${workerId}: ${what}: ${JSON.stringify(detail)}\n`);
  process.exit(3);
};

const definition = loadBuiltin('public-fund-purchase');
if (definition._tag === 'Left') fail('definition', definition.left);
// Opening is retried like any call that fails retryable (another process held a lock).
let opened = createSqliteStore({ path, busyTimeoutMs: 10_000 });
for (let i = 0; i < 20 && opened._tag === 'Left' && opened.left.retryable; i++) {
  opened = createSqliteStore({ path, busyTimeoutMs: 10_000 });
}
if (opened._tag === 'Left') fail('store', opened.left);
const store = opened.right;

// A fake bank: every transfer call is a row in bank_calls (the test counts them); a key
// that was settled before settles again with the same reference, as a bank's idempotency
// would.
const bankDb = new Database(path, { timeout: 10_000 });
const recordCall = bankDb.prepare(
  'INSERT INTO bank_calls (key, order_id, kind, amount_minor, worker) VALUES (?, ?, ?, ?, ?)',
);
let transfers = 0;
const payments = {
  transfer: async (instruction) => {
    recordCall.run(
      instruction.idempotencyKey,
      instruction.orderId,
      instruction.kind,
      instruction.amountMinor,
      workerId,
    );
    transfers += 1;
    if (transfers === crashInTransfer) process.kill(process.pid, 'SIGKILL');
    return {
      _tag: 'Right',
      right: { _tag: 'Settled', reference: `ref-${instruction.idempotencyKey}` },
    };
  },
  status: async (key) => ({ _tag: 'Right', right: { _tag: 'Settled', reference: `ref-${key}` } }),
};
const registrar = {
  requestConfirmation: async (request) => ({
    _tag: 'Right',
    right: {
      _tag: 'Confirmed',
      confirmedMinor: request.amountMinor,
      units: (request.amountMinor / 100).toFixed(2),
      reference: `reg-${request.idempotencyKey}`,
    },
  }),
};

const engine = createEngine({
  definitions: [definition.right],
  store,
  clock: { now: () => NOW },
  payments,
  registrar,
  workerId,
});

const people = {
  rm: { id: 'rm-1', roles: ['salesRep'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  ops: { id: 'ops-1', roles: ['operations'] },
};
const input = (orderId) => ({
  definition: 'public-fund-purchase',
  orderId,
  product: { code: 'F001', name: '稳健成长', riskLevel: 'R3' },
  investor: {
    id: `inv-${orderId}`,
    name: '张三',
    kind: 'individual',
    classification: 'ordinary',
    riskLevel: 'C3',
    lowestCategory: false,
    assessedAt: '2026-01-15',
    ownAccounts: ['6222-0001'],
    qualificationProof: 'proof-1',
    financialAssets: '5000000.00',
  },
  amount: '1000000.00',
  channel: 'branch',
});

/** The next command in `state`, or null when only due work (runDue) moves the order. */
const nextCommand = (view) => {
  const [top, sub] = view.state.split('.');
  const amount = (view.context.amountMinor / 100).toFixed(2);
  switch (top) {
    case 'needs':
      return [people.rm, { type: 'confirmNeeds', documentId: 'needs-letter-1' }];
    case 'entry':
      return sub === 'entering'
        ? [people.rm, { type: 'enterOrder' }]
        : [people.ops, { type: 'verifyEntry' }];
    case 'approval':
      return [people.sup, { type: 'approve' }];
    case 'payment':
      return [
        people.ops,
        { type: 'recordPayment', amount, payerAccount: '6222-0001', reference: 'pay-1' },
      ];
    case 'fundRelease':
      return sub === 'ready' || sub === 'failed' ? [people.ops, { type: 'releaseFunds' }] : null;
    case 'archive':
      return [people.ops, { type: 'archive' }];
    default:
      return null;
  }
};

const tally = { conflicts: 0, refusals: 0, retries: 0 };
/** Counts what a race refuses; ends the process on anything else. */
const refused = (error) => {
  if (error._tag === 'VersionConflict') tally.conflicts += 1;
  else if (['CommandNotAllowed', 'GuardFailed', 'Forbidden'].includes(error._tag)) {
    tally.refusals += 1;
  } else if (error._tag === 'StoreFailed' && error.retryable) tally.retries += 1;
  else fail('refused', error);
};

const ids = Array.from({ length: orders }, (_, i) => `order-${i}`);
const start = Number(workerId.replace(/\D/g, '') || 0) % Math.max(1, orders);
const rotated = [...ids.slice(start), ...ids.slice(0, start)];

for (let round = 0; round < 200; round++) {
  let active = 0;
  for (const orderId of rotated) {
    const got = await engine.get(orderId);
    if (got._tag === 'Left') {
      if (got.left._tag !== 'OrderNotFound') {
        refused(got.left);
        active += 1;
        continue;
      }
      active += 1;
      const created = await engine.open(input(orderId), { actor: people.rm });
      if (created._tag === 'Left') refused(created.left);
      else emit({ accepted: [orderId, created.right.version, 'open'] });
      continue;
    }
    const view = got.right;
    if (view.status !== 'active') {
      if (view.status !== 'completed') fail('ended', view.state);
      continue;
    }
    active += 1;
    const next = nextCommand(view);
    if (next === null) continue;
    const [actor, command] = next;
    const result = await engine.dispatch(orderId, command, { actor });
    if (result._tag === 'Left') refused(result.left);
    else emit({ accepted: [orderId, result.right.version, command.type] });
  }
  const due = await engine.runDue();
  if (due._tag === 'Left') refused(due.left);
  if (active === 0) break;
}
emit({ done: tally });
await store.close();
bankDb.close();
