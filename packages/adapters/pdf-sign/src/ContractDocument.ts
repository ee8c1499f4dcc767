/** What a contract PDF shows: a title, the order's key facts, and the contract text. */
import { createHash } from 'node:crypto';
import type { SignatureRequest } from '@orderflow/core';

/** The printable content of one contract. */
export interface ContractDocument {
  readonly title: string;
  /** Label and value pairs printed above the text (order id, signer, amount…). */
  readonly facts: readonly (readonly [label: string, value: string])[];
  /** The contract text as drafted from the definition's template; `\n` separates paragraphs. */
  readonly body: string;
}

/**
 * The contract document for a signature request: the drafted text, with the order id,
 * contract id, signer, amount (`data.amount` / `data.currency`) and the SHA-256 of the
 * drafted text above it.
 */
export function contractDocumentFrom(request: SignatureRequest): ContractDocument {
  const { data } = request;
  const title =
    typeof data.contractTitle === 'string'
      ? data.contractTitle
      : `合同 Contract ${request.contractId}`;
  const facts: (readonly [string, string])[] = [
    ['订单号 Order', request.orderId],
    ['合同编号 Contract', request.contractId],
    ['签署人 Signer', `${request.signer.name} (${request.signer.id})`],
  ];
  if (typeof data.amount === 'string') {
    const currency = typeof data.currency === 'string' ? `${data.currency} ` : '';
    facts.push(['金额 Amount', `${currency}${data.amount}`]);
  }
  if (typeof data.productName === 'string') facts.push(['产品 Product', data.productName]);
  // Binds the PDF to the drafted text: anyone holding both can check this line.
  const textSha256 = createHash('sha256').update(request.contractText, 'utf8').digest('hex');
  facts.push(['合同文本 SHA-256 Text SHA-256', textSha256]);
  return { title, facts, body: request.contractText };
}
