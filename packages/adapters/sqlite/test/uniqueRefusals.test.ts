import { sampleCommit, sampleEffect } from '@orderflow/core/testing';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { openStore } from './openTempStore.js';

const used = (orderId: string) =>
  sampleCommit(orderId, 1, {
    effects: [sampleEffect('e-stored', orderId)],
    idempotency: { key: 'k-used', response: { orderId } },
  });

describe('SQLite commits refused by a UNIQUE constraint', () => {
  it('names an effect id stored before, even when the idempotency key is used too', async () => {
    const store = openStore({ path: ':memory:' });
    expect(await store.commit(used('first'))).toEqual(E.right(undefined));
    const again = sampleCommit('second', 1, {
      effects: [sampleEffect('e-new', 'second'), sampleEffect('e-stored', 'second')],
      idempotency: { key: 'k-used', response: {} },
    });
    const result = await store.commit(again);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: false,
      message: expect.stringContaining('effect e-stored already exists'),
    });
    expect(await store.load('second')).toEqual(E.right(undefined));
    expect(await store.effects('second')).toEqual(E.right([]));
    await store.close();
  });

  it('refuses a used idempotency key as retryable, writing nothing', async () => {
    const store = openStore({ path: ':memory:' });
    expect(await store.commit(used('first'))).toEqual(E.right(undefined));
    const again = sampleCommit('second', 1, {
      effects: [sampleEffect('e-other', 'second')],
      idempotency: { key: 'k-used', response: {} },
    });
    const result = await store.commit(again);
    expect(E.isLeft(result) && result.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: true,
      message: expect.stringContaining('idempotency key k-used is already used'),
    });
    expect(await store.load('second')).toEqual(E.right(undefined));
    expect(await store.effects('second')).toEqual(E.right([]));
    expect(await store.idempotent('k-used')).toEqual(E.right({ orderId: 'first' }));
    await store.close();
  });

  it('answers an effect id repeated within one commit with the used key first, else SQLite’s error', async () => {
    const store = openStore({ path: ':memory:' });
    expect(await store.commit(used('first'))).toEqual(E.right(undefined));
    const twice = (key: string) =>
      sampleCommit('second', 1, {
        effects: [sampleEffect('e-twice', 'second'), sampleEffect('e-twice', 'second')],
        idempotency: { key, response: {} },
      });
    const withUsedKey = await store.commit(twice('k-used'));
    expect(E.isLeft(withUsedKey) && withUsedKey.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: true,
    });
    const withNewKey = await store.commit(twice('k-new'));
    expect(E.isLeft(withNewKey) && withNewKey.left).toMatchObject({
      _tag: 'StoreFailed',
      retryable: false,
      message: expect.stringContaining('SQLITE_CONSTRAINT_UNIQUE'),
    });
    expect(await store.effects('second')).toEqual(E.right([]));
    expect(await store.idempotent('k-new')).toEqual(E.right(undefined));
    await store.close();
  });
});
