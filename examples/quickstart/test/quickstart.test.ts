import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paintFor } from '../src/paint.js';
import { runDemo } from '../src/runDemo.js';

describe('the quickstart demo', () => {
  it('drives every scenario as scripted on SQLite, prints timelines and inboxes, and exits 0', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'orderflow-demo-')), 'demo');
    const lines: string[] = [];
    const code = await runDemo({
      dir,
      out: (l) => lines.push(l),
      paint: paintFor({ isTTY: false }),
    });
    const text = lines.join('\n');
    expect(code, text).toBe(0);
    expect(text).toContain('All 5 orders went as expected.');
    expect(text).toMatch(/何伟 .*verifyEntry +✗ refused: segregation-of-duties/);
    expect(text).toMatch(/周涛 .*returnForAmendment +✓ approval\.control → entry\.entering/);
    expect(text).toMatch(/郑洁 .*recordReturnVisit +✗ refused: cooling-off/);
    expect(text).toMatch(/郑洁 .*withdraw +✓ coolingOff\.running → withdrawn\.settling/);
    expect(text).toMatch(/system .*refundSettled +✓ withdrawn\.settling → withdrawn\.refunded/);
    expect(text).toMatch(/陈静 \(sales supervisor\) +PRI-0002 approval\.supervisor \(overdue\)/);
    expect(text).not.toContain('\u001b[');
    expect(existsSync(join(dir, 'orders.db'))).toBe(true);
    expect(readdirSync(join(dir, 'diagrams')).sort()).toEqual([
      'AMP-0001.svg',
      'BWP-0001.svg',
      'PRI-0001.svg',
      'PRI-0002.svg',
      'PUB-0001.svg',
    ]);
  }, 60_000);

  it('paints only on a terminal without NO_COLOR', () => {
    expect(paintFor({ isTTY: true }, {})('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(paintFor({ isTTY: true }, { NO_COLOR: '1' })('red', 'x')).toBe('x');
    expect(paintFor({ isTTY: false }, {})('red', 'x')).toBe('x');
  });
});
