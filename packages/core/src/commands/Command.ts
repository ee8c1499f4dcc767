/** The typed command union of the public API. */
import type * as t from 'io-ts';
import type {
  COMMAND_CODECS,
  CommandType,
  SYSTEM_EVENT_CODECS,
  SystemEventType,
} from './COMMAND_CODECS.js';

/** A command an actor sends: `{ type, ...payload }`, amounts as decimal strings. */
export type Command = {
  [K in CommandType]: { readonly type: K } & t.OutputOf<(typeof COMMAND_CODECS)[K]>;
}[CommandType];

/** An event a timer or provider sends, as the system actor. */
export type SystemEvent = {
  [K in SystemEventType]: { readonly type: K } & t.OutputOf<(typeof SYSTEM_EVENT_CODECS)[K]>;
}[SystemEventType];
