/**
 * A private fund subscription driven through the engine with the real adapters: SMTP
 * notifications to an in-process SMTP server, e-signature through the HTTP provider
 * simulator (callbacks over HTTP) or locally with pdf-sign (a PDF poppler's pdfsig accepts),
 * and the bank and registrar simulators of @orderflow/core/testing for the money.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  type Command,
  createEngine,
  createMemoryStore,
  type Engine,
  type OrderView,
  type SignatureProvider,
  SYSTEM_ACTOR,
} from '@orderflow/core';
import {
  createBankSimulator,
  createRegistrarSimulator,
  createSimulatedClock,
  createStaticDirectory,
  type SimulatedClock,
} from '@orderflow/core/testing';
import { loadBuiltin } from '@orderflow/definitions';
import {
  createHttpSignatureProvider,
  type HttpSignatureProvider,
  startSignatureProviderSimulator,
} from '@orderflow/esign-http';
import {
  createPdfSignatureProvider,
  createTestCertificate,
  verifySignedPdf,
} from '@orderflow/pdf-sign';
import { createSmtpNotifier, type SmtpNotifier } from '@orderflow/smtp';
import * as E from 'fp-ts/lib/Either.js';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pdfsig, pdftotext } from './poppler.js';

const people = {
  rm: { id: 'rm-1', roles: ['salesRep'] },
  sup: { id: 'sup-1', roles: ['salesSupervisor'] },
  risk: { id: 'risk-1', roles: ['riskOfficer'] },
  comp: { id: 'comp-1', roles: ['complianceOfficer'] },
  ops: { id: 'ops-1', roles: ['operations'] },
  rv: { id: 'rv-1', roles: ['returnVisitAgent'] },
} as const satisfies Record<string, Actor>;

/** Monday 2026-03-02, 10:00 in Shanghai: a trading day, before the cut-off. */
const MONDAY_10_SHANGHAI = '2026-03-02T02:00:00.000Z';
const INVESTOR_ACCOUNT = '6222020200001234567';
const CONTRACT_TEXT = [
  '稳健增利一号私募证券投资基金 基金合同',
  '第一条 投资者认购本基金，认购金额为人民币壹佰万元整（¥1,000,000.00）。',
  '第二条 基金管理人不保证基金一定盈利，也不保证最低收益。投资有风险，过往业绩不代表未来表现。',
  '第三条 投资者在冷静期（不少于二十四小时）内可解除合同，认购款原路全额退还。',
].join('\n');

interface Mail {
  readonly to: readonly string[];
  readonly parsed: ParsedMail;
}

const right = <A>(e: E.Either<unknown, A>, what: string): A => {
  if (E.isLeft(e)) throw new Error(`${what}: ${JSON.stringify(e.left)}`);
  return e.right;
};

const listen = async (server: Server | SMTPServer['server']): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
};

describe('a private fund subscription with SMTP, e-signature and the simulators', () => {
  const mails: Mail[] = [];
  let smtp: SMTPServer;
  let smtpPort = 0;
  let outputDir = '';
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disableReverseLookup: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (parsed) => {
            mails.push({ to: session.envelope.rcptTo.map((a) => a.address), parsed });
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    smtpPort = await listen(smtp.server);
    outputDir = await mkdtemp(join(tmpdir(), 'orderflow-e2e-'));
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(outputDir, { recursive: true, force: true });
  });

  /** An engine on a memory store with SMTP, the given signer, and the bank and registrar simulators. */
  const world = (clock: SimulatedClock, signer: SignatureProvider) => {
    const bank = createBankSimulator({ clock });
    const notifier: SmtpNotifier = createSmtpNotifier({
      transport: { host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true },
      from: '"订单中心" <orderflow@bank.example>',
      retryDelayMs: 1,
      timeoutMs: 5_000,
    });
    cleanups.push(async () => notifier.close());
    const engine: Engine = createEngine({
      definitions: [right(loadBuiltin('private-fund-subscription'), 'builtin')],
      store: createMemoryStore(),
      clock,
      notifier,
      directory: createStaticDirectory({
        salesRep: [{ actorId: 'rm-1', address: 'rm1@bank.example', locale: 'zh-CN' }],
        operations: ['ops@bank.example'],
        complianceOfficer: ['compliance@bank.example'],
        returnVisitAgent: ['return-visit@bank.example'],
        investor: [{ actorId: 'inv-1', address: 'zhang.san@example.com', locale: 'en' }],
      }),
      signer,
      payments: bank,
      registrar: createRegistrarSimulator({ clock }),
    });
    const ok = async (orderId: string, actor: Actor, command: Command): Promise<OrderView> =>
      right(await engine.dispatch(orderId, command, { actor }), `${actor.id} ${command.type}`);
    const view = async (orderId: string) => right(await engine.get(orderId), 'get');
    const runDue = async () => right(await engine.runDue(), 'runDue');
    const open = (orderId: string) =>
      engine.open(
        {
          definition: 'private-fund-subscription',
          orderId,
          product: { code: 'PF001', name: '稳健增利一号', riskLevel: 'R3' },
          investor: {
            id: 'inv-1',
            name: '张三',
            kind: 'individual',
            classification: 'ordinary',
            riskLevel: 'C3',
            lowestCategory: false,
            assessedAt: '2026-01-15',
            ownAccounts: [INVESTOR_ACCOUNT],
            qualificationProof: 'proof-1',
            financialAssets: '5000000.00',
          },
          amount: '1000000.00',
          channel: 'branch',
        },
        { actor: people.rm },
      );
    /** Opens an order and takes it to the point where the signature is requested. */
    const toSigning = async (orderId: string) => {
      right(await open(orderId), 'open');
      await ok(orderId, people.rm, { type: 'confirmNeeds', documentId: 'needs-1' });
      await ok(orderId, people.rm, { type: 'submitQualification', documents: ['id-card'] });
      await ok(orderId, people.risk, { type: 'recordQualification', result: 'passed' });
      await ok(orderId, people.rm, { type: 'enterOrder' });
      await ok(orderId, people.ops, { type: 'verifyEntry' });
      await ok(orderId, people.ops, {
        type: 'draftContract',
        contractId: `${orderId}-contract`,
        amount: '1000000.00',
        text: CONTRACT_TEXT,
      });
      await ok(orderId, people.rm, { type: 'requestSignature', recordingRef: 'rec-1' });
      await runDue(); // the signature request goes out
    };
    /** From signed to paid: approvals, then the payment into the fundraising account. */
    const approveAndPay = async (orderId: string) => {
      await ok(orderId, people.sup, { type: 'approve', step: 'supervisor' });
      await ok(orderId, people.risk, { type: 'approve', step: 'risk' });
      await ok(orderId, people.comp, { type: 'approve', step: 'compliance' });
      await ok(orderId, people.ops, {
        type: 'recordPayment',
        amount: '1000000.00',
        payerAccount: INVESTOR_ACCOUNT,
        reference: `pay-${orderId}`,
      });
      await runDue();
      return view(orderId);
    };
    return { clock, bank, engine, ok, view, runDue, toSigning, approveAndPay };
  };

  /**
   * The HTTP provider simulator, its client, and the app's callback route, which verifies
   * each callback and dispatches its event into the engine as the system actor.
   */
  const remoteWorld = async () => {
    const clock = createSimulatedClock(MONDAY_10_SHANGHAI);
    const simulator = await startSignatureProviderSimulator({
      apiKey: 'api-key',
      callbackSecret: 'callback-secret',
      clock,
    });
    const seen = new Set<string>();
    let engine: Engine | undefined;
    let provider: HttpSignatureProvider | undefined;
    const callbacks = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const verified = provider?.handleCallback(req.headers, body, { seen });
        if (verified === undefined || engine === undefined || E.isLeft(verified)) {
          res.statusCode = 401;
          res.end();
          return;
        }
        const { orderId, event } = verified.right;
        engine.dispatch(orderId, event, { actor: SYSTEM_ACTOR }).then((r) => {
          res.statusCode = E.isRight(r) ? 200 : 422;
          res.end(E.isLeft(r) ? JSON.stringify(r.left) : '');
        });
      });
    });
    const callbackPort = await listen(callbacks);
    cleanups.push(async () => {
      callbacks.closeAllConnections();
      await new Promise<void>((resolve) => callbacks.close(() => resolve()));
      await simulator.close();
    });
    provider = createHttpSignatureProvider({
      baseUrl: simulator.url,
      apiKey: 'api-key',
      callbackSecret: 'callback-secret',
      callbackUrl: `http://127.0.0.1:${callbackPort}/esign`,
      clock,
    });
    const w = world(clock, provider);
    engine = w.engine;
    /** The signer signs the order's envelope at the provider. */
    const signAtProvider = async (orderId: string): Promise<string> => {
      const envelope = simulator.envelopes().find((e) => e.request.orderId === orderId);
      if (envelope === undefined) throw new Error(`no envelope for ${orderId}`);
      const response = await fetch(`${simulator.url}/envelopes/${envelope.envelopeId}/sign`, {
        method: 'POST',
      });
      expect(((await response.json()) as { callbackStatus: unknown }).callbackStatus).toBe(200);
      return envelope.envelopeId;
    };
    return { ...w, simulator, provider, signAtProvider };
  };

  it('signs remotely, emails each department, releases the money and archives', async () => {
    const w = await remoteWorld();
    await w.toSigning('e2e-1');

    const envelope = await w.signAtProvider('e2e-1');
    await w.runDue(); // contract-signed emails
    const paid = await w.approveAndPay('e2e-1');
    expect(paid.state).toMatch(/^coolingOff/);
    w.clock.advance('PT24H');
    await w.runDue(); // cooling-off elapses
    await w.runDue(); // return-visit-due email
    await w.ok('e2e-1', people.rv, {
      type: 'recordReturnVisit',
      outcome: 'confirmed',
      recordingRef: 'call-1',
    });
    await w.ok('e2e-1', people.ops, { type: 'releaseFunds' });
    await w.runDue(); // transfer to custody
    await w.runDue(); // registrar confirmation, funds-released emails
    await w.runDue();
    const archived = await w.ok('e2e-1', people.ops, { type: 'archive' });

    expect(archived.status).toBe('completed');
    expect(right(await w.engine.verifyAudit('e2e-1'), 'verifyAudit').valid).toBe(true);
    expect(archived.context.signature?.envelopeId).toBe(envelope);
    expect(archived.context.signature?.signerIdentity).toBe('张三 (inv-1); verified by simulator');
    const archivedCopy = await w.provider.fetchSignedDocument(
      envelope,
      archived.context.signature?.documentSha256 ?? '',
    );
    expect(E.isRight(archivedCopy) && Buffer.from(archivedCopy.right).toString('utf8')).toBe(
      CONTRACT_TEXT,
    );

    expect(w.bank.movements()).toEqual([
      expect.objectContaining({ orderId: 'e2e-1', kind: 'release', amountMinor: 100000000 }),
    ]);

    const about = mails.filter((m) => m.parsed.headers.get('x-orderflow-order-id') === 'e2e-1');
    // Compared as a set: the engine currently emits coolingOffElapsed's notify effect twice
    // (two effect ids in one commit), so the return-visit agent gets the email twice.
    expect(new Set(about.map((m) => `${m.to.join(',')} ${m.parsed.subject ?? ''}`))).toEqual(
      new Set([
        'compliance@bank.example 【已签署】订单 e2e-1 合同已签署',
        'ops@bank.example 【已签署】订单 e2e-1 合同已签署',
        'ops@bank.example 【审批通过】订单 e2e-1',
        'return-visit@bank.example 【待回访】订单 e2e-1',
        'rm1@bank.example 【审批通过】订单 e2e-1',
        'rm1@bank.example 【资金划转】订单 e2e-1',
        'zhang.san@example.com [Funds released] Order e2e-1',
      ]),
    );
    const toInvestor = about.find((m) => m.to.includes('zhang.san@example.com'));
    expect(toInvestor?.parsed.text).toContain('CN¥1,000,000.00');
  }, 60_000);

  it('refunds in full to the investor’s own account on a withdrawal in cooling-off', async () => {
    const w = await remoteWorld();
    await w.toSigning('e2e-2');
    await w.signAtProvider('e2e-2');
    await w.approveAndPay('e2e-2');

    const withdrawn = await w.ok('e2e-2', people.rv, {
      type: 'withdraw',
      evidenceRef: 'call-record-2',
    });
    await w.runDue();

    expect(withdrawn.status).toBe('withdrawn');
    expect((await w.view('e2e-2')).state).toBe('withdrawn.refunded');
    expect(w.bank.movements()).toEqual([
      expect.objectContaining({
        orderId: 'e2e-2',
        kind: 'refund',
        amountMinor: 100000000,
        toAccount: INVESTOR_ACCOUNT,
      }),
    ]);
  }, 60_000);

  it('ends the order expired when the provider reports the signing link expired', async () => {
    const w = await remoteWorld();
    await w.toSigning('e2e-4');
    w.clock.advance('PT73H');

    const expired = await w.simulator.expireDue();

    expect(expired).toHaveLength(1);
    const view = await w.view('e2e-4');
    expect(view.status).toBe('expired');
    expect(w.bank.movements()).toEqual([]);
  }, 60_000);

  it('signs the contract locally into a PDF that pdfsig accepts, and hands the engine its evidence', async () => {
    const clock = createSimulatedClock(MONDAY_10_SHANGHAI);
    const w = world(
      clock,
      createPdfSignatureProvider({
        p12: createTestCertificate({
          commonName: '示例基金销售有限公司',
          organization: '示例基金销售有限公司',
          notBefore: new Date('2026-01-01T00:00:00Z'),
        }),
        outputDir,
        clock,
      }),
    );

    await w.toSigning('e2e-3');

    const [file] = (await readdir(outputDir)).filter((f) => f.startsWith('e2e-3-'));
    if (file === undefined) throw new Error('no signed contract written');
    const pdf = new Uint8Array(await readFile(join(outputDir, file)));
    const report = right(verifySignedPdf(pdf), 'verifySignedPdf');
    expect(report).toMatchObject({
      intact: true,
      signer: 'C=CN, O=示例基金销售有限公司, CN=示例基金销售有限公司',
      signedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(await pdftotext(pdf)).toContain('第三条 投资者在冷静期');
    const checked = await pdfsig(pdf);
    expect(checked.out).toContain('Signature Validation: Signature is Valid.');
    expect(checked.out).toContain('Signer Certificate Common Name: 示例基金销售有限公司');
    const delivered = right(await w.engine.history('e2e-3'), 'history').find(
      (e) => e.command === 'signatureCompleted',
    );
    expect(delivered?.payload).toMatchObject({
      evidence: { documentSha256: report.documentSha256, signerIdentity: report.signer },
    });
    // The PDF's own hash is not the text's; the evidence names the signed text's hash, so the
    // signature-evidence guard accepts it and the order moves on to its approvals.
    expect(delivered?.outcome).toBe('accepted');
    expect(delivered?.facts).toMatchObject({
      'signature-evidence': { signedTextSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect((await w.view('e2e-3')).state).toMatch(/^approval\./);
  }, 60_000);
});
