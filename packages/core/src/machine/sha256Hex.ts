/** Hex sha256 of a UTF-8 string. */
import { createHash } from 'node:crypto';

/** The hex sha256 of `text` (UTF-8). */
export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');
