/**
 * The peer a user would write by hand: the private-fund order lifecycle as one xstate v5
 * machine, with the same stages, roles and segregation-of-duties guards as the built-in
 * definition, but no definition file, no audit chain and no outbox.
 */
import { assign, not, setup } from 'xstate';

/** Who sends an event. */
export interface PeerActor {
  readonly id: string;
  readonly roles: readonly string[];
}

/** Every event of the hand-written lifecycle. */
export interface PeerEvent {
  readonly type:
    | 'confirmNeeds'
    | 'submitQualification'
    | 'recordQualification'
    | 'enterOrder'
    | 'verifyEntry'
    | 'draftContract'
    | 'requestSignature'
    | 'signatureCompleted'
    | 'approve'
    | 'recordPayment'
    | 'coolingOffElapsed'
    | 'recordReturnVisit'
    | 'releaseFunds'
    | 'transferSettled'
    | 'recordConfirmation'
    | 'archive';
  readonly actor: PeerActor;
  readonly at: string;
  readonly data: Readonly<Record<string, string>>;
}

/** The order data the hand-written machine keeps. */
export interface PeerContext {
  readonly orderId: string;
  readonly amountMinor: number;
  readonly ownerId: string;
  readonly makerId: string | null;
  readonly checkerId: string | null;
  readonly contractAmountMinor: number | null;
  readonly documentHash: string | null;
  readonly paidMinor: number | null;
  readonly approvals: readonly {
    readonly step: string;
    readonly actorId: string;
    readonly at: string;
  }[];
  readonly facts: Readonly<Record<string, string>>;
  /** Risk levels as numbers: investor C1–C5, product R1–R5. */
  readonly investorLevel: number;
  readonly productLevel: number;
  readonly updatedAt: string;
}

/** What the machine is created with. */
export interface PeerInput {
  readonly orderId: string;
  readonly amountMinor: number;
  readonly ownerId: string;
  readonly investorLevel: number;
  readonly productLevel: number;
  readonly at: string;
}

const toMinor = (decimal: string | undefined): number => {
  if (decimal === undefined) return Number.NaN;
  const [whole = '0', frac = ''] = decimal.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
};

/** Orders at or above this amount (minor units) need the finance approval. */
const FINANCE_THRESHOLD_MINOR = 500_000_000;

/** One approval step as a state: `approve` with the step id, by its role, moves on. */
const approvalStep = (step: string, role: string, target: string) => ({
  on: {
    approve: {
      guard: { type: 'approvalAllowed' as const, params: { step, role } },
      target,
      actions: { type: 'recordApproval' as const, params: { step } },
    },
  },
});

/** The hand-written private-fund lifecycle machine. */
export const xstateLifecycleMachine = setup({
  types: {} as { context: PeerContext; events: PeerEvent; input: PeerInput },
  guards: {
    hasRole: ({ event }, params: { role: string }) => event.actor.roles.includes(params.role),
    // The checker is another person than the maker, and the investor's level covers the
    // product's (the suitability stage passes on its own when they match).
    checkerIsNotMakerAndSuitable: ({ context, event }) =>
      event.actor.roles.includes('operations') &&
      event.actor.id !== context.makerId &&
      context.investorLevel >= context.productLevel,
    contractAmountMatches: ({ context, event }) =>
      event.actor.roles.includes('operations') &&
      toMinor(event.data.amount) === context.amountMinor,
    paymentMatches: ({ context, event }) =>
      event.actor.roles.includes('operations') &&
      toMinor(event.data.amount) === context.contractAmountMinor,
    approvalAllowed: ({ context, event }, params: { step: string; role: string }) =>
      event.data.step === params.step &&
      event.actor.roles.includes(params.role) &&
      event.actor.id !== context.ownerId &&
      event.actor.id !== context.makerId &&
      !context.approvals.some((a) => a.actorId === event.actor.id),
    needsFinance: ({ context }) => context.amountMinor >= FINANCE_THRESHOLD_MINOR,
  },
  actions: {
    touch: assign({
      updatedAt: ({ event }) => event.at,
      facts: ({ context, event }) => ({ ...context.facts, [event.type]: event.actor.id }),
    }),
    recordMaker: assign({ makerId: ({ event }) => event.actor.id }),
    recordChecker: assign({ checkerId: ({ event }) => event.actor.id }),
    recordContract: assign({
      contractAmountMinor: ({ event }) => toMinor(event.data.amount),
    }),
    recordSignature: assign({ documentHash: ({ event }) => event.data.documentHash ?? null }),
    recordPayment: assign({ paidMinor: ({ event }) => toMinor(event.data.amount) }),
    recordApproval: assign({
      approvals: ({ context, event }, params: { step: string }) => [
        ...context.approvals,
        { step: params.step, actorId: event.actor.id, at: event.at },
      ],
    }),
  },
}).createMachine({
  id: 'order',
  context: ({ input }) => ({
    orderId: input.orderId,
    amountMinor: input.amountMinor,
    ownerId: input.ownerId,
    makerId: null,
    checkerId: null,
    contractAmountMinor: null,
    documentHash: null,
    paidMinor: null,
    approvals: [],
    facts: {},
    investorLevel: input.investorLevel,
    productLevel: input.productLevel,
    updatedAt: input.at,
  }),
  initial: 'needsConfirmation',
  states: {
    needsConfirmation: {
      on: {
        confirmNeeds: {
          guard: { type: 'hasRole', params: { role: 'salesRep' } },
          target: 'qualification',
          actions: 'touch',
        },
      },
    },
    qualification: {
      initial: 'awaitingSubmission',
      states: {
        awaitingSubmission: {
          on: {
            submitQualification: {
              guard: { type: 'hasRole', params: { role: 'salesRep' } },
              target: 'underReview',
              actions: 'touch',
            },
          },
        },
        underReview: {
          on: {
            recordQualification: {
              guard: { type: 'hasRole', params: { role: 'riskOfficer' } },
              target: '#order.entry',
              actions: 'touch',
            },
          },
        },
      },
    },
    entry: {
      initial: 'awaitingEntry',
      states: {
        awaitingEntry: {
          on: {
            enterOrder: {
              guard: { type: 'hasRole', params: { role: 'salesRep' } },
              target: 'awaitingCheck',
              actions: ['recordMaker', 'touch'],
            },
          },
        },
        awaitingCheck: {
          on: {
            verifyEntry: {
              guard: 'checkerIsNotMakerAndSuitable',
              target: '#order.contract',
              actions: ['recordChecker', 'touch'],
            },
          },
        },
      },
    },
    contract: {
      initial: 'drafting',
      states: {
        drafting: {
          on: {
            draftContract: {
              guard: 'contractAmountMatches',
              target: 'drafted',
              actions: ['recordContract', 'touch'],
            },
          },
        },
        drafted: {
          on: {
            requestSignature: {
              guard: { type: 'hasRole', params: { role: 'salesRep' } },
              target: '#order.signing',
              actions: 'touch',
            },
          },
        },
      },
    },
    signing: {
      on: {
        signatureCompleted: {
          guard: { type: 'hasRole', params: { role: 'system' } },
          target: 'approval',
          actions: ['recordSignature', 'touch'],
        },
      },
    },
    approval: {
      initial: 'supervisor',
      states: {
        supervisor: approvalStep('supervisor', 'salesSupervisor', 'control'),
        control: {
          type: 'parallel',
          onDone: 'finance',
          states: {
            risk: {
              initial: 'pending',
              states: {
                pending: approvalStep('risk', 'riskOfficer', 'approved'),
                approved: { type: 'final' },
              },
            },
            compliance: {
              initial: 'pending',
              states: {
                pending: approvalStep('compliance', 'complianceOfficer', 'approved'),
                approved: { type: 'final' },
              },
            },
          },
        },
        finance: {
          always: { guard: not('needsFinance'), target: '#order.payment' },
          ...approvalStep('finance', 'financeOfficer', '#order.payment'),
        },
      },
    },
    payment: {
      on: {
        recordPayment: {
          guard: 'paymentMatches',
          target: 'coolingOff',
          actions: ['recordPayment', 'touch'],
        },
      },
    },
    coolingOff: {
      on: {
        coolingOffElapsed: {
          guard: { type: 'hasRole', params: { role: 'system' } },
          target: 'returnVisit',
          actions: 'touch',
        },
      },
    },
    returnVisit: {
      on: {
        recordReturnVisit: {
          guard: { type: 'hasRole', params: { role: 'returnVisitAgent' } },
          target: 'fundRelease',
          actions: 'touch',
        },
      },
    },
    fundRelease: {
      initial: 'awaitingRelease',
      states: {
        awaitingRelease: {
          on: {
            releaseFunds: {
              guard: { type: 'hasRole', params: { role: 'operations' } },
              target: 'transferring',
              actions: 'touch',
            },
          },
        },
        transferring: {
          on: {
            transferSettled: {
              guard: { type: 'hasRole', params: { role: 'system' } },
              target: '#order.registrarConfirmation',
              actions: 'touch',
            },
          },
        },
      },
    },
    registrarConfirmation: {
      on: {
        recordConfirmation: {
          guard: { type: 'hasRole', params: { role: 'operations' } },
          target: 'archive',
          actions: 'touch',
        },
      },
    },
    archive: {
      on: {
        archive: {
          guard: { type: 'hasRole', params: { role: 'operations' } },
          target: 'done',
          actions: 'touch',
        },
      },
    },
    done: { type: 'final' },
  },
});
