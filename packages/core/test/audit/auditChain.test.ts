import { createHash } from 'node:crypto';
import type { AuditDraft, AuditEntry } from '@orderflow/core';
import {
  appendAuditEntries,
  GENESIS_HASH,
  hashAuditEntry,
  verifyAuditChain,
} from '@orderflow/core';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';

const draft = (n: number, overrides: Partial<AuditDraft> = {}): AuditDraft => ({
  orderId: 'order-1',
  at: new Date(Date.UTC(2026, 0, 5, 1, n)).toISOString(),
  actorId: `actor-${n % 3}`,
  actorRoles: ['salesRep', 'riskOfficer'],
  role: n % 2 === 0 ? 'riskOfficer' : null,
  command: n % 5 === 0 ? 'approve' : 'enterOrder',
  outcome: n % 7 === 0 ? 'refused' : 'accepted',
  fromState: `s${n}`,
  toState: `s${n + 1}`,
  version: n,
  facts: { amountMinor: 100_000_00 + n, rule: n % 7 === 0 ? 'segregation-of-duties' : null },
  payload: { amount: '1000000.00', note: '审批意见', n },
  ...overrides,
});

const chain = (length: number): AuditEntry[] =>
  appendAuditEntries(
    undefined,
    Array.from({ length }, (_, i) => draft(i + 1)),
  );

describe('audit hash chain', () => {
  it('starts at seq 1 on the genesis hash and links each entry to the one before', () => {
    const [first, second] = chain(2);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash });
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });

  it('hashes sha256 of prevHash followed by the RFC 8785 canonical JSON of the other fields', () => {
    const [entry] = appendAuditEntries(undefined, [
      draft(1, { facts: { b: 1, a: [true, null, 'x'] }, payload: 1e21 }),
    ]);
    if (entry === undefined) throw new Error('no entry');
    // Written out by hand: keys sorted, numbers in ECMAScript form, no whitespace, no hash.
    const canonical =
      '{"actorId":"actor-1","actorRoles":["salesRep","riskOfficer"],"at":"2026-01-05T01:01:00.000Z",' +
      '"command":"enterOrder","facts":{"a":[true,null,"x"],"b":1},"fromState":"s1",' +
      `"orderId":"order-1","outcome":"accepted","payload":1e+21,"prevHash":"${GENESIS_HASH}",` +
      '"role":null,"seq":1,"toState":"s2","version":1}';
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonical)
      .digest('hex');
    expect(entry.hash).toBe(expected);
    expect(hashAuditEntry(entry, GENESIS_HASH)).toBe(expected);
  });

  it('gives the same hash whatever order the object keys were written in', () => {
    const [a] = appendAuditEntries(undefined, [draft(1, { facts: { x: 1, y: { p: 1, q: 2 } } })]);
    const [b] = appendAuditEntries(undefined, [draft(1, { facts: { y: { q: 2, p: 1 }, x: 1 } })]);
    expect(a?.hash).toBe(b?.hash);
  });

  it('continues after the last stored entry', () => {
    const first = chain(3);
    const more = appendAuditEntries(first.at(-1), [draft(4), draft(5)]);
    expect(more.map((e) => e.seq)).toEqual([4, 5]);
    expect(verifyAuditChain([...first, ...more])).toEqual(
      E.right({ entries: 5, head: more[1]?.hash }),
    );
  });

  it('verifies a long chain and reports its head', () => {
    const entries = chain(1000);
    expect(verifyAuditChain(entries)).toEqual(E.right({ entries: 1000, head: entries[999]?.hash }));
  });

  it('verifies an empty trail with the genesis head', () => {
    expect(verifyAuditChain([])).toEqual(E.right({ entries: 0, head: GENESIS_HASH }));
  });

  it('names the entry after a deleted one as a seq gap', () => {
    const entries = chain(5);
    const result = verifyAuditChain([...entries.slice(0, 2), ...entries.slice(3)]);
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'AuditChainBroken',
          orderId: 'order-1',
          seq: 4,
          index: 2,
          reason: 'seqGap',
          expected: '3',
          stored: '4',
        }),
      ),
    );
  });

  it('detects a rewritten entry whose hash was recomputed, at the entry after it', () => {
    const entries = chain(4);
    const victim = entries[1] as AuditEntry;
    const forged = { ...victim, facts: { ...victim.facts, amountMinor: 1 } };
    const rehashed = { ...forged, hash: hashAuditEntry(forged, forged.prevHash) };
    const result = verifyAuditChain([entries[0] as AuditEntry, rehashed, ...entries.slice(2)]);
    expect(result).toEqual(
      E.left(
        expect.objectContaining({
          seq: 3,
          reason: 'prevHashMismatch',
          expected: rehashed.hash,
          stored: victim.hash,
        }),
      ),
    );
  });

  /** A different value of the same JSON shape, so the field really changes. */
  const alter = (value: unknown, tweak: string): unknown => {
    if (typeof value === 'string') return `${value}${tweak}!`;
    if (typeof value === 'number') return value + 1 + tweak.length;
    if (value === null) return tweak;
    if (Array.isArray(value)) return [...value, tweak];
    if (typeof value === 'object') return { ...value, [`k${tweak}`]: tweak };
    return !value;
  };

  it('detects any change to any one field of any one entry, at exactly that entry', () => {
    const fields = Object.keys(chain(1)[0] as AuditEntry) as (keyof AuditEntry)[];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.nat(),
        fc.constantFrom(...fields),
        fc.string({ maxLength: 3 }),
        (length, at, field, tweak) => {
          const entries = chain(length);
          const index = at % length;
          const original = entries[index] as AuditEntry;
          entries[index] = { ...original, [field]: alter(original[field], tweak) } as AuditEntry;
          const result = verifyAuditChain(entries);
          const reason =
            field === 'seq' ? 'seqGap' : field === 'prevHash' ? 'prevHashMismatch' : 'hashMismatch';
          expect(result).toEqual(
            E.left(expect.objectContaining({ _tag: 'AuditChainBroken', index, reason })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifies any trail built in batches, whatever the entries hold', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 8 });
    const drafts = fc.array(
      fc.record({
        actorId: text,
        command: text,
        outcome: fc.constantFrom('accepted' as const, 'refused' as const),
        facts: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 })),
        payload: fc.jsonValue({ maxDepth: 2 }),
      }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(drafts, fc.array(fc.integer({ min: 1, max: 4 })), (parts, batches) => {
        const all: AuditEntry[] = [];
        let rest = parts.map((p, i) => draft(i + 1, p as Partial<AuditDraft>));
        for (const size of [...batches, rest.length]) {
          all.push(...appendAuditEntries(all.at(-1), rest.slice(0, size)));
          rest = rest.slice(size);
        }
        expect(all.map((e) => e.seq)).toEqual(parts.map((_, i) => i + 1));
        expect(verifyAuditChain(all)).toEqual(
          E.right({ entries: parts.length, head: all.at(-1)?.hash }),
        );
        // The same entries read back through JSON (as a store returns them) still verify.
        expect(E.isRight(verifyAuditChain(JSON.parse(JSON.stringify(all))))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('throws for an entry that is not JSON (a programmer error)', () => {
    const bad = { ...draft(1), seq: 1, prevHash: GENESIS_HASH, payload: Number.NaN };
    expect(() => hashAuditEntry(bad, GENESIS_HASH)).toThrow();
  });
});
