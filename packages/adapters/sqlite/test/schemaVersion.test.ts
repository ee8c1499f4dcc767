import { join } from 'node:path';
import { createSqliteStore, SQLITE_SCHEMA_VERSION } from '@orderflow/sqlite';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, tempDir } from './openTempStore.js';

const temp = tempDir();
afterAll(temp.remove);

describe('SQLite schema', () => {
  it('creates the schema on open and records its version', async () => {
    const path = join(temp.dir, 'new.db');
    const store = openStore({ path });
    expect(store.schemaVersion).toBe(SQLITE_SCHEMA_VERSION);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('opens a file it created before without migrating it again', async () => {
    const path = join(temp.dir, 'twice.db');
    await openStore({ path }).close();
    const again = openStore({ path });
    expect(again.schemaVersion).toBe(SQLITE_SCHEMA_VERSION);
    await again.close();
  });

  it('refuses a file from a newer schema with a clear, non-retryable error and leaves it alone', () => {
    const path = join(temp.dir, 'future.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    db.close();

    const store = createSqliteStore({ path });
    expect(E.isLeft(store) && store.left).toMatchObject({
      _tag: 'StoreFailed',
      operation: 'open',
      retryable: false,
    });
    expect(E.isLeft(store) && store.left.message).toMatch(/schema version \d+, newer than/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION + 1);
    after.close();
  });

  it('answers a path it cannot open with StoreFailed instead of throwing', () => {
    const store = createSqliteStore({ path: join(temp.dir, 'missing-dir', 'x', 'orders.db') });
    expect(E.isLeft(store) && store.left).toMatchObject({ _tag: 'StoreFailed', operation: 'open' });
  });

  it('runs in WAL with foreign keys on, syncing every commit unless told otherwise', async () => {
    const full = openStore({ path: join(temp.dir, 'full.db'), busyTimeoutMs: 1234 });
    expect(full.settings).toEqual({
      journalMode: 'wal',
      synchronous: 'FULL',
      foreignKeys: true,
      busyTimeoutMs: 1234,
    });
    const normal = openStore({ path: join(temp.dir, 'normal.db'), synchronous: 'NORMAL' });
    expect(normal.settings).toMatchObject({ synchronous: 'NORMAL', busyTimeoutMs: 5000 });
    await full.close();
    await normal.close();
  });
});
