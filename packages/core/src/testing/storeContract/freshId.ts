/** Unique ids, so contract tests can share one database. */
import { randomUUID } from 'node:crypto';

/** A new id `prefix-<uuid>`, never used before. */
export const freshId = (prefix: string): string => `${prefix}-${randomUUID()}`;
