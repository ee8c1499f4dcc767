/** Unwraps an Either in a test, failing the test with the `left` when there is one. */
import type { Either } from 'fp-ts/lib/Either.js';
import { expect } from 'vitest';

/** The `right` value of `result`; fails the current test, showing the `left`, otherwise. */
export const expectRight = <A>(result: Either<unknown, A>): A => {
  if (result._tag === 'Left') {
    expect.fail(`expected right, got left: ${JSON.stringify(result.left)}`);
  }
  return result.right;
};

/** The `left` value of `result`; fails the current test otherwise. */
export const expectLeft = <L>(result: Either<L, unknown>): L => {
  if (result._tag === 'Right') {
    expect.fail(`expected left, got right: ${JSON.stringify(result.right)}`);
  }
  return result.left;
};
