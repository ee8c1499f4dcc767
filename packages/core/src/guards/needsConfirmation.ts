/** Needs confirmation before qualification (DOMAIN §3.3). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `needs-confirmation`: the client's needs-confirmation letter is signed and on file. */
export const needsConfirmation: RuleGuard = ({ context }) =>
  context.needs === null
    ? refuse('needs-confirmation', 'the needs confirmation must be signed first', {
        needsConfirmed: false,
      })
    : E.right({ needsConfirmed: true, needsDocumentId: context.needs.documentId });
