/**
 * The business data of one order, as the machine's context. Plain JSON (no `undefined`,
 * no `Date`), small (target ≤ 4 KB), money in integer minor units.
 */

/** The product an order buys. */
export interface OrderProduct {
  readonly code: string;
  readonly name: string;
  readonly riskLevel: string;
  readonly category: string;
}

/** The investor of an order, as the firm's records describe them when the order opens. */
export interface OrderInvestor {
  readonly id: string;
  readonly name: string;
  readonly kind: 'individual' | 'entity';
  readonly classification: 'ordinary' | 'professional';
  readonly riskLevel: string;
  readonly lowestCategory: boolean;
  /** `YYYY-MM-DD` of the risk assessment. */
  readonly assessedAt: string;
  readonly ownAccounts: readonly string[];
  readonly qualificationProof: string | null;
  readonly financialAssetsMinor: number | null;
  readonly averageIncomeMinor: number | null;
  readonly netAssetsMinor: number | null;
}

/** An AML or payer hold: the internal reason, and the neutral one a client may see. */
export interface OrderHold {
  readonly rule: string;
  readonly reason: string;
  readonly clientReason: string;
  readonly by: string;
  readonly at: string;
}

/** One approval decision. */
export interface ApprovalDecision {
  readonly stageId: string;
  readonly stepId: string;
  readonly actorId: string;
  readonly role: string;
  readonly decision: 'approved' | 'rejected' | 'returned';
  readonly at: string;
}

/** Whether each step of an approval stage is required on this order, and why. */
export interface ApprovalPlanEntry {
  readonly stepId: string;
  /** The parallel group the step belongs to, if any. */
  readonly groupId: string | null;
  readonly required: boolean;
  readonly reason: string;
}

/** The approval state of one approval stage in the current revision. */
export interface ApprovalRecord {
  readonly plan: readonly ApprovalPlanEntry[];
  readonly decisions: readonly ApprovalDecision[];
  readonly complete: boolean;
}

/** A money movement back to the investor's own account. */
export interface OrderRefund {
  readonly reason: string;
  readonly amountMinor: number;
  readonly toAccount: string;
  readonly status: 'instructed' | 'settled' | 'failed' | 'unknown';
}

/** The per-revision part of an order: what an amendment freezes and starts again. */
export interface RevisionData {
  readonly revision: number;
  readonly amountMinor: number;
  readonly entry: {
    readonly makerId: string | null;
    readonly checkerId: string | null;
    readonly enteredAt: string | null;
    readonly verifiedAt: string | null;
  };
  readonly suitability: {
    readonly result: 'match' | 'mismatch' | 'blocked';
    readonly investorLevel: string;
    readonly productLevel: string;
    readonly acknowledgement: {
      readonly warningDocumentId: string;
      readonly confirmationDocumentId: string;
      readonly clientInitiated: true;
      readonly by: string;
      readonly at: string;
    } | null;
  } | null;
  readonly contract: {
    readonly contractId: string;
    readonly amountMinor: number;
    readonly textSha256: string;
    /**
     * The drafted text, sent to the signer; `null` once the contract is signed. The text
     * then stays in the audit trail (the `draftContract` entry's payload) and the signed
     * document with the signature provider, and the commands after signing do not carry a
     * contract of many kilobytes in every read and write of the order.
     */
    readonly text: string | null;
    readonly by: string;
    readonly at: string;
  } | null;
  readonly signature: {
    readonly requestedAt: string | null;
    readonly recordingRef: string | null;
    readonly documentSha256: string | null;
    readonly signerIdentity: string | null;
    readonly signedAt: string | null;
    readonly envelopeId: string | null;
  } | null;
  readonly approvals: { readonly [stageId: string]: ApprovalRecord };
}

/** A frozen earlier revision, with why it was returned. */
export interface FrozenRevision extends RevisionData {
  readonly returnedBy: string;
  readonly reason: string;
  readonly returnedAt: string;
}

/** The order's context. */
export interface OrderContext extends RevisionData {
  readonly orderId: string;
  readonly definitionKey: string;
  readonly currency: string;
  readonly ownerId: string;
  readonly openedAt: string;
  readonly channel: string;
  readonly product: OrderProduct;
  readonly investor: OrderInvestor;
  /** Earlier revisions, oldest first; never changed once frozen. */
  readonly revisions: readonly FrozenRevision[];
  readonly held: OrderHold | null;
  readonly needs: { readonly documentId: string; readonly by: string; readonly at: string } | null;
  readonly qualification: {
    readonly documents: readonly string[];
    readonly submittedBy: string;
    readonly result: 'pending' | 'passed' | 'failed' | 'amlHit';
    readonly reviewedBy: string | null;
  } | null;
  readonly payment: {
    readonly amountMinor: number;
    readonly payerAccount: string;
    readonly reference: string;
    readonly paidAt: string;
  } | null;
  /** The trade date (`YYYY-MM-DD`) the order counts for, set when paid. */
  readonly tradeDate: string | null;
  readonly coolingOff: { readonly startsAt: string; readonly endsAt: string } | null;
  readonly returnVisit: {
    readonly attempts: number;
    readonly succeededAt: string | null;
    readonly by: string | null;
    readonly recordingRef: string | null;
  } | null;
  readonly release: {
    readonly attempt: number;
    readonly status: 'instructed' | 'settled' | 'failed' | 'unknown';
    readonly reference: string | null;
  } | null;
  readonly confirmation: {
    readonly result: 'confirmed' | 'partial' | 'rejected';
    readonly confirmedMinor: number;
    readonly units: string | null;
    readonly reference: string;
  } | null;
  readonly refunds: readonly OrderRefund[];
  /** Approval or task SLAs: due instant per `stageId.stepId`, and where it escalated. */
  readonly due: { readonly [key: string]: string };
  readonly escalations: { readonly [key: string]: { readonly to: string; readonly at: string } };
  /** Delegations of a step to one person. */
  readonly delegations: { readonly [key: string]: string };
  /** Completed custom tasks: their form values. */
  readonly taskResults: {
    readonly [stageId: string]: { readonly [field: string]: string | number | boolean };
  };
  /**
   * Facts recorded by the transition being taken (decisions of `when` conditions,
   * suitability outcomes). The engine moves them into the audit entry and empties them.
   */
  readonly notes: { readonly [key: string]: unknown };
}
