/** A small valid definition and a way to break it one line at a time, for rule fixtures. */

/**
 * The base fixture. Lines are numbered in comments of the tests that break them; keep
 * every replacement on its line so positions stay where the tests expect them.
 */
export const BASE = `id: fixture
version: 1
name: Fixture
productKind: bankWealth
currency: CNY
roles:
  rep: { line: sales }
  boss: { line: sales }
  risk: { line: control }
  ops: { line: operations }
stages:
  - { id: needs, kind: needsConfirmation, role: rep }
  - { id: entry, kind: entry, makerRole: rep, checkerRole: ops }
  - id: approval
    kind: approval
    onReject: entry
    steps:
      - { id: boss, role: boss, aspect: supervisor }
      - { id: risk, role: risk, aspect: risk, when: amount >= 5000000 }
  - { id: payment, kind: payment, role: ops }
productRules:
  suitability: { investorLevels: [C1, C2], productLevels: [R1, R2], assessmentValidity: P1Y }
retention: { orderRecords: P20Y }
`;

/**
 * The base fixture with `line` (1-based) replaced by `text` (which may hold several lines).
 *
 * @example withLine(5, 'currency: RMB')
 */
export function withLines(...edits: readonly [line: number, text: string][]): string {
  const lines = BASE.split('\n');
  for (const [line, text] of [...edits].sort((a, b) => b[0] - a[0])) {
    lines.splice(line - 1, 1, text);
  }
  return lines.join('\n');
}
