/** An OrderStore that hands every successful commit to a callback: how the bench records a lifecycle. */
import type { Commit, OrderStore } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';

/** Wraps `inner`; `onCommit` sees each commit the inner store accepted. */
export const recordingStore = (inner: OrderStore, onCommit: (c: Commit) => void): OrderStore => ({
  load: (id) => inner.load(id),
  commit: async (c) => {
    const r = await inner.commit(c);
    if (E.isRight(r)) onCommit(c);
    return r;
  },
  appendAudit: (id, at, entries) => inner.appendAudit(id, at, entries),
  history: (id) => inner.history(id),
  idempotent: (key) => inner.idempotent(key),
  tasks: (q) => inner.tasks(q),
  claimDueTimers: (r) => inner.claimDueTimers(r),
  claimDueEffects: (r) => inner.claimDueEffects(r),
  completeEffect: (id, w) => inner.completeEffect(id, w),
  failEffect: (id, w, f) => inner.failEffect(id, w, f),
  effects: (id) => inner.effects(id),
  timers: (id) => inner.timers(id),
  close: () => inner.close(),
});
