/** Small inline definitions with a specific approval chain, for chain tests. */
import type { Definition } from '@orderflow/definitions';
import { definitionOf } from './harness.js';

/** A public-fund definition whose approval stage has `steps` (YAML lines, indented 6) and `onReject`. */
export function chainDefinition(id: string, steps: string, onReject = 'rejected'): Definition {
  return definitionOf(`
id: ${id}
version: 1
name: chain test
productKind: publicFund
currency: CNY
roles:
  salesRep: { line: sales }
  operations: { line: operations }
  riskOfficer: { line: control }
  complianceOfficer: { line: control }
  salesSupervisor: { line: sales }
stages:
  - { id: needs, kind: needsConfirmation, role: salesRep }
  - { id: entry, kind: entry, makerRole: salesRep, checkerRole: operations }
  - id: approval
    kind: approval
    onReject: ${onReject}
    steps:
${steps}
  - { id: payment, kind: payment, role: operations }
  - { id: fundRelease, kind: fundRelease, role: operations }
  - { id: archive, kind: archive, role: operations }
productRules:
  suitability:
    investorLevels: [C1, C2, C3, C4, C5]
    productLevels: [R1, R2, R3, R4, R5]
    assessmentValidity: P3Y
  cutOff: { time: "15:00", timeZone: Asia/Shanghai }
retention: { orderRecords: P20Y }
`);
}
