/** A `SignatureProvider` for a remote e-signature service speaking the envelope protocol. */
import { createHash } from 'node:crypto';
import type {
  Clock,
  HeaderSource,
  SignatureFailed,
  SignatureProvider,
  SignatureRequest,
} from '@orderflow/core';
import * as E from 'fp-ts/lib/Either.js';
import { ESIGN_HEADERS } from './esignHeaders.js';
import { type CallbackOptions, handleSignatureCallback } from './handleSignatureCallback.js';
import { type CreateEnvelopeBody, EnvelopeView } from './protocol.js';
import type {
  SignatureCallbackEvent,
  SignatureCallbackRejected,
} from './SignatureCallbackEvent.js';

/** Where the provider is, how to authenticate, and where it should call back. */
export interface HttpSignatureProviderOptions {
  /** The provider's API root, e.g. `https://esign.example.com/v1`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  readonly apiKey: string;
  /** Shared secret the provider signs callbacks with. */
  readonly callbackSecret: string;
  /** Where the provider POSTs callbacks; `null` uses the URL configured at the provider. */
  readonly callbackUrl?: string | null;
  readonly clock: Clock;
  /** How long the signing link stays valid; default 72 h. */
  readonly expiresAfterMs?: number;
  /** The document to sign; default the contract text as UTF-8 `text/plain`. */
  readonly renderDocument?: (
    request: SignatureRequest,
  ) => Promise<{ readonly contentType: string; readonly bytes: Uint8Array }>;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  /** Per-request timeout; default 10 s. */
  readonly timeoutMs?: number;
}

/** The provider client: the port, plus the callback handler and the document download. */
export interface HttpSignatureProvider extends SignatureProvider {
  /** `handleSignatureCallback` with this provider's secret and clock. */
  handleCallback(
    headers: HeaderSource,
    body: string,
    options: Omit<CallbackOptions, 'now'>,
  ): E.Either<SignatureCallbackRejected, SignatureCallbackEvent>;
  /**
   * Downloads the signed document of a completed envelope; with `expectedSha256` (from the
   * evidence) a document whose hash differs is refused.
   */
  fetchSignedDocument(
    envelopeId: string,
    expectedSha256?: string,
  ): Promise<E.Either<SignatureFailed, Uint8Array>>;
}

const failure = (message: string, retryable: boolean): E.Either<SignatureFailed, never> =>
  E.left({ _tag: 'SignatureFailed', message, retryable });

const retryableStatus = (status: number): boolean =>
  status >= 500 || status === 408 || status === 409 || status === 429;

/**
 * Creates the remote e-signature client. `requestSignature` opens an envelope (idempotent
 * by the effect's key) and answers `Pending`; the outcome arrives by callback, which
 * `handleCallback` verifies and maps to `signatureCompleted`, `signatureDeclined` or
 * `signatureExpired`.
 *
 * @example
 * const signer = createHttpSignatureProvider({ baseUrl, apiKey, callbackSecret, callbackUrl, clock: systemClock });
 */
export function createHttpSignatureProvider(
  options: HttpSignatureProviderOptions,
): HttpSignatureProvider {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.baseUrl.replace(/\/+$/, '');
  const render =
    options.renderDocument ??
    (async (r: SignatureRequest) => ({
      contentType: 'text/plain; charset=utf-8',
      bytes: new TextEncoder().encode(r.contractText),
    }));

  /**
   * One HTTP exchange, body included, within `timeoutMs`; network errors and timeouts
   * become retryable failures.
   */
  const call = async (
    path: string,
    init: RequestInit,
  ): Promise<E.Either<SignatureFailed, { status: number; ok: boolean; body: Uint8Array }>> => {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await doFetch(`${base}${path}`, {
        ...init,
        signal: abort.signal,
        headers: { Authorization: `Bearer ${options.apiKey}`, ...init.headers },
      });
      const body = new Uint8Array(await response.arrayBuffer());
      return E.right({ status: response.status, ok: response.ok, body });
    } catch (error) {
      return abort.signal.aborted
        ? failure(`e-signature provider timed out after ${timeoutMs} ms (${path})`, true)
        : failure(
            `e-signature provider unreachable (${path}): ${error instanceof Error ? error.message : String(error)}`,
            true,
          );
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async requestSignature(request) {
      const document = await render(request);
      const body: CreateEnvelopeBody = {
        orderId: request.orderId,
        contractId: request.contractId,
        signer: request.signer,
        document: {
          contentType: document.contentType,
          base64: Buffer.from(document.bytes).toString('base64'),
        },
        callbackUrl: options.callbackUrl ?? null,
        expiresAt: new Date(
          options.clock.now() + (options.expiresAfterMs ?? 72 * 3_600_000),
        ).toISOString(),
      };
      const response = await call('/envelopes', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          'Content-Type': 'application/json',
          [ESIGN_HEADERS.idempotencyKey]: request.idempotencyKey,
        },
      });
      if (E.isLeft(response)) return response;
      const { status } = response.right;
      const text = Buffer.from(response.right.body).toString('utf8');
      if (!response.right.ok) {
        return failure(
          `e-signature provider answered HTTP ${status}: ${text.slice(0, 200)}`,
          retryableStatus(status),
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return failure(`e-signature provider answered non-JSON (HTTP ${status})`, true);
      }
      const view = EnvelopeView.decode(json);
      if (E.isLeft(view)) {
        return failure('e-signature provider answered an envelope this client cannot read', false);
      }
      return E.right({ _tag: 'Pending', envelopeId: view.right.envelopeId });
    },

    handleCallback(headers, body, callbackOptions) {
      return handleSignatureCallback(options.callbackSecret, headers, body, {
        ...callbackOptions,
        now: options.clock.now(),
      });
    },

    async fetchSignedDocument(envelopeId, expectedSha256) {
      const response = await call(`/envelopes/${encodeURIComponent(envelopeId)}/document`, {
        method: 'GET',
      });
      if (E.isLeft(response)) return response;
      if (!response.right.ok) {
        return failure(
          `signed document of ${envelopeId}: HTTP ${response.right.status}`,
          retryableStatus(response.right.status),
        );
      }
      const bytes = response.right.body;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
        return failure(
          `signed document of ${envelopeId} has SHA-256 ${sha256}, evidence says ${expectedSha256}`,
          false,
        );
      }
      return E.right(bytes);
    },
  };
}
