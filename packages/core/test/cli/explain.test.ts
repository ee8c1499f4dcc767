import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/explain.js';
import { collectIo } from './collectIo.js';

const dir = mkdtempSync(join(tmpdir(), 'orderflow-explain-'));
const orderFile = (amount: string, overrides: Record<string, unknown> = {}): string => {
  const file = join(dir, `order-${amount}-${Object.keys(overrides).join('-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      definition: 'private-fund-subscription',
      product: { code: 'PF01', name: '私募成长一号', riskLevel: 'R4' },
      investor: {
        id: 'inv-1',
        name: '张三',
        kind: 'individual',
        classification: 'ordinary',
        riskLevel: 'C3',
        lowestCategory: false,
        assessedAt: '2026-01-15',
        ownAccounts: ['6222-0001'],
      },
      amount,
      channel: 'branch',
      ...overrides,
    }),
  );
  return file;
};

describe('orderflow explain', () => {
  it('skips the large-amount finance step at ¥1M and says why', () => {
    const io = collectIo();
    expect(runExplain(['private-fund-subscription', '--order', orderFile('1000000.00')], io)).toBe(
      0,
    );
    const text = io.outLines.join('\n');
    expect(text).toContain('finance: skipped — amount >= 5000000 is false');
    expect(text).toContain('supervisor: required — always');
    expect(text).toContain('risk [parallel control]: required');
    expect(text).toMatch(/FEEL context: amount = 1000000, /);
  });

  it('requires it at ¥6M', () => {
    const io = collectIo();
    expect(runExplain(['private-fund-subscription', '--order', orderFile('6000000.00')], io)).toBe(
      0,
    );
    expect(io.outLines.join('\n')).toContain('finance: required — amount >= 5000000 is true');
  });

  it('explains a suitability mismatch and the private-fund rules', () => {
    const io = collectIo();
    expect(runExplain(['private-fund-subscription', '--order', orderFile('1000000.00')], io)).toBe(
      0,
    );
    const text = io.outLines.join('\n');
    expect(text).toMatch(
      /Suitability: mismatch — investor C3 \(ordinary\), product R4, highest matching level R3; the sale may go on only client-initiated/,
    );
    expect(text).toContain('Qualified investor: required; minimum amount 1000000.00 CNY');
    expect(text).toContain('Cooling-off: PT24H from signing and payment');
  });

  it('reports an order file that fails the input codec with its paths', () => {
    const io = collectIo();
    const bad = orderFile('1,000', { channel: 7 });
    expect(runExplain(['private-fund-subscription', '--order', bad], io)).toBe(1);
    expect(io.errLines.some((l) => l.startsWith(`${bad}: amount:`))).toBe(true);
    expect(io.errLines.some((l) => l.startsWith(`${bad}: channel:`))).toBe(true);
  });

  it('requires --order', () => {
    const io = collectIo();
    expect(runExplain(['private-fund-subscription'], io)).toBe(1);
    expect(io.errLines).toEqual(['orderflow explain: --order <order.json> is required']);
  });

  it('takes one definition, refuses unknown options in one line, and answers --help', () => {
    const two = collectIo();
    expect(runExplain(['a.yaml', 'b.yaml', '--order', 'o.json'], two)).toBe(1);
    expect(two.errLines).toEqual(['orderflow explain: one definition at a time, got 2']);
    const none = collectIo();
    expect(runExplain(['--order', 'o.json'], none)).toBe(1);
    expect(none.errLines).toEqual([
      'orderflow explain: no definition given (a file or a built-in id)',
    ]);
    const unknown = collectIo();
    expect(runExplain(['private-fund-subscription', '--verbose'], unknown)).toBe(1);
    expect(unknown.errLines).toEqual([
      expect.stringMatching(/^orderflow explain: Unknown option '--verbose'/),
    ]);
    const help = collectIo();
    expect(runExplain(['--help'], help)).toBe(0);
    expect(help.outLines.join('\n')).toContain('Usage: orderflow explain');
    expect(help.errLines).toEqual([]);
  });
});
