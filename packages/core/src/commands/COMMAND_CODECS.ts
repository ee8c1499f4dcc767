/**
 * The payload codec of every command and system event (DESIGN §3). Amounts are decimal
 * strings here; {@link decodeCommand} turns them into minor units of the order's currency.
 */
import * as t from 'io-ts';

const Text = new t.Type<string, string, unknown>(
  'NonEmptyString',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) =>
    typeof u === 'string' && u.trim().length > 0
      ? t.success(u)
      : t.failure(u, c, 'expected a non-empty string'),
  (a) => a,
);

/** A decimal amount string such as `"1000000.00"` (checked against the currency later). */
export const AmountText = new t.Type<string, string, unknown>(
  'AmountText',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && /^(0|[1-9]\d*)(\.\d+)?$/.test(u)
      ? t.success(u)
      : t.failure(u, c, 'expected a decimal amount string such as "1000000.00"'),
  (a) => a,
);

const Evidence = t.intersection([
  t.type({
    documentSha256: Text,
    signerIdentity: Text,
    signedAt: Text,
    envelopeId: Text,
  }),
  t.partial({ contractSha256: Text, documentRef: Text }),
]);

const exact = <P extends t.Props, O extends t.Props>(required: P, optional: O) =>
  t.exact(t.intersection([t.type(required), t.partial(optional)]));
const none = exact({}, {});

/** Payload codecs of the commands actors send, by command type. */
export const COMMAND_CODECS = {
  confirmNeeds: exact({ documentId: Text }, {}),
  submitQualification: exact({ documents: t.array(Text) }, { sourceOfFunds: t.string }),
  recordQualification: exact(
    { result: t.keyof({ passed: null, failed: null, amlHit: null }) },
    { note: t.string },
  ),
  enterOrder: exact({}, { amount: AmountText, channel: Text }),
  verifyEntry: none,
  returnEntry: exact({ reason: Text }, {}),
  acknowledgeMismatch: exact(
    { warningDocumentId: Text, confirmationDocumentId: Text, clientInitiated: t.boolean },
    {},
  ),
  draftContract: exact({ contractId: Text, amount: AmountText, text: Text }, {}),
  requestSignature: exact({}, { recordingRef: Text }),
  recordSignature: exact({ evidence: Evidence }, { recordingRef: Text }),
  approve: exact({}, { step: Text, comment: t.string }),
  reject: exact({ reason: Text }, { step: Text }),
  returnForAmendment: exact({ reason: Text }, { step: Text, stage: Text }),
  amend: exact({}, { amount: AmountText, channel: Text }),
  delegate: exact({ to: Text }, { step: Text }),
  recordPayment: exact({ amount: AmountText, payerAccount: Text, reference: Text }, {}),
  withdraw: exact({ evidenceRef: Text }, { reason: t.string }),
  recordReturnVisit: exact(
    { outcome: t.keyof({ confirmed: null, unreachable: null }) },
    { recordingRef: Text, note: t.string },
  ),
  releaseFunds: none,
  recordTransfer: exact({ outcome: t.keyof({ settled: null, failed: null }), reference: Text }, {}),
  recordConfirmation: exact(
    { outcome: t.keyof({ confirmed: null, rejected: null }), reference: Text },
    { confirmedAmount: AmountText, units: Text },
  ),
  cancel: exact({ reason: Text }, {}),
  hold: exact({ reason: Text }, {}),
  releaseHold: exact({ note: Text }, {}),
  archive: none,
  completeTask: exact({ fields: t.record(t.string, t.union([t.string, t.number, t.boolean])) }, {}),
} as const;

/** Payload codecs of the events timers and providers send (as the system actor). */
export const SYSTEM_EVENT_CODECS = {
  signatureCompleted: exact({ evidence: Evidence }, { recordingRef: Text }),
  signatureExpired: exact({}, { key: t.string }),
  signatureDeclined: exact({}, { reason: t.string }),
  paymentDeadlinePassed: exact({}, { key: t.string }),
  coolingOffElapsed: exact({}, { key: t.string }),
  returnVisitDeadlinePassed: exact({}, { key: t.string }),
  slaBreached: exact({ key: t.string }, { stageId: t.string, stepId: t.string }),
  registrarLate: exact({}, { key: t.string }),
  transferSettled: exact({ reference: t.string }, {}),
  transferFailed: exact({ reason: t.string }, {}),
  transferUnknown: exact({ reason: t.string }, {}),
  refundSettled: exact({ reference: t.string }, {}),
  refundFailed: exact({ reason: t.string }, {}),
  refundUnknown: exact({ reason: t.string }, {}),
  confirmationReceived: exact(
    { outcome: t.keyof({ confirmed: null, rejected: null }), reference: t.string },
    { confirmedMinor: t.number, units: t.string },
  ),
} as const;

/** A command type an actor may send. */
export type CommandType = keyof typeof COMMAND_CODECS;
/** An event type only the system actor sends. */
export type SystemEventType = keyof typeof SYSTEM_EVENT_CODECS;

/** Every command type, in DESIGN §3 order. */
export const COMMAND_TYPES = Object.keys(COMMAND_CODECS) as readonly CommandType[];
/** Every system event type. */
export const SYSTEM_EVENT_TYPES = Object.keys(SYSTEM_EVENT_CODECS) as readonly SystemEventType[];

/** Whether `type` is a system event. */
export const isSystemEvent = (type: string): type is SystemEventType =>
  Object.hasOwn(SYSTEM_EVENT_CODECS, type);
