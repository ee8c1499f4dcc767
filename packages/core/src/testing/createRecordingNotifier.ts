/** A notifier for tests that records every notification and can be told to fail. */
import * as E from 'fp-ts/lib/Either.js';
import { type Clock, systemClock } from '../ports/Clock.js';
import type { Notification, NotifyFailed } from '../ports/Notifier.js';
import type {
  NotifyCall,
  RecordingNotifier,
  RecordingNotifierOptions,
} from './RecordingNotifier.js';
import { createScript } from './Script.js';

/**
 * Creates a {@link RecordingNotifier}. It does not deduplicate: a notification sent twice
 * under one key is delivered twice, so tests can prove the outbox sends each one once.
 *
 * @example
 * const notifier = createRecordingNotifier({ script: ['failRetryable'] });
 * // first send → left({ _tag: 'NotifyFailed', retryable: true }); the retry is delivered
 */
export const createRecordingNotifier = (
  options: RecordingNotifierOptions = {},
): RecordingNotifier => {
  const clock: Clock = options.clock ?? systemClock;
  const script = createScript(options, 'deliver');
  const deliveries: Notification[] = [];
  const recorded: NotifyCall[] = [];

  const answer = (notification: Notification): E.Either<NotifyFailed, { messageId: string }> => {
    const step = script.next(notification.idempotencyKey);
    if (step !== 'deliver') {
      return E.left({
        _tag: 'NotifyFailed',
        message: step === 'fail' ? 'mailbox does not exist' : 'mail server busy, try later',
        retryable: step === 'failRetryable',
      });
    }
    deliveries.push(structuredClone(notification));
    return E.right({ messageId: `msg-${deliveries.length}@orderflow.test` });
  };

  return {
    send: async (notification) => {
      const result = answer(notification);
      recorded.push({
        method: 'send',
        idempotencyKey: notification.idempotencyKey,
        at: new Date(clock.now()).toISOString(),
        input: structuredClone(notification),
        result,
      });
      return result;
    },
    delivered: () => [...deliveries],
    calls: (key) => recorded.filter((call) => key === undefined || call.idempotencyKey === key),
    queue: script.queue,
    queueFor: script.queueFor,
  };
};
