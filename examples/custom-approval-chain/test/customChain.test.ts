import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runChain } from '../src/runChain.js';

const here = dirname(fileURLToPath(import.meta.url));
const chain = join(here, '..', 'team-chain.yaml');

describe('the custom approval chain example', () => {
  it('loads the team YAML, draws it, and runs a quorum of two with finance only above ¥5M', async () => {
    const out = mkdtempSync(join(tmpdir(), 'orderflow-chain-'));
    const lines: string[] = [];
    expect(await runChain(chain, out, (l) => lines.push(l))).toBe(0);
    expect(lines).toContain(
      'TEAM-3M (¥3000000.00): approval.supervisor → approval.control → payment.awaiting',
    );
    expect(lines).toContain(
      'TEAM-6M (¥6000000.00): approval.supervisor → approval.control → approval.finance → payment.awaiting',
    );
    expect(lines.find((l) => l.startsWith('SLA escalations sent:'))).toMatch(/TEAM-3M.*TEAM-6M/);
    const svg = readFileSync(join(out, 'team-private-fund.svg'), 'utf8');
    expect(svg).toContain('control (quorum 2/3)');
    expect(svg).toContain('财务（大额）');
  });

  it('reports a broken edit of the chain with its position instead of running it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orderflow-chain-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(chain, 'utf8').replace('quorum: 2', 'quorum: 4'));
    const lines: string[] = [];
    expect(await runChain(broken, dir, (l) => lines.push(l))).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^.*broken\.yaml:\d+:\d+: stages\[6\]\.steps\[1\]\.parallel\.quorum: .*quorum/,
    );
  });
});
