import type {
  AuditChainBroken,
  AuditChainVerified,
  Calendar,
  Clock,
  Directory,
  Notifier,
  OrderStore,
  PaymentGateway,
  Registrar,
  SignatureProvider,
} from '@orderflow/core';
import { createMemoryStore, createTradingCalendar, verifyAuditChain } from '@orderflow/core';
import {
  createBankSimulator,
  createFakeSignatureProvider,
  createRecordingNotifier,
  createRegistrarSimulator,
  createSimulatedClock,
  createStaticDirectory,
} from '@orderflow/core/testing';
import type { Either } from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';

describe('infrastructure types', () => {
  it('implement the ports they stand in for', () => {
    expectTypeOf(createMemoryStore()).toExtend<OrderStore>();
    expectTypeOf(createTradingCalendar()).toExtend<Calendar>();
    expectTypeOf(createSimulatedClock(0)).toExtend<Clock>();
    expectTypeOf(createBankSimulator()).toExtend<PaymentGateway>();
    expectTypeOf(createRegistrarSimulator()).toExtend<Registrar>();
    expectTypeOf(createFakeSignatureProvider()).toExtend<SignatureProvider>();
    expectTypeOf(createRecordingNotifier()).toExtend<Notifier>();
    expectTypeOf(createStaticDirectory({})).toExtend<Directory>();
  });

  it('return the chain verification as an Either with a tagged failure', () => {
    expectTypeOf(verifyAuditChain([])).toEqualTypeOf<
      Either<AuditChainBroken, AuditChainVerified>
    >();
    expectTypeOf<AuditChainBroken['reason']>().toEqualTypeOf<
      'seqGap' | 'prevHashMismatch' | 'hashMismatch'
    >();
  });

  it('accept only the scripted steps each fake knows', () => {
    // @ts-expect-error 'explode' is not something the bank does
    createBankSimulator({ script: ['explode'] });
    // @ts-expect-error a partial confirmation takes a number ratio
    createRegistrarSimulator({ script: [{ partial: '0.6' }] });
    // @ts-expect-error the signature provider has no 'settle' step
    createFakeSignatureProvider({ byKey: { k: 'settle' } });
    // @ts-expect-error the notifier has no 'pending' step
    createRecordingNotifier({ otherwise: 'pending' });
  });
});
