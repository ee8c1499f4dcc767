/** Every business-rule guard of DOMAIN §3, by its stable rule id. */
import { amlHold } from './amlHold.js';
import { amountMismatch } from './amountMismatch.js';
import { approvalsIncomplete } from './approvalsIncomplete.js';
import { assessmentExpired } from './assessmentExpired.js';
import { coolingOff } from './coolingOff.js';
import { cutOff } from './cutOff.js';
import { guaranteedReturn } from './guaranteedReturn.js';
import { lowestCategory } from './lowestCategory.js';
import { minimumAmount } from './minimumAmount.js';
import { needsConfirmation } from './needsConfirmation.js';
import { payerAccount } from './payerAccount.js';
import { qualifiedInvestor } from './qualifiedInvestor.js';
import type { RuleGuard } from './RuleGuard.js';
import { recordingRequired } from './recordingRequired.js';
import { returnVisitRequired } from './returnVisitRequired.js';
import { roleLine } from './roleLine.js';
import { segregationOfDuties } from './segregationOfDuties.js';
import { signatureEvidence } from './signatureEvidence.js';
import { suitability } from './suitability.js';

/**
 * The rule guards by stable id: `segregation-of-duties`, `role-line`, `needs-confirmation`,
 * `assessment-expired`, `suitability`, `lowest-category`, `qualified-investor`,
 * `minimum-amount`, `amount-mismatch`, `payer-account`, `guaranteed-return`,
 * `signature-evidence`, `recording-required`, `cooling-off`, `approvals-incomplete`,
 * `return-visit-required`, `cut-off`, `aml-hold`.
 */
export const RULE_GUARDS = {
  'segregation-of-duties': segregationOfDuties,
  'role-line': roleLine,
  'needs-confirmation': needsConfirmation,
  'assessment-expired': assessmentExpired,
  suitability,
  'lowest-category': lowestCategory,
  'qualified-investor': qualifiedInvestor,
  'minimum-amount': minimumAmount,
  'amount-mismatch': amountMismatch,
  'payer-account': payerAccount,
  'guaranteed-return': guaranteedReturn,
  'signature-evidence': signatureEvidence,
  'recording-required': recordingRequired,
  'cooling-off': coolingOff,
  'approvals-incomplete': approvalsIncomplete,
  'return-visit-required': returnVisitRequired,
  'cut-off': cutOff,
  'aml-hold': amlHold,
} as const satisfies Record<string, RuleGuard>;

/** A stable rule id of DOMAIN §3. */
export type RuleId = keyof typeof RULE_GUARDS;

/** Whether `name` is a rule id (and not a routing guard of the machine). */
export const isRuleId = (name: string): name is RuleId => Object.hasOwn(RULE_GUARDS, name);
