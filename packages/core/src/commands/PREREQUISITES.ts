/**
 * Rules checked for a command even when the order is not yet (or no longer) in a state
 * that takes it, so that sending it early is refused with the rule, not only as "not
 * allowed now" (e.g. qualification before the needs confirmation, funds released before
 * the approvals, a return visit during cooling-off).
 */
import type { RuleId } from '../guards/RULE_GUARDS.js';
import type { CommandType } from './COMMAND_CODECS.js';

/** Prerequisite rules per command type. */
export const PREREQUISITES: Partial<Record<CommandType, readonly RuleId[]>> = {
  submitQualification: ['needs-confirmation'],
  draftContract: ['suitability'],
  requestSignature: ['assessment-expired'],
  recordSignature: ['assessment-expired'],
  recordReturnVisit: ['cooling-off', 'role-line'],
  releaseFunds: ['approvals-incomplete', 'return-visit-required'],
};
