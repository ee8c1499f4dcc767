import { existsSync } from 'node:fs';
import {
  BUILTIN_IDS,
  type BuiltinId,
  builtinPath,
  type Definition,
  durationMs,
  formatDefinitionError,
  loadBuiltin,
  parseAmount,
} from '@orderflow/definitions';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

function load(id: BuiltinId): Definition {
  const loaded = loadBuiltin(id);
  if (E.isLeft(loaded)) throw new Error(loaded.left.map(formatDefinitionError).join('\n'));
  return loaded.right;
}

const kinds = (d: Definition) => d.stages.map((s) => s.kind);
const HOURS_24 = 24 * 60 * 60 * 1000;

describe('built-in definitions', () => {
  it.each(BUILTIN_IDS)('%s loads with no error', (id) => {
    expect(existsSync(builtinPath(id))).toBe(true);
    expect(E.isRight(loadBuiltin(id))).toBe(true);
    expect(load(id).key).toBe(`${id}@1`);
  });

  it('private fund: qualified investor of at least 1M CNY with the individual and entity thresholds', () => {
    const d = load('private-fund-subscription');
    expect(d.productKind).toBe('privateFund');
    const qi = d.productRules.qualifiedInvestor;
    expect(qi?.minimumAmount).toBe('1000000.00');
    expect(parseAmount(qi?.minimumAmount as string, d.currency)).toEqual(E.right(100000000));
    expect([
      qi?.individualFinancialAssets,
      qi?.individualAverageIncome,
      qi?.entityNetAssets,
    ]).toEqual(['3000000.00', '500000.00', '10000000.00']);
  });

  it('private fund: 24 h cooling-off from signed and paid, then a return visit by a control role', () => {
    const d = load('private-fund-subscription');
    expect(d.productRules.coolingOff?.startsAfter).toBe('signedAndPaid');
    expect(durationMs(d.productRules.coolingOff?.duration ?? 'PT0S')).toBeGreaterThanOrEqual(
      HOURS_24,
    );
    const k = kinds(d);
    expect(k.indexOf('signing')).toBeLessThan(k.indexOf('coolingOff'));
    expect(k.indexOf('payment')).toBeLessThan(k.indexOf('coolingOff'));
    expect(k.indexOf('coolingOff')).toBeLessThan(k.indexOf('returnVisit'));
    expect(k.indexOf('returnVisit')).toBeLessThan(k.indexOf('fundRelease'));
    const visit = d.stages.find((s) => s.kind === 'returnVisit');
    expect(visit && 'role' in visit && d.roles[visit.role]?.line).toBe('control');
  });

  it('private fund: supervisor, then risk and compliance together, then finance for large amounts', () => {
    const d = load('private-fund-subscription');
    const approval = d.stages.find((s) => s.kind === 'approval');
    if (approval?.kind !== 'approval') throw new Error('no approval stage');
    expect(approval.onReject).toBe('entry');
    const [supervisor, control, finance] = approval.steps;
    expect(supervisor && 'aspect' in supervisor && supervisor.aspect).toBe('supervisor');
    expect(control && 'parallel' in control && control.parallel.policy).toBe('all');
    expect(control && 'parallel' in control && control.parallel.steps.map((s) => s.aspect)).toEqual(
      ['risk', 'compliance'],
    );
    expect(finance && 'when' in finance && finance.when).toBe('amount >= 5000000');
    for (const step of [supervisor, finance]) {
      expect(step && 'sla' in step && step.sla !== undefined && step.escalateTo !== undefined).toBe(
        true,
      );
    }
  });

  it('bank private wealth: cooling-off from signing, recording required, one-year assessment', () => {
    const d = load('bank-wealth-private');
    expect(d.productRules.coolingOff).toEqual({ duration: 'PT24H', startsAfter: 'signed' });
    expect(d.productRules.recordingRequired).toBe(true);
    const signing = d.stages.find((s) => s.kind === 'signing');
    expect(signing?.kind === 'signing' && signing.recordingRequired).toBe(true);
    expect(d.productRules.suitability.assessmentValidity).toBe('P1Y');
  });

  it('public fund: no cooling-off and a cancellable 15:00 Asia/Shanghai cut-off', () => {
    const d = load('public-fund-purchase');
    expect(d.productRules.coolingOff).toBeUndefined();
    expect(kinds(d)).not.toContain('coolingOff');
    expect(d.productRules.cutOff).toEqual({
      time: '15:00',
      timeZone: 'Asia/Shanghai',
      cancellable: true,
    });
    expect(d.productRules.suitability.investorLevels).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(d.productRules.suitability.productLevels).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });

  it('asset-management plan: a minimum ticket per category and three-year assessments', () => {
    const d = load('asset-management-plan');
    expect(d.productRules.qualifiedInvestor?.minimumAmount).toEqual({
      fixedIncome: '300000.00',
      mixed: '400000.00',
      equity: '1000000.00',
      commodity: '1000000.00',
      derivatives: '1000000.00',
    });
    expect(d.productRules.suitability.assessmentValidity).toBe('P3Y');
  });

  it.each(BUILTIN_IDS)('%s keeps suitability evidence for 20 years', (id) => {
    expect(load(id).retention.suitabilityEvidence).toBe('P20Y');
  });
});
