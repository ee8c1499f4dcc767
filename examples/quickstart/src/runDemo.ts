/**
 * The demo: one order per built-in definition on embedded SQLite, driven by several
 * people along a realistic path; prints each order's timeline, everyone's inbox, and where
 * the database and the diagrams were written. Resolves to the exit code: 0 only if every
 * step went as the script expects.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  compile,
  createEngine,
  describeMachine,
  renderSvg,
  stateLabelsOf,
  toDot,
} from '@orderflow/core';
import {
  createBankSimulator,
  createFakeSignatureProvider,
  createRecordingNotifier,
  createRegistrarSimulator,
  createSimulatedClock,
} from '@orderflow/core/testing/fakes';
import {
  BUILTIN_IDS,
  type Definition,
  formatDefinitionError,
  loadBuiltin,
} from '@orderflow/definitions';
import { createSqliteStore } from '@orderflow/sqlite';
import * as E from 'fp-ts/lib/Either.js';
import { createScript, ScriptProblem } from './createScript.js';
import type { Paint } from './paint.js';
import { people } from './people.js';
import { timelineLines } from './printTimeline.js';
import { scenarios } from './scenarios.js';

/** Where the demo writes, and how it prints. */
export interface DemoOptions {
  /** Folder for the SQLite file and the diagrams (emptied first). */
  readonly dir: string;
  readonly out: (line: string) => void;
  readonly paint: Paint;
}

/** Monday 2 March 2026, 10:00 in Shanghai: a trading day, before the 15:00 cut-off. */
const START = '2026-03-02T02:00:00.000Z';

/** Runs the demo; resolves to the process exit code. */
export async function runDemo({ dir, out, paint }: DemoOptions): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'diagrams'), { recursive: true });
  const definitions: Definition[] = [];
  for (const id of BUILTIN_IDS) {
    const loaded = loadBuiltin(id);
    if (E.isLeft(loaded)) {
      for (const e of loaded.left) out(formatDefinitionError(e));
      return 1;
    }
    definitions.push(loaded.right);
  }
  const dbPath = join(dir, 'orders.db');
  const opened = createSqliteStore({ path: dbPath });
  if (E.isLeft(opened)) {
    out(`cannot open ${dbPath}: ${opened.left.message}`);
    return 1;
  }
  const store = opened.right;
  const clock = createSimulatedClock(START);
  const registrar = createRegistrarSimulator({ clock });
  const engine = createEngine({
    definitions,
    store,
    clock,
    payments: createBankSimulator({ clock }),
    signer: createFakeSignatureProvider({ clock }),
    registrar,
    notifier: createRecordingNotifier({ clock }),
  });
  const script = createScript(engine, clock);
  const problems: string[] = [];
  const finished: { id: string; definition: string; state: string }[] = [];

  out(
    paint(
      'bold',
      `orderflow demo — ${scenarios.length} orders, ${Object.keys(people).length} people, one SQLite file`,
    ),
  );
  for (const scenario of scenarios) {
    out('');
    out(paint('bold', `▶ ${scenario.title}`));
    const orderId = scenario.orderId;
    let problem: string | undefined;
    try {
      await scenario.run(script, registrar);
      const view = await script.expectState(orderId, scenario.finalState);
      finished.push({ id: orderId, definition: scenario.definition, state: view.state });
    } catch (error) {
      if (!(error instanceof ScriptProblem)) throw error;
      problem = `${orderId} (${scenario.definition}): ${error.message}`;
      problems.push(problem);
    }
    const history = await engine.history(orderId);
    if (E.isRight(history)) {
      out(paint('dim', `  order ${orderId} (${scenario.definition})`));
      for (const line of timelineLines(history.right, paint)) out(line);
      const verified = await engine.verifyAudit(orderId);
      if (E.isRight(verified) && verified.right.valid) {
        out(`  ${paint('green', '✓')} audit chain verifies (${verified.right.entries} entries)`);
      } else {
        problems.push(`${orderId}: the audit chain does not verify`);
      }
    }
    if (problem !== undefined) out(`  ${paint('red', `✗ ${problem}`)}`);
  }

  out('');
  out(paint('bold', 'Inboxes (what waits for whom)'));
  for (const person of Object.values(people)) {
    const tasks = await engine.tasks({ actor: person });
    if (E.isLeft(tasks)) {
      problems.push(`tasks of ${person.id}: ${JSON.stringify(tasks.left)}`);
      continue;
    }
    const list = tasks.right.map(
      (t) => `${t.orderId} ${t.taskId}${t.overdue ? paint('red', ' (overdue)') : ''}`,
    );
    out(
      `  ${person.name.padEnd(28)} ${list.length === 0 ? paint('dim', 'nothing waiting') : list.join(', ')}`,
    );
  }

  for (const order of finished) {
    const definition = definitions.find((d) => d.id === order.definition);
    if (definition === undefined) continue;
    const graph = describeMachine(compile(definition), { labels: stateLabelsOf(definition) });
    const svg = await renderSvg(toDot(graph, { highlight: order.state }));
    if (E.isLeft(svg)) {
      problems.push(`diagram of ${definition.key}: ${svg.left.message}`);
      continue;
    }
    writeFileSync(join(dir, 'diagrams', `${order.id}.svg`), svg.right);
  }
  await store.close();

  out('');
  const shown = (p: string) => relative(process.cwd(), p) || '.';
  out(`Database: ${shown(dbPath)} (SQLite, WAL)`);
  out(`Diagrams: ${shown(join(dir, 'diagrams'))}/ (one SVG per order, its last state highlighted)`);
  if (problems.length > 0) {
    out('');
    out(paint('red', `${problems.length} step(s) did not go as expected:`));
    for (const p of problems) out(`  ${p}`);
    return 1;
  }
  out(paint('green', `All ${scenarios.length} orders went as expected.`));
  return 0;
}
