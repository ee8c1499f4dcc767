/** Signature evidence is complete (DOMAIN §3.9; 电子签名法 Art. 13–14). */
import * as E from 'fp-ts/lib/Either.js';
import type { RuleGuard } from './RuleGuard.js';
import { refuse } from './refuse.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * `signature-evidence`: the evidence has the signed document's sha256, the hash of the
 * contract text that was signed is the drafted contract's (`contractSha256` when the signed
 * document is a rendering such as a PDF, else the document's own hash), and the signer's
 * identity and the signing time are there.
 */
export const signatureEvidence: RuleGuard = ({ context, event }) => {
  const e = (event.command.evidence ?? {}) as Record<string, unknown>;
  const documentSha256 = str(e.documentSha256);
  const signedTextSha256 = str(e.contractSha256) ?? documentSha256;
  const facts = {
    documentSha256,
    signedTextSha256,
    contractSha256: context.contract?.textSha256 ?? null,
    signerIdentity: str(e.signerIdentity),
    signedAt: str(e.signedAt),
    envelopeId: str(e.envelopeId),
  };
  if (documentSha256 === null || !/^[0-9a-f]{64}$/.test(documentSha256)) {
    return refuse('signature-evidence', 'the signature evidence lacks the document hash', facts);
  }
  if (facts.contractSha256 !== null && signedTextSha256 !== facts.contractSha256) {
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
