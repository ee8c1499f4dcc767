/** Checks a refusal: its rule, that it is in the audit trail, and that nothing changed. */
import type { EngineError } from '@orderflow/core';
import { expect } from 'vitest';
import type { createHarness } from './harness.js';

/**
 * Expects `error` to be a `GuardFailed` with `rule`, the last audit entry to be the refused
 * attempt with that rule, and the order's version to be `version` still.
 */
export async function expectRefused(
  h: ReturnType<typeof createHarness>,
  orderId: string,
  error: EngineError,
  rule: string,
  version: number,
): Promise<void> {
  expect(error._tag).toBe('GuardFailed');
  if (error._tag !== 'GuardFailed') return;
  expect(error.rule).toBe(rule);
  const trail = await h.audit(orderId);
  const last = trail.at(-1);
  expect(last?.outcome).toBe('refused');
  expect(last?.facts.rule).toBe(rule);
  expect(last?.version).toBe(version);
  expect((await h.view(orderId)).version).toBe(version);
}
