/** Types of the recording notifier. */
import type { Either } from 'fp-ts/lib/Either.js';
import type { Clock } from '../ports/Clock.js';
import type { Notification, Notifier, NotifyFailed } from '../ports/Notifier.js';
import type { RecordedCall } from './RecordedCall.js';
import type { ScriptOptions } from './Script.js';

/** What the recording notifier does with one send: deliver, or fail for now / for good. */
export type NotifyStep = 'deliver' | 'failRetryable' | 'fail';

/** Settings of {@link createRecordingNotifier}. Unscripted sends are delivered. */
export interface RecordingNotifierOptions extends ScriptOptions<NotifyStep> {
  /** Stamps recorded calls. Default: the system clock. */
  readonly clock?: Clock;
}

/** A recorded `send` call. */
export type NotifyCall = RecordedCall<
  Notification,
  Either<NotifyFailed, { readonly messageId: string }>
>;

/** A {@link Notifier} that keeps what it was asked to send, for assertions. */
export interface RecordingNotifier extends Notifier {
  /** Notifications delivered, in order; one per successful send (a resend appears again). */
  delivered(): readonly Notification[];
  /** Every send, delivered or failed, in order; with `key`, only that key's. */
  calls(key?: string): readonly NotifyCall[];
  /** Scripts the next sends, whatever their key. */
  queue(...steps: readonly NotifyStep[]): void;
  /** Scripts the next sends with `key`. */
  queueFor(key: string, ...steps: readonly NotifyStep[]): void;
}
