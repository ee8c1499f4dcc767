// S06 worker: one OS process committing orders to a shared SQLite file through the BUILT
// store (run `npx tsc -b` first), while claiming and completing whatever effects are due.
// Prints one JSON line: { committed, retries, claimed } on stdout.
import { createSqliteStore } from '../dist/index.js';

const [path, workerId, ordersArg, versionsArg] = process.argv.slice(2);
const orders = Number(ordersArg);
const versions = Number(versionsArg);
const AT = '2026-01-05T01:00:00.000Z';

// Opening is retried like any call that fails retryable (another process held a lock).
let opened = createSqliteStore({ path, busyTimeoutMs: 2000 });
for (let i = 0; i < 20 && opened._tag === 'Left' && opened.left.retryable; i++) {
  opened = createSqliteStore({ path, busyTimeoutMs: 2000 });
}
if (opened._tag === 'Left') {
  process.stderr.write(`${JSON.stringify(opened.left)}\n`);
  process.exit(2);
}
const store = opened.right;

const commitFor = (orderId, version) => ({
  expectedVersion: version - 1,
  order: {
    orderId,
    definitionKey: 'sample-fund@1',
    version,
    state: `stage${version}`,
    status: version === versions ? 'completed' : 'active',
    machine: { value: `stage${version}`, status: 'active', context: {} },
    context: { amountMinor: 100_000_00, by: workerId },
    createdAt: AT,
    updatedAt: AT,
  },
  audit: [
    {
      orderId,
      seq: version,
      at: AT,
      actorId: workerId,
      actorRoles: ['salesRep'],
      role: 'salesRep',
      command: 'step',
      outcome: 'accepted',
      fromState: `stage${version - 1}`,
      toState: `stage${version}`,
      version,
      facts: {},
      payload: null,
      prevHash: String(version - 1),
      hash: String(version),
    },
  ],
  effects: [
    {
      effectId: `${orderId}:effect:${version}`,
      orderId,
      kind: 'notify',
      payload: { version },
      availableAt: AT,
    },
  ],
  timers: [],
  cancelTimers: [],
  firedTimers: [],
  tasks: [],
});

let retries = 0;
/** Runs `call` until it is not a retryable failure; anything else ends the process. */
const persist = async (call) => {
  for (;;) {
    const result = await call();
    if (result._tag === 'Right') return result.right;
    if (result.left._tag === 'StoreFailed' && result.left.retryable) {
      retries += 1;
      continue;
    }
    process.stderr.write(`${JSON.stringify(result.left)}\n`);
    process.exit(3);
  }
};

const claimed = [];
const deliver = async () => {
  const due = await persist(() =>
    store.claimDueEffects({
      now: AT,
      workerId,
      leaseUntil: '2100-01-01T00:00:00.000Z',
      limit: 10,
    }),
  );
  for (const effect of due) {
    claimed.push(effect.effectId);
    await persist(() => store.completeEffect(effect.effectId, workerId));
  }
};

let committed = 0;
for (let i = 0; i < orders; i++) {
  const orderId = `${workerId}-order-${i}`;
  for (let version = 1; version <= versions; version++) {
    await persist(() => store.commit(commitFor(orderId, version)));
    committed += 1;
  }
  await deliver();
}
await deliver();
await store.close();
process.stdout.write(`${JSON.stringify({ committed, retries, claimed })}\n`);
