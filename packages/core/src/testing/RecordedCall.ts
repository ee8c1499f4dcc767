/** What the fakes record about each call. */

/** One call to a fake: which method, under which idempotency key, when, with what, and the answer. */
export interface RecordedCall<I, R> {
  readonly method: string;
  readonly idempotencyKey: string;
  /** ISO instant from the fake's clock. */
  readonly at: string;
  readonly input: I;
  readonly result: R;
}
