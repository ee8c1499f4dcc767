/** Signature evidence is complete (DOMAIN §3.9; 电子签名法 Art. 13–14). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * `signature-evidence`: the evidence has the signed document's sha256 (and it is the
 * drafted contract's), the signer's identity and the signing time.
 */
export const signatureEvidence: RuleGuard = ({ context, event }) => {
  const e = (event.command.evidence ?? {}) as Record<string, unknown>;
  const documentSha256 = str(e.documentSha256);
  const facts = {
    documentSha256,
    contractSha256: context.contract?.textSha256 ?? null,
    signerIdentity: str(e.signerIdentity),
    signedAt: str(e.signedAt),
    envelopeId: str(e.envelopeId),
  };
  if (documentSha256 === null || !/^[0-9a-f]{64}$/.test(documentSha256)) {
    return refuse('signature-evidence', 'the signature evidence lacks the document hash', facts);
  }
  if (facts.contractSha256 !== null && documentSha256 !== facts.contractSha256) {
    return refuse('signature-evidence', 'the signed document is not the drafted contract', facts);
  }
  if (facts.signerIdentity === null || facts.signedAt === null) {
    return refuse(
      'signature-evidence',
      'the signature evidence lacks the signer or the time',
      facts,
    );
  }
  return E.right(facts);
};
