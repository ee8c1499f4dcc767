/** Prints an order's audit trail as a readable timeline. */
import type { AuditEntry } from '@orderflow/core';
import type { Paint } from './paint.js';
import { personById } from './people.js';

const time = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const who = (entry: AuditEntry): string =>
  entry.actorId === 'system' ? 'system' : (personById(entry.actorId)?.name ?? entry.actorId);

/**
 * One line per audit entry: time (Asia/Shanghai), person, role, command, and either
 * `from → to` or the refusal with its rule id.
 */
export function timelineLines(history: readonly AuditEntry[], paint: Paint): string[] {
  return history.map((entry) => {
    const at = time.format(new Date(entry.at)).replace(',', '');
    const role = entry.role ?? entry.actorRoles.join('+');
    const head = `  ${paint('dim', at)}  ${who(entry).padEnd(28)} ${paint('cyan', role.padEnd(18))} ${entry.command.padEnd(20)}`;
    if (entry.outcome === 'refused') {
      const facts = entry.facts as Record<string, unknown>;
      const rule = typeof facts.rule === 'string' ? facts.rule : String(facts.error ?? 'refused');
      const message = typeof facts.message === 'string' ? ` — ${facts.message}` : '';
      return `${head} ${paint('red', `✗ refused: ${rule}`)}${message}`;
    }
    const move =
      entry.fromState === entry.toState ? entry.toState : `${entry.fromState} → ${entry.toState}`;
    return `${head} ${paint('green', '✓')} ${move}`;
  });
}
