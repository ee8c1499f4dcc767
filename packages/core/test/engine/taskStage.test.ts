import { describe, expect, it } from 'vitest';
import { createHarness, definitionOf, orderInput, people, right } from '../support/harness.js';

const WITH_TASK = definitionOf(`
id: with-task
version: 1
name: a custom KYC call before the entry
productKind: publicFund
currency: CNY
roles:
  salesRep: { line: sales }
  operations: { line: operations }
  kycAgent: { line: control }
stages:
  - { id: needs, kind: needsConfirmation, role: salesRep }
  - id: kycCall
    kind: task
    role: kycAgent
    when: amount >= 500000
    sla: PT4H
    form:
      - { name: calledAt, type: date, required: true }
      - { name: reachable, type: boolean, required: true }
      - { name: note, type: string, required: false }
  - { id: entry, kind: entry, makerRole: salesRep, checkerRole: operations }
  - { id: archive, kind: archive, role: operations }
productRules:
  suitability:
    investorLevels: [C1, C2, C3, C4, C5]
    productLevels: [R1, R2, R3, R4, R5]
    assessmentValidity: P3Y
  cutOff: { time: "15:00", timeZone: Asia/Shanghai }
retention: { orderRecords: P20Y }
`);

const agent = { id: 'kyc-1', roles: ['kycAgent'] };

describe('a custom task stage', () => {
  it('waits for its role to fill the form, checks the form, and records the answers', async () => {
    const h = createHarness({ definitions: [WITH_TASK] });
    right(await h.engine.open(orderInput('with-task', { orderId: 'k1' }), { actor: people.rm1 }));
    const atTask = await h.ok('k1', people.rm1, { type: 'confirmNeeds', documentId: 'd' });
    expect(atTask.state).toBe('kycCall.open');
    expect(atTask.context.due['kycCall.task']).toBeDefined();
    const missing = await h.refused('k1', agent, { type: 'completeTask', fields: { note: 'x' } });
    expect(missing).toMatchObject({
      _tag: 'CommandInvalid',
      problems: [
        { path: 'fields.calledAt', message: 'required' },
        { path: 'fields.reachable', message: 'required' },
      ],
    });
    const done = await h.ok('k1', agent, {
      type: 'completeTask',
      fields: { calledAt: '2026-03-02', reachable: true },
    });
    expect(done.state).toBe('entry.entering');
    expect(done.context.taskResults.kycCall).toEqual({ calledAt: '2026-03-02', reachable: true });
  });

  it('is skipped when its when condition is false', async () => {
    const h = createHarness({ definitions: [WITH_TASK] });
    right(
      await h.engine.open(orderInput('with-task', { orderId: 'k2', amount: '100000.00' }), {
        actor: people.rm1,
      }),
    );
    expect((await h.ok('k2', people.rm1, { type: 'confirmNeeds', documentId: 'd' })).state).toBe(
      'entry.entering',
    );
  });
});
