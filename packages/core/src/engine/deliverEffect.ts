/** Delivers one claimed effect through its port and says what came of it. */
import * as E from 'fp-ts/lib/Either.js';
import type { StoredEffect } from '../domain/Effect.js';
import type { Json, JsonObject } from '../domain/Json.js';
import type { Directory } from '../ports/Directory.js';
import type { Notifier, Recipient } from '../ports/Notifier.js';
import type { PaymentGateway } from '../ports/PaymentGateway.js';
import type { Registrar } from '../ports/Registrar.js';
import type { SignatureProvider } from '../ports/SignatureProvider.js';

/** The ports effects go through. */
export interface EffectPorts {
  readonly notifier?: Notifier | undefined;
  readonly signer?: SignatureProvider | undefined;
  readonly payments?: PaymentGateway | undefined;
  readonly registrar?: Registrar | undefined;
  readonly directory?: Directory | undefined;
}

/**
 * The outcome of one delivery: done (with an event to feed back, or none), retry later
 * (nothing happened that a retry with the same key could repeat), or failed for good
 * (with the event that tells the order).
 */
export type Delivery =
  | { readonly _tag: 'Done'; readonly event: JsonObject | null }
  | { readonly _tag: 'Retry'; readonly error: string; readonly onGiveUp: JsonObject | null }
  | { readonly _tag: 'Failed'; readonly error: string; readonly event: JsonObject | null };

const str = (v: Json | undefined): string => (typeof v === 'string' ? v : '');
const num = (v: Json | undefined): number => (typeof v === 'number' ? v : 0);

const recipientsOf = async (
  directory: Directory | undefined,
  roles: readonly string[],
  orderId: string,
): Promise<Recipient[]> => {
  const out: Recipient[] = [];
  for (const role of roles) {
    if (directory === undefined) {
      out.push({ role, actorId: null, address: `role:${role}`, locale: 'zh-CN' });
    } else {
      out.push(...(await directory.resolve(role, orderId)));
    }
  }
  return out;
};

/** Delivers `effect` with its id as the idempotency key. Never throws for a port's failure value. */
export async function deliverEffect(effect: StoredEffect, ports: EffectPorts): Promise<Delivery> {
  const p = effect.payload;
  const key = effect.effectId;
  const orderId = effect.orderId;
  switch (effect.kind) {
    case 'notify': {
      if (ports.notifier === undefined) return { _tag: 'Done', event: null };
      const roles = Array.isArray(p.roles) ? (p.roles as string[]) : [];
      const recipients = await recipientsOf(ports.directory, roles, orderId);
      const sent = await ports.notifier.send({
        idempotencyKey: key,
        orderId,
        event: str(p.event),
        template: str(p.template),
        recipients,
        data: (p.data ?? {}) as JsonObject,
      });
      if (E.isRight(sent)) return { _tag: 'Done', event: null };
      return sent.left.retryable
        ? { _tag: 'Retry', error: sent.left.message, onGiveUp: null }
        : { _tag: 'Failed', error: sent.left.message, event: null };
    }
    case 'requestSignature': {
      if (ports.signer === undefined)
        return { _tag: 'Retry', error: 'no signature provider', onGiveUp: null };
      const signer = (p.signer ?? {}) as JsonObject;
      const r = await ports.signer.requestSignature({
        idempotencyKey: key,
        orderId,
        contractId: str(p.contractId),
        contractText: str(p.contractText),
        signer: { id: str(signer.id), name: str(signer.name) },
        data: { revision: num(p.revision) },
      });
      if (E.isLeft(r)) {
        return r.left.retryable
          ? { _tag: 'Retry', error: r.left.message, onGiveUp: null }
          : { _tag: 'Failed', error: r.left.message, event: null };
      }
      if (r.right._tag === 'Pending') return { _tag: 'Done', event: null };
      const ev = r.right.evidence;
      return {
        _tag: 'Done',
        event: {
          type: 'signatureCompleted',
          evidence: {
            documentSha256: ev.documentSha256,
            signerIdentity: ev.signerIdentity,
            signedAt: ev.signedAt,
            envelopeId: ev.envelopeId,
            ...(ev.contractSha256 === undefined ? {} : { contractSha256: ev.contractSha256 }),
            ...(ev.documentRef === undefined ? {} : { documentRef: ev.documentRef }),
          },
        },
      };
    }
    case 'instructTransfer':
    case 'refund': {
      const prefix = effect.kind === 'refund' ? 'refund' : 'transfer';
      const failed = (reason: string): JsonObject => ({ type: `${prefix}Failed`, reason });
      if (ports.payments === undefined) {
        return {
          _tag: 'Retry',
          error: 'no payment gateway',
          onGiveUp: failed('no payment gateway'),
        };
      }
      const r = await ports.payments.transfer({
        idempotencyKey: key,
        orderId,
        kind: effect.kind === 'refund' ? 'refund' : 'release',
        amountMinor: num(p.amountMinor),
        currency: str(p.currency),
        fromAccount: str(p.fromAccount),
        toAccount: str(p.toAccount),
      });
      if (E.isLeft(r))
        return { _tag: 'Retry', error: r.left.message, onGiveUp: failed(r.left.message) };
      const o = r.right;
      switch (o._tag) {
        case 'Settled':
          return { _tag: 'Done', event: { type: `${prefix}Settled`, reference: o.reference } };
        case 'Unknown':
          // Never resent blind: the order goes to reconciliation.
          return { _tag: 'Done', event: { type: `${prefix}Unknown`, reason: o.reason } };
        case 'Failed':
          return o.retryable
            ? { _tag: 'Retry', error: o.reason, onGiveUp: failed(o.reason) }
            : { _tag: 'Failed', error: o.reason, event: failed(o.reason) };
      }
      return { _tag: 'Failed', error: 'unknown transfer outcome', event: null };
    }
    case 'requestConfirmation': {
      if (ports.registrar === undefined) return { _tag: 'Done', event: null };
      const r = await ports.registrar.requestConfirmation({
        idempotencyKey: key,
        orderId,
        productCode: str(p.productCode),
        amountMinor: num(p.amountMinor),
        currency: str(p.currency),
        tradeDate: str(p.tradeDate),
      });
      if (E.isLeft(r)) return { _tag: 'Retry', error: r.left.message, onGiveUp: null };
      const o = r.right;
      switch (o._tag) {
        case 'Confirmed':
          return {
            _tag: 'Done',
            event: {
              type: 'confirmationReceived',
              outcome: 'confirmed',
              confirmedMinor: o.confirmedMinor,
              units: o.units,
              reference: o.reference,
            },
          };
        case 'Rejected':
          return {
            _tag: 'Done',
            event: { type: 'confirmationReceived', outcome: 'rejected', reference: o.reason },
          };
        case 'Pending':
          return { _tag: 'Retry', error: 'registrar: pending', onGiveUp: null };
      }
      return { _tag: 'Failed', error: 'unknown registrar outcome', event: null };
    }
  }
}
