/**
 * A provider simulator: a real HTTP server that speaks the envelope protocol, so tests and
 * examples exercise the client, the signed callbacks and the document download end to end.
 * Not for production: it keeps envelopes in memory and lets anyone sign.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { ESIGN_HEADERS } from './esignHeaders.js';
import {
  type CallbackBody,
  CreateEnvelopeBody,
  type EnvelopeStatus,
  type EnvelopeView,
} from './protocol.js';
import { signCallbackPayload } from './signCallbackPayload.js';

/** How the simulator behaves. */
export interface SimulatorOptions {
  /** The API key clients must present as `Authorization: Bearer …`. */
  readonly apiKey: string;
  /** The secret callbacks are signed with. */
  readonly callbackSecret: string;
  readonly clock: Clock;
  /** Used when an envelope names no callback URL. */
  readonly defaultCallbackUrl?: string;
  /**
   * Turns the submitted document into the signed one (e.g. sign a PDF with
   * `@orderflow/pdf-sign`); default: the submitted bytes unchanged.
   */
  readonly signDocument?: (envelope: SimulatedEnvelope) => Promise<Uint8Array>;
  /** Port to listen on (127.0.0.1); default a free one. */
  readonly port?: number;
}

/** One envelope as the simulator holds it. */
export interface SimulatedEnvelope {
  readonly envelopeId: string;
  readonly idempotencyKey: string;
  readonly request: CreateEnvelopeBody;
  status: EnvelopeStatus;
  signedDocument: Uint8Array | null;
  /** Every callback sent for it, the last one last (redeliveries included). */
  readonly callbacks: {
    readonly body: string;
    readonly eventId: string;
    status: number | 'failed';
  }[];
}

/** A running simulator. */
export interface SignatureProviderSimulator {
  /** Base URL of the API, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  envelope(envelopeId: string): SimulatedEnvelope | undefined;
  /** Every envelope, oldest first. */
  envelopes(): readonly SimulatedEnvelope[];
  /** Expires every sent envelope whose `expiresAt` has passed on the clock; returns their ids. */
  expireDue(): Promise<readonly string[]>;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
};

/**
 * Starts the simulator on 127.0.0.1. Endpoints: `POST /envelopes` (API key,
 * `Idempotency-Key`), `GET /envelopes/:id`, `GET /envelopes/:id/document`, and the signer's
 * actions `POST /envelopes/:id/sign | /decline | /expire`, plus
 * `POST /envelopes/:id/redeliver` (the last callback again, same event id).
 */
export async function startSignatureProviderSimulator(
  options: SimulatorOptions,
): Promise<SignatureProviderSimulator> {
  const envelopes = new Map<string, SimulatedEnvelope>();
  const byKey = new Map<string, string>();
  let url = '';

  const view = (e: SimulatedEnvelope): EnvelopeView => ({
    envelopeId: e.envelopeId,
    status: e.status,
    signingUrl: `${url}/sign/${e.envelopeId}`,
    expiresAt: e.request.expiresAt,
  });

  const deliver = async (e: SimulatedEnvelope, body: string, eventId: string) => {
    const record: SimulatedEnvelope['callbacks'][number] = { body, eventId, status: 'failed' };
    e.callbacks.push(record);
    const target = e.request.callbackUrl ?? options.defaultCallbackUrl;
    if (target === undefined) return record;
    const timestamp = Math.floor(options.clock.now() / 1000);
    try {
      const response = await fetch(target, {
        method: 'POST',
        body,
        headers: {
          'Content-Type': 'application/json',
          [ESIGN_HEADERS.signature]: signCallbackPayload(options.callbackSecret, timestamp, body),
          [ESIGN_HEADERS.timestamp]: String(timestamp),
          [ESIGN_HEADERS.eventId]: eventId,
        },
      });
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
    } catch {
      record.status = 'failed';
    }
    return record;
  };

  const finish = async (
    e: SimulatedEnvelope,
    status: Exclude<EnvelopeStatus, 'sent'>,
    reason: string,
  ) => {
    e.status = status;
    const eventId = randomUUID();
    const base = {
      eventId,
      envelopeId: e.envelopeId,
      orderId: e.request.orderId,
      contractId: e.request.contractId,
      occurredAt: new Date(options.clock.now()).toISOString(),
    };
    let callback: CallbackBody;
    if (status === 'completed') {
      const signed =
        options.signDocument === undefined
          ? new Uint8Array(Buffer.from(e.request.document.base64, 'base64'))
          : await options.signDocument(e);
      e.signedDocument = signed;
      callback = {
        ...base,
        type: 'envelope.completed',
        signer: {
          identity: `${e.request.signer.name} (${e.request.signer.id}); verified by simulator`,
        },
        document: {
          sha256: createHash('sha256').update(signed).digest('hex'),
          url: `${url}/envelopes/${e.envelopeId}/document`,
        },
      };
    } else if (status === 'declined') {
      callback = { ...base, type: 'envelope.declined', reason };
    } else {
      callback = { ...base, type: 'envelope.expired' };
    }
    return deliver(e, JSON.stringify(callback), eventId);
  };

  const authorized = (req: IncomingMessage): boolean =>
    req.headers.authorization === `Bearer ${options.apiKey}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname;
    const body = await readBody(req);
    if (req.method === 'POST' && path === '/envelopes') {
      if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
      const key = req.headers[ESIGN_HEADERS.idempotencyKey.toLowerCase()];
      if (typeof key !== 'string' || key === '') {
        return send(res, 400, { error: `${ESIGN_HEADERS.idempotencyKey} header required` });
      }
      const known = byKey.get(key);
      const existing = known === undefined ? undefined : envelopes.get(known);
      if (existing !== undefined) return send(res, 200, view(existing));
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return send(res, 400, { error: 'body is not JSON' });
      }
      const decoded = CreateEnvelopeBody.decode(json);
      if (E.isLeft(decoded)) return send(res, 422, { error: 'invalid envelope' });
      const envelope: SimulatedEnvelope = {
        envelopeId: `env-${randomUUID()}`,
        idempotencyKey: key,
        request: decoded.right,
        status: 'sent',
        signedDocument: null,
        callbacks: [],
      };
      envelopes.set(envelope.envelopeId, envelope);
      byKey.set(key, envelope.envelopeId);
      return send(res, 201, view(envelope));
    }

    const match = /^\/envelopes\/([^/]+)(?:\/(document|sign|decline|expire|redeliver))?$/.exec(
      path,
    );
    const envelope =
      match?.[1] === undefined ? undefined : envelopes.get(decodeURIComponent(match[1]));
    if (match === null || envelope === undefined) return send(res, 404, { error: 'not found' });
    const action = match[2];

    if (req.method === 'GET' && action === undefined) {
      if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
      return send(res, 200, view(envelope));
    }
    if (req.method === 'GET' && action === 'document') {
      if (!authorized(req)) return send(res, 401, { error: 'unauthorized' });
      if (envelope.signedDocument === null)
        return send(res, 409, { error: `envelope is ${envelope.status}` });
      res.statusCode = 200;
      res.setHeader('Content-Type', envelope.request.document.contentType);
      res.end(Buffer.from(envelope.signedDocument));
      return;
    }
    if (req.method === 'POST' && action === 'redeliver') {
      const last = envelope.callbacks[envelope.callbacks.length - 1];
      if (last === undefined) return send(res, 409, { error: 'nothing to redeliver' });
      const record = await deliver(envelope, last.body, last.eventId);
      return send(res, 200, { ...view(envelope), callbackStatus: record.status });
    }
    if (
      req.method === 'POST' &&
      (action === 'sign' || action === 'decline' || action === 'expire')
    ) {
      if (envelope.status !== 'sent')
        return send(res, 409, { error: `envelope is ${envelope.status}` });
      let reason = 'declined by the signer';
      if (action === 'decline' && body !== '') {
        try {
          const parsed: unknown = JSON.parse(body);
          if (
            typeof parsed === 'object' &&
            parsed !== null &&
            'reason' in parsed &&
            typeof parsed.reason === 'string'
          ) {
            reason = parsed.reason;
          }
        } catch {
          // a decline without a readable reason keeps the default
        }
      }
      const status =
        action === 'sign' ? 'completed' : action === 'decline' ? 'declined' : 'expired';
      const record = await finish(envelope, status, reason);
      return send(res, 200, { ...view(envelope), callbackStatus: record.status });
    }
    return send(res, 405, { error: 'method not allowed' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    envelope: (id) => envelopes.get(id),
    envelopes: () => [...envelopes.values()],
    async expireDue() {
      const now = options.clock.now();
      const due = [...envelopes.values()].filter(
        (e) => e.status === 'sent' && Date.parse(e.request.expiresAt) <= now,
      );
      for (const e of due) await finish(e, 'expired', '');
      return due.map((e) => e.envelopeId);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
