/** Decodes a command at the edge: its type, its payload codec, amounts to minor units. */
import { parseAmount } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandInvalid } from '../errors/EngineError.js';
import { COMMAND_CODECS, SYSTEM_EVENT_CODECS } from './COMMAND_CODECS.js';
import { problemsOf } from './problemsOf.js';

/** A decoded command: its type and payload, amounts in minor units (`amountMinor`, `confirmedMinor`). */
export interface DecodedCommand {
  readonly type: string;
  readonly payload: { readonly [key: string]: unknown };
}

const AMOUNT_FIELDS: readonly (readonly [string, string])[] = [
  ['amount', 'amountMinor'],
  ['confirmedAmount', 'confirmedMinor'],
];

/**
 * Decodes `input` (`{ type, ...payload }`): an unknown type, a payload that fails its
 * codec or an amount that does not fit `currency` is a `CommandInvalid` with io-ts paths.
 * System events are decoded only when `system` is true.
 */
export function decodeCommand(
  input: unknown,
  currency: string,
  system: boolean,
): E.Either<CommandInvalid, DecodedCommand> {
  const type =
    typeof input === 'object' &&
    input !== null &&
    typeof (input as { type?: unknown }).type === 'string'
      ? (input as { type: string }).type
      : '';
  const invalid = (problems: { path: string; message: string }[]) =>
    E.left<CommandInvalid>({ _tag: 'CommandInvalid', command: type || '(none)', problems });
  const codec =
    (Object.hasOwn(COMMAND_CODECS, type)
      ? COMMAND_CODECS[type as keyof typeof COMMAND_CODECS]
      : undefined) ??
    (system && Object.hasOwn(SYSTEM_EVENT_CODECS, type)
      ? SYSTEM_EVENT_CODECS[type as keyof typeof SYSTEM_EVENT_CODECS]
      : undefined);
  if (codec === undefined) {
    return invalid([{ path: 'type', message: `unknown command type ${JSON.stringify(type)}` }]);
  }
  const { type: _type, ...rest } = input as Record<string, unknown>;
  const decoded = codec.decode(rest);
  if (E.isLeft(decoded)) return invalid(problemsOf(decoded.left));
  const payload: Record<string, unknown> = { ...(decoded.right as Record<string, unknown>) };
  for (const [field, minorField] of AMOUNT_FIELDS) {
    const text = payload[field];
    if (typeof text !== 'string') continue;
    const minor = parseAmount(text, currency);
    if (E.isLeft(minor)) return invalid([{ path: field, message: minor.left.message }]);
    payload[minorField] = minor.right;
  }
  return E.right({ type, payload });
}
