/** Distinguished names as one line, the way evidence and reports show a signer. */
import type { X509Certificate } from 'node:crypto';

/**
 * The certificate's subject as `CN=张三, O=Example Securities, C=CN` (node prints one
 * attribute per line; evidence wants one line).
 */
export function formatSubject(certificate: X509Certificate): string {
  return certificate.subject
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}
