import type { EngineError } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { settleRace } from '../src/settleRace.js';

const conflict: EngineError = {
  _tag: 'VersionConflict',
  orderId: 'o',
  expectedVersion: 1,
  actualVersion: 2,
};
const notAllowed: EngineError = {
  _tag: 'CommandNotAllowed',
  orderId: 'o',
  command: 'confirmNeeds',
  state: 'entry.entering',
  allowed: ['enterOrder'],
};
const guard: EngineError = {
  _tag: 'GuardFailed',
  orderId: 'o',
  command: 'verifyEntry',
  rule: 'segregation-of-duties',
  message: 'm',
  facts: {},
};

/** Answers each call with the next of `answers`, counting calls. */
const scripted = (...answers: E.Either<EngineError, string>[]) => {
  let calls = 0;
  const attempt = async () => answers[calls++] ?? E.left(guard);
  return { attempt, calls: () => calls };
};

describe('settleRace', () => {
  it('asks once more after a VersionConflict or a CommandNotAllowed under an idempotency key', async () => {
    for (const lost of [conflict, notAllowed]) {
      const s = scripted(E.left(lost), E.right('remembered response'));
      expect(await settleRace('k', s.attempt)).toEqual(E.right('remembered response'));
      expect(s.calls()).toBe(2);
    }
  });

  it('answers the first result without a key, on success, and on any other refusal', async () => {
    const noKey = scripted(E.left(conflict), E.right('x'));
    expect(await settleRace(undefined, noKey.attempt)).toEqual(E.left(conflict));
    const ok = scripted(E.right('done'));
    expect(await settleRace('k', ok.attempt)).toEqual(E.right('done'));
    const refused = scripted(E.left(guard), E.right('x'));
    expect(await settleRace('k', refused.attempt)).toEqual(E.left(guard));
    expect([noKey.calls(), ok.calls(), refused.calls()]).toEqual([1, 1, 1]);
  });

  it('asks only once more, returning the second refusal when there was no twin', async () => {
    const s = scripted(E.left(notAllowed), E.left(notAllowed), E.right('x'));
    expect(await settleRace('k', s.attempt)).toEqual(E.left(notAllowed));
    expect(s.calls()).toBe(2);
  });
});
