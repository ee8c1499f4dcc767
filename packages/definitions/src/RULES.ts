/** The stable ids of every rule a definition is checked against, with their meaning. */

/** Every rule id, with a one-line meaning (the reference in docs/ lists the same). */
export const RULES = {
  'file-read': 'the definition file cannot be read',
  'yaml-syntax': 'the text is not well-formed YAML (or has a duplicate key)',
  'yaml-alias-limit': 'the YAML expands too many aliases (an alias bomb)',
  'yaml-size-limit': 'the file is larger than the size limit (1 MiB)',
  'unknown-key': 'a key the format does not declare (a typo is never silently ignored)',
  'missing-key': 'a required key is absent',
  'invalid-value': 'a value has the wrong type or is not one of the allowed values',
  'unknown-kind': 'a stage kind that does not exist',
  'amount-format': 'an amount is not a plain decimal string such as "1000000.00"',
  'amount-precision': 'an amount has more decimals than the currency has',
  currency: 'not an ISO 4217 currency code known to the runtime',
  duration: 'not an ISO-8601 duration such as "PT24H"',
  'duplicate-id': 'two stages, or two steps of one definition, share an id',
  'unknown-role': 'a role that is not declared under `roles`',
  'unknown-escalation-role': '`escalateTo` names a role that is not declared',
  'unknown-reject-target': '`onReject` names neither `rejected` nor a stage before it',
  'unknown-step': 'a decision-table rule requires a step that its stage does not have',
  'empty-approval-chain': 'an approval stage or parallel group has no steps',
  'quorum-exceeds-group': 'a quorum larger than the number of steps in its group',
  'quorum-policy': '`quorum` given without policy `quorum`, or policy `quorum` without it',
  'decision-arity': 'a decision-table rule has not one unary test per input',
  'feel-syntax': 'a FEEL expression or unary test does not parse',
  'feel-unknown-name': 'a FEEL name the condition context cannot have',
  'feel-not-boolean': 'a `when` condition that does not give true or false on a sample order',
  'stage-order': 'stages in an order DOMAIN forbids (e.g. contract before qualification)',
  'stage-missing': 'a stage the others need is absent (e.g. cooling-off without signing)',
  'sales-line-control':
    'a return visit, qualification review or risk/compliance/legal approval given (or escalated) to a sales-line role',
  'cooling-off-rules': 'a cooling-off stage without `productRules.coolingOff`, or the reverse',
  'cooling-off-too-short': 'a private product cooling-off shorter than 24 hours',
  'public-cooling-off': 'a public fund with a cooling-off period',
  'qualified-investor-rules': 'a private product without `productRules.qualifiedInvestor`',
  'recording-without-signing': '`recordingRequired` with no signing stage to record',
  'cut-off-rules': 'a public fund without `productRules.cutOff`',
  'assessment-validity': 'a private product whose risk assessment stays valid longer than 3 years',
  'risk-scale': 'an empty or repeated risk level in the suitability scales',
} as const;

/** A rule id. */
export type RuleId = keyof typeof RULES;
