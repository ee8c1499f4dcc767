import { describe, expect, it } from 'vitest';
import { advanceTo } from '../support/drive.js';
import { expectRefused } from '../support/expectRefused.js';
import { createHarness, orderInput, people, right } from '../support/harness.js';

describe('who may act', () => {
  it('A01 the maker cannot verify their own entry, and the refused attempt is in the audit', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'a01' }), {
        actor: people.rm1,
      }),
    );
    await advanceTo(h, 'a01', 'entry');
    const maker = { id: 'mk-1', roles: ['salesRep', 'operations'] };
    await h.ok('a01', maker, { type: 'enterOrder' });
    const { version } = await h.view('a01');
    const error = await h.refused('a01', maker, { type: 'verifyEntry' });
    await expectRefused(h, 'a01', error, 'segregation-of-duties', version);
    const last = (await h.audit('a01')).at(-1);
    expect(last?.actorId).toBe('mk-1');
    expect(last?.facts.makerId).toBe('mk-1');
    expect((await h.ok('a01', people.ops, { type: 'verifyEntry' })).state).toBe(
      'approval.supervisor',
    );
  });

  it('A02 the owner or the maker cannot approve even holding the role, and one person approves one step', async () => {
    const h = createHarness();
    const owner = { id: 'rm-1', roles: ['salesRep', 'salesSupervisor'] };
    const maker = { id: 'rm-2', roles: ['salesRep', 'salesSupervisor'] };
    right(
      await h.engine.open(
        orderInput('public-fund-purchase', {
          orderId: 'a02',
          riskLevel: 'R4',
          investor: { riskLevel: 'C4' },
        }),
        {
          actor: owner,
        },
      ),
    );
    await h.ok('a02', owner, { type: 'confirmNeeds', documentId: 'needs-1' });
    await h.ok('a02', maker, { type: 'enterOrder' });
    await h.ok('a02', people.ops, { type: 'verifyEntry' });
    const at = await h.view('a02', owner);
    expect(at.state).toBe('approval.supervisor');
    expect(at.allowedCommands).not.toContain('approve');

    await expectRefused(
      h,
      'a02',
      await h.refused('a02', owner, { type: 'approve' }),
      'segregation-of-duties',
      at.version,
    );
    await expectRefused(
      h,
      'a02',
      await h.refused('a02', maker, { type: 'approve' }),
      'segregation-of-duties',
      at.version,
    );

    await h.ok('a02', people.sup, { type: 'approve' });
    const twice = { id: 'sup-1', roles: ['riskOfficer'] };
    const { version } = await h.view('a02');
    const error = await h.refused('a02', twice, { type: 'approve' });
    await expectRefused(h, 'a02', error, 'segregation-of-duties', version);
    expect(error._tag === 'GuardFailed' && error.facts.earlierStep).toBe('supervisor');
    expect((await h.ok('a02', people.risk, { type: 'approve' })).state).toBe('payment.awaiting');
  });

  it('refuses a command from someone without the stage role as Forbidden, naming the roles', async () => {
    const h = createHarness();
    right(
      await h.engine.open(orderInput('public-fund-purchase', { orderId: 'f1' }), {
        actor: people.rm1,
      }),
    );
    const error = await h.refused('f1', people.ops, { type: 'confirmNeeds', documentId: 'd' });
    expect(error).toMatchObject({ _tag: 'Forbidden', requiredRoles: ['salesRep'] });
    expect((await h.audit('f1')).at(-1)?.outcome).toBe('refused');
  });
});
