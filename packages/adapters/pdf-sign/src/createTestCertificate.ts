/**
 * Self-signed PKCS#12 certificates for tests and demos. Never use one to sign a real
 * contract: a real signer's key comes from a CA the parties trust.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** Who the test certificate names, and when it is valid. */
export interface TestCertificateOptions {
  /** Subject common name, e.g. `张三` or `Example Securities Co., Ltd.`. */
  readonly commonName: string;
  readonly organization?: string;
  /** Two-letter country code; default `CN`. */
  readonly country?: string;
  /** Protects the PKCS#12 file; default empty. */
  readonly passphrase?: string;
  /** Start of validity (pass your Clock's time); the certificate lasts `validDays` (365). */
  readonly notBefore: Date;
  readonly validDays?: number;
}

/** Creates a fresh RSA-2048 key and a self-signed certificate, returned as PKCS#12 bytes. */
export function createTestCertificate(options: TestCertificateOptions): Uint8Array {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = new Date(
    options.notBefore.getTime() + (options.validDays ?? 365) * 86_400_000,
  );
  // forge reads `valueTagClass` as the ASN.1 string type; @types/node-forge mistypes it.
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const subject = [
    { shortName: 'C', value: options.country ?? 'CN' },
    ...(options.organization === undefined
      ? []
      : [{ shortName: 'O', value: options.organization, valueTagClass: utf8 }]),
    { shortName: 'CN', value: options.commonName, valueTagClass: utf8 },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.passphrase ?? '', {
    algorithm: '3des',
  });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'));
}
