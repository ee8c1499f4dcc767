import { describe, expect, it } from 'vitest';
import { chainDefinition } from '../support/chainDefinition.js';
import { advanceTo } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

const group = (id: string, policy: string, extra = '') => `      - parallel:
          id: ${id}
          policy: ${policy}${extra}
          steps:
            - { id: r1, role: riskOfficer, aspect: risk }
            - { id: r2, role: riskOfficer, aspect: risk }
            - { id: c1, role: complianceOfficer, aspect: compliance }`;

const QUORUM = chainDefinition('chain-quorum', group('panel', 'quorum', '\n          quorum: 2'));
const ANY = chainDefinition('chain-any', group('panel', 'any'));
const ALL = chainDefinition('chain-all', group('panel', 'all'));
const BACK = chainDefinition('chain-back', group('panel', 'all'), 'entry');

const atPanel = async (definition: string, orderId: string) => {
  const h = createHarness({ definitions: [QUORUM, ANY, ALL, BACK] });
  right(await h.engine.open(orderInput(definition, { orderId }), { actor: people.rm1 }));
  await h.ok(orderId, people.rm1, { type: 'confirmNeeds', documentId: 'needs-1' });
  await h.ok(orderId, people.rm1, { type: 'enterOrder' });
  expect((await h.ok(orderId, people.ops, { type: 'verifyEntry' })).state).toBe('approval.panel');
  return h;
};

describe('parallel approval groups', () => {
  it('A17 a quorum of 2 of 3 proceeds after two distinct approvers, not after one person twice', async () => {
    const h = await atPanel('chain-quorum', 'q');
    const one = await h.ok('q', people.risk, { type: 'approve' });
    expect(one.state).toBe('approval.panel');
    const again = await h.refused('q', people.risk, { type: 'approve', step: 'r2' });
    await expectRefused(h, 'q', again, 'segregation-of-duties', one.version);
    const two = await h.ok('q', people.risk2, { type: 'approve' });
    expect(two.state).toBe('payment.awaiting');
    expect(two.context.approvals.approval?.decisions.map((d) => [d.stepId, d.actorId])).toEqual([
      ['r1', 'risk-1'],
      ['r2', 'risk-2'],
    ]);
  });

  it('A17 an any-group proceeds after one approval', async () => {
    const h = await atPanel('chain-any', 'any');
    expect((await h.ok('any', people.comp, { type: 'approve' })).state).toBe('payment.awaiting');
  });

  it('A17 an all-group waits for every member', async () => {
    const h = await atPanel('chain-all', 'all');
    expect((await h.ok('all', people.risk, { type: 'approve' })).state).toBe('approval.panel');
    expect((await h.ok('all', people.comp, { type: 'approve' })).state).toBe('approval.panel');
    const tasks = right(await h.engine.tasks({ role: 'riskOfficer' }));
    expect(tasks.map((t) => t.stepId)).toEqual(['r2']);
    expect((await h.ok('all', people.risk2, { type: 'approve' })).state).toBe('payment.awaiting');
  });

  it('A17 a rejection inside a group ends the order when onReject is rejected', async () => {
    const h = await atPanel('chain-all', 'rej');
    await h.ok('rej', people.risk, { type: 'approve' });
    const rejected = await h.ok('rej', people.comp, {
      type: 'reject',
      reason: 'source of funds unclear',
    });
    expect(rejected.status).toBe('rejected');
  });

  it('A17 a rejection inside a group goes back to the onReject stage as a new revision', async () => {
    const h = await atPanel('chain-back', 'back');
    const back = await h.ok('back', people.comp, { type: 'reject', reason: 'amount too high' });
    expect(back.state).toBe('entry.entering');
    expect(back.revision).toBe(2);
    expect(back.context.approvals).toEqual({});
  });
});

describe('conditional steps', () => {
  it('A18 a step with when amount >= 5000000 is skipped at ¥1M, and the audit records the facts', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('private-fund-subscription', { orderId: 'a18a' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a18a', 'approval');
    const planned = (await h.audit('a18a')).find(
      (e) => e.facts['approvalPlan:approval'] !== undefined,
    );
    expect(planned?.facts['approvalPlan:approval']).toMatchObject({
      amount: 1000000,
      'when:finance': { expression: 'amount >= 5000000', value: false },
    });
    const paid = await advanceTo(h, 'a18a', 'payment');
    expect(paid.context.approvals.approval?.decisions.map((d) => d.stepId)).toEqual([
      'supervisor',
      'risk',
      'compliance',
    ]);
  });

  it('A18 the same step is required at ¥6M', async () => {
    const h = createHarness();
    right(
      await h.engine.open(
        orderInput('private-fund-subscription', { orderId: 'a18b', amount: '6000000.00' }),
        {
          actor: people.rm1,
        },
      ),
    );
    await advanceTo(h, 'a18b', 'approval');
    const planned = (await h.audit('a18b')).find(
      (e) => e.facts['approvalPlan:approval'] !== undefined,
    );
    expect(planned?.facts['approvalPlan:approval']).toMatchObject({
      'when:finance': { value: true },
    });
    await h.ok('a18b', people.sup, { type: 'approve' });
    await h.ok('a18b', people.risk, { type: 'approve' });
    const atFinance = await h.ok('a18b', people.comp, { type: 'approve' });
    expect(atFinance.state).toBe('approval.finance');
    expect((await h.ok('a18b', people.fin, { type: 'approve' })).state).toBe('payment.awaiting');
  });
});
