/** The people of the demo: each with a name and the roles the firm gave them. */
import type { Actor } from '@orderflow/core';

/** An actor with a display name. */
export interface Person extends Actor {
  readonly name: string;
}

const person = (id: string, name: string, ...roles: string[]): Person => ({ id, name, roles });

/** Everyone who works on the demo's orders. */
export const people = {
  wang: person('rm-wang', '王丽 (relationship manager)', 'salesRep'),
  li: person('rm-li', '李强 (relationship manager)', 'salesRep'),
  yang: person('dir-yang', '杨帆 (sales director)', 'salesDirector'),
  chen: person('sup-chen', '陈静 (sales supervisor)', 'salesSupervisor'),
  zhao: person('risk-zhao', '赵敏 (risk)', 'riskOfficer'),
  zhou: person('comp-zhou', '周涛 (compliance)', 'complianceOfficer'),
  ma: person('head-ma', '马骏 (head of risk & compliance)', 'riskOfficer', 'complianceOfficer'),
  qian: person('legal-qian', '钱律 (legal)', 'legalCounsel'),
  sun: person('fin-sun', '孙悦 (finance)', 'financeOfficer'),
  he: person('mgr-he', '何伟 (branch manager)', 'salesRep', 'operations'),
  wu: person('ops-wu', '吴昊 (operations)', 'operations'),
  xu: person('ops-xu', '徐晨 (operations)', 'operations'),
  zheng: person('rv-zheng', '郑洁 (return visits)', 'returnVisitAgent'),
} as const satisfies Record<string, Person>;

/** A person by id, for printing timelines. */
export const personById = (id: string): Person | undefined =>
  Object.values(people).find((p) => p.id === id);
