/** Temp-file SQLite stores for tests, under os.tmpdir(), removed when the file's tests end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from '@orderflow/sqlite';
import * as E from 'fp-ts/lib/Either.js';

/** A fresh temp directory and a function that removes it. */
export const tempDir = (): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'orderflow-sqlite-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Opens a store or fails the test. */
export const openStore = (options: SqliteStoreOptions): SqliteStore => {
  const store = createSqliteStore(options);
  if (E.isLeft(store)) throw new Error(`cannot open ${options.path}: ${store.left.message}`);
  return store.right;
};
