// S02/S03 worker: one OS process running an orderflow engine on the shared PostgreSQL schema,
// through the BUILT packages (run `npx tsc -b` first). It races the other workers to drive
// public-fund orders from opening to archive, retrying whatever a race refuses.
//
// argv: url schema workerId orders clockOffsetMs crashInTransfer [hangInTransfer]
//   clockOffsetMs   added to the fixed start instant (a restarted worker passes leases)
//   crashInTransfer N > 0: SIGKILL this process inside the Nth transfer, after the bank
//                   moved the money and before the engine records it (the worst moment)
//   hangInTransfer  N > 0: the bank takes the Nth transfer and never answers, so this process
//                   cannot finish on its own; it runs until it is killed from outside
// stdout, one JSON line each: {"accepted":[orderId,version,command]} after every accepted
// command, then {"done":{conflicts,refusals,retries}}.
import { raceOrders } from '@orderflow/core/testing/fakes';
import pg from 'pg';
import { createPostgresStore } from '../dist/index.js';

const [url, schema, workerId, ordersArg, offsetArg, crashArg, hangArg] = process.argv.slice(2);
const crashInTransfer = Number(crashArg ?? 0);
const hangInTransfer = Number(hangArg ?? 0);
const S = pg.escapeIdentifier(schema);

const emit = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const fail = (what, detail) => {
  process.stderr.write(`${workerId}: ${what}: ${JSON.stringify(detail)}\n`);
  process.exit(3);
};

const opened = await createPostgresStore({ connectionString: url, schema, poolSize: 4 });
if (opened._tag === 'Left') fail('store', opened.left);
const store = opened.right;

// The fake bank's record: every transfer call is a row in bank_calls (the test counts them).
const bankDb = new pg.Pool({ connectionString: url, max: 1 });
const recordTransfer = async (instruction) => {
  await bankDb.query(
    `INSERT INTO ${S}.bank_calls (key, order_id, kind, amount_minor, worker) VALUES ($1, $2, $3, $4, $5)`,
    [
      instruction.idempotencyKey,
      instruction.orderId,
      instruction.kind,
      instruction.amountMinor,
      workerId,
    ],
  );
};

const raced = await raceOrders({
  store,
  workerId,
  orders: Number(ordersArg),
  now: Date.parse('2026-03-02T02:00:00.000Z') + Number(offsetArg ?? 0),
  recordTransfer,
  crashInTransfer,
  hangInTransfer,
  emit,
});
if (raced._tag === 'Left') fail(raced.left.what, raced.left.detail);
emit({ done: raced.right });
await store.close();
await bankDb.end();
