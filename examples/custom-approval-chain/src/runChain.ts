/**
 * The custom-approval-chain example: a team's own YAML is loaded and validated, its
 * machine drawn, and two orders run through its chain — risk, compliance and legal in
 * parallel with a quorum of two, finance only above ¥5M, the supervisor's SLA escalating.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Actor,
  type Command,
  compile,
  createEngine,
  createMemoryStore,
  describeMachine,
  type Engine,
  renderSvg,
  stateLabelsOf,
  toDot,
  toMermaid,
} from '@orderflow/core';
import {
  createBankSimulator,
  createFakeSignatureProvider,
  createRecordingNotifier,
  createRegistrarSimulator,
  createSimulatedClock,
} from '@orderflow/core/testing/fakes';
import { formatDefinitionError, loadDefinitionFile } from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';

const who = {
  rm: { id: 'rm-1', roles: ['salesRep'] },
  ops: { id: 'ops-1', roles: ['operations'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  risk: { id: 'risk-1', roles: ['riskOfficer'] },
  comp: { id: 'comp-1', roles: ['complianceOfficer'] },
  legal: { id: 'legal-1', roles: ['legalCounsel'] },
  fin: { id: 'fin-1', roles: ['financeOfficer'] },
} as const satisfies Record<string, Actor>;

/** Loads `file`, writes its diagrams to `outDir`, runs two orders; resolves to the exit code. */
export async function runChain(
  file: string,
  outDir: string,
  out: (line: string) => void,
): Promise<number> {
  const loaded = loadDefinitionFile(file);
  if (E.isLeft(loaded)) {
    for (const error of loaded.left) out(formatDefinitionError(error));
    return 1;
  }
  const definition = loaded.right;
  out(`${file}: ${definition.key} loads and validates`);

  const graph = describeMachine(compile(definition), { labels: stateLabelsOf(definition) });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${definition.id}.mmd`), toMermaid(graph, { highlight: 'approval' }));
  const svg = await renderSvg(toDot(graph, { highlight: 'approval' }));
  if (E.isLeft(svg)) {
    out(`diagram: ${svg.left.message}`);
    return 1;
  }
  writeFileSync(join(outDir, `${definition.id}.svg`), svg.right);
  out(`diagrams: ${join(outDir, `${definition.id}.svg`)} and .mmd (approval chain highlighted)`);

  const clock = createSimulatedClock('2026-03-02T02:00:00.000Z');
  const notifier = createRecordingNotifier({ clock });
  const engine = createEngine({
    definitions: [definition],
    store: createMemoryStore(),
    clock,
    notifier,
    signer: createFakeSignatureProvider({ clock }),
    payments: createBankSimulator({ clock }),
    registrar: createRegistrarSimulator({ clock }),
  });
  const problems: string[] = [];
  for (const [orderId, amount] of [
    ['TEAM-3M', '3000000.00'],
    ['TEAM-6M', '6000000.00'],
  ] as const) {
    const path = await driveToPayment(engine, orderId, amount, () => clock.advance('PT5H'));
    if (E.isLeft(path)) {
      problems.push(`${orderId}: ${path.left}`);
      continue;
    }
    out(`${orderId} (¥${amount}): ${path.right.join(' → ')}`);
  }
  const escalations = notifier.delivered().filter((n) => n.event === 'slaBreached');
  out(
    `SLA escalations sent: ${escalations.length} (${escalations.map((n) => n.orderId).join(', ')})`,
  );
  if (escalations.length === 0) problems.push('the supervisor SLA did not escalate');
  for (const p of problems) out(`problem: ${p}`);
  return problems.length === 0 ? 0 : 1;
}

/**
 * Opens an order and takes it to payment. The supervisor answers late (after `beLate`),
 * risk and legal approve, compliance never answers: the quorum of two carries it.
 */
async function driveToPayment(
  engine: Engine,
  orderId: string,
  amount: string,
  beLate: () => void,
): Promise<E.Either<string, string[]>> {
  const opened = await engine.open(
    {
      definition: 'team-private-fund',
      orderId,
      product: { code: 'PF-77', name: '团队私募', riskLevel: 'R3' },
      investor: {
        id: `inv-${orderId}`,
        name: '客户',
        kind: 'individual',
        classification: 'ordinary',
        riskLevel: 'C4',
        lowestCategory: false,
        assessedAt: '2026-01-10',
        ownAccounts: ['6222-7777'],
        qualificationProof: 'assets-proof',
        financialAssets: '9000000.00',
      },
      amount,
      channel: 'branch',
    },
    { actor: who.rm },
  );
  if (E.isLeft(opened)) return E.left(`open: ${opened.left._tag}`);
  const steps: [Actor, Command][] = [
    [who.rm, { type: 'confirmNeeds', documentId: 'needs-1' }],
    [who.rm, { type: 'submitQualification', documents: ['id', 'assets-proof'] }],
    [who.risk, { type: 'recordQualification', result: 'passed' }],
    [who.rm, { type: 'enterOrder' }],
    [who.ops, { type: 'verifyEntry' }],
    [who.ops, { type: 'draftContract', contractId: `c-${orderId}`, amount, text: '投资有风险。' }],
    [who.rm, { type: 'requestSignature' }],
  ];
  const states: string[] = [];
  for (const [actor, command] of steps) {
    const r = await engine.dispatch(orderId, command, { actor });
    if (E.isLeft(r)) return E.left(`${command.type}: ${r.left._tag}`);
  }
  // The fake signer signs at once; its answer comes back when due effects run.
  const signed = await engine.runDue();
  if (E.isLeft(signed)) return E.left(`runDue: ${signed.left._tag}`);
  beLate();
  const due = await engine.runDue();
  if (E.isLeft(due)) return E.left(`runDue: ${due.left._tag}`);
  for (const [actor, command] of [
    [who.sup, { type: 'approve' }],
    [who.risk, { type: 'approve', step: 'risk' }],
    [who.legal, { type: 'approve', step: 'legal' }],
    [who.fin, { type: 'approve' }],
  ] as const) {
    const before = await engine.get(orderId);
    if (E.isLeft(before)) return E.left(`get: ${before.left._tag}`);
    if (!before.right.state.startsWith('approval')) break;
    states.push(before.right.state);
    const r = await engine.dispatch(orderId, command, { actor });
    if (E.isLeft(r)) return E.left(`${actor.id} approve: ${r.left._tag}`);
  }
  const after = await engine.get(orderId);
  if (E.isLeft(after)) return E.left(`get: ${after.left._tag}`);
  states.push(after.right.state);
  return E.right(states.filter((s, i) => states.indexOf(s) === i));
}
