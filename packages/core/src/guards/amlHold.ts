/** A held order takes no command but the release of its hold (DOMAIN §2 AML). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

/** `aml-hold`: the order is not on hold. */
export const amlHold: RuleGuard = ({ context }) =>
  context.held === null
    ? E.right({ held: false })
    : refuse('aml-hold', 'the order is on hold', {
        held: true,
        holdRule: context.held.rule,
        clientReason: context.held.clientReason,
      });
