import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orderStoreContract } from '@orderflow/core/testing';
import { createSqliteStore } from '@orderflow/sqlite';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'orderflow-sqlite-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

orderStoreContract(
  'S01 the SQLite store',
  () => {
    const store = createSqliteStore({ path: join(dir, 'orders.db') });
    if (E.isLeft(store)) throw new Error(`cannot open the store: ${store.left.message}`);
    return store.right;
  },
  { sharedStorage: true },
);

orderStoreContract('S01 the SQLite store in memory', () => {
  const store = createSqliteStore({ path: ':memory:' });
  if (E.isLeft(store)) throw new Error(`cannot open the store: ${store.left.message}`);
  return store.right;
});
