/** Definition thresholds (decimal strings) in minor units. */
import { parseAmount } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';

/**
 * Minor units of a threshold from a definition. Thresholds are validated at load, so a
 * failure here is a programmer error.
 */
export const thresholdMinor = (text: string, currency: string): number => {
  const parsed = parseAmount(text, currency);
  if (E.isLeft(parsed)) throw new RangeError(`threshold ${text}: ${parsed.left.message}`);
  return parsed.right;
};
