import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_IDS } from '@orderflow/definitions';
import { describe, expect, it } from 'vitest';
import { runDiagram } from '../../src/cli/diagram.js';
import { runCli } from '../../src/cli/runCli.js';
import { collectIo } from './collectIo.js';

describe('orderflow diagram', () => {
  it('draws the private fund machine as Mermaid with its approval chain', async () => {
    const io = collectIo();
    expect(await runDiagram(['private-fund-subscription'], io)).toBe(0);
    const text = io.outLines.join('\n');
    expect(text.startsWith('stateDiagram-v2')).toBe(true);
    expect(text).toContain('state approval {');
    expect(text).toMatch(/approval_control/);
    expect(text).toContain('多层审批');
    expect(io.errLines).toEqual([]);
  });

  it.each(BUILTIN_IDS)('renders %s to a valid SVG file', async (id) => {
    const out = join(mkdtempSync(join(tmpdir(), 'orderflow-diagram-')), `${id}.svg`);
    const io = collectIo();
    expect(await runDiagram([id, '--format', 'svg', '--out', out], io)).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*<\/svg>\s*$/);
    expect(svg).toContain('归档');
    expect(io.outLines[0]).toMatch(
      new RegExp(`^${out}: svg diagram of ${id}@1 \\(\\d+ states, \\d+ transitions\\)$`),
    );
  });

  it('highlights a state in DOT', async () => {
    const io = collectIo();
    expect(
      await runDiagram(['public-fund-purchase', '--format', 'dot', '--highlight', 'approval'], io),
    ).toBe(0);
    const dot = io.outLines.join('\n');
    expect(dot).toMatch(
      /subgraph "cluster_approval" \{\n\s+label="审批"; style="rounded,filled"; fillcolor="#ffd54f";/,
    );
  });

  it('refuses an unknown state to highlight, naming the states there are', async () => {
    const io = collectIo();
    expect(await runDiagram(['public-fund-purchase', '--highlight', 'nowhere'], io)).toBe(1);
    expect(io.errLines).toHaveLength(1);
    expect(io.errLines[0]).toMatch(
      /^orderflow diagram: no state "nowhere" in public-fund-purchase@1; top-level states: needs, entry, /,
    );
  });

  it('refuses an unknown format and a missing definition in one line each', async () => {
    const io = collectIo();
    expect(await runDiagram(['public-fund-purchase', '--format', 'png'], io)).toBe(1);
    expect(await runDiagram([], io)).toBe(1);
    expect(io.errLines).toEqual([
      'orderflow diagram: unknown format "png"; expected one of mermaid, dot, svg',
      'orderflow diagram: no definition given (a file or a built-in id)',
    ]);
  });

  it('reports a definition that does not load with positioned errors', async () => {
    const io = collectIo();
    expect(await runDiagram(['no-such-file.yaml'], io)).toBe(1);
    expect(io.errLines.length).toBeGreaterThan(0);
    expect(io.errLines[0]).toContain('no-such-file.yaml');
  });

  it('is reachable through the CLI with its help', async () => {
    const io = collectIo();
    expect(await runCli(['diagram', '--help'], io)).toBe(0);
    expect(io.outLines[0]).toMatch(/^Usage: orderflow diagram <file\|builtin-id>/);
  });
});
