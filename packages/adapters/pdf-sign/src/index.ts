/**
 * @orderflow/pdf-sign — contract PDFs (pdf-lib, embedded CJK font), local PKCS#7
 * signatures with a PKCS#12 certificate (@signpdf), and their verification.
 */
export type { ContractDocument } from './ContractDocument.js';
export { contractDocumentFrom } from './ContractDocument.js';
export type { PdfSignatureProviderOptions } from './createPdfSignatureProvider.js';
export { createPdfSignatureProvider } from './createPdfSignatureProvider.js';
export type { TestCertificateOptions } from './createTestCertificate.js';
export { createTestCertificate } from './createTestCertificate.js';
export { DEFAULT_CJK_FONT_PATH, loadCjkFont } from './loadCjkFont.js';
export type { PdfSignatureUnreadable, PdfSignError } from './PdfSignError.js';
export type { SignerCertificate } from './readP12Certificate.js';
export { readP12Certificate } from './readP12Certificate.js';
export type { RenderOptions } from './renderContractPdf.js';
export { renderContractPdf } from './renderContractPdf.js';
export type { SignedPdf, SignPdfOptions } from './signContractPdf.js';
export { signContractPdf } from './signContractPdf.js';
export type { PdfSignatureReport } from './verifySignedPdf.js';
export { verifySignedPdf } from './verifySignedPdf.js';
