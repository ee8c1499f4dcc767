/**
 * Row 6: loading, validating and compiling each built-in definition, against bpmn-engine
 * reading and parsing its BPMN file into runnable definitions (`new Engine({ source })` +
 * `getDefinitions()`).
 */
import { compile } from '@orderflow/core';
import { BUILTIN_IDS, type BuiltinId, loadBuiltin } from '@orderflow/definitions';
import { Engine } from 'bpmn-engine';
import * as E from 'fp-ts/lib/Either.js';
import type { BenchContext } from '../BenchContext.js';
import type { BenchRow } from '../harness/BenchRow.js';
import { measureInterleaved, type Probe } from '../harness/measure.js';
import { bpmnSource } from '../peers/bpmnLifecycle.js';

const loadProbe = (ctx: BenchContext, id: BuiltinId): Probe => ({
  report: 'micros',
  unit: 'µs/call',
  work: () => {
    for (let i = 0; i < ctx.scale.definitionLoads; i++) {
      const loaded = loadBuiltin(id);
      if (E.isLeft(loaded)) throw new Error(`built-in ${id} does not load`);
      // A fresh definition object each time, so compile's per-definition cache never hits.
      compile(loaded.right);
    }
    return ctx.scale.definitionLoads;
  },
});

const bpmnProbe = (ctx: BenchContext): Probe => ({
  report: 'micros',
  unit: 'µs/call',
  work: async () => {
    for (let i = 0; i < ctx.scale.definitionLoads; i++) {
      const engine = new Engine({ name: `parse-${i}`, source: bpmnSource() });
      const definitions = await engine.getDefinitions();
      if (definitions.length !== 1) throw new Error('bpmn peer: the BPMN file did not parse');
    }
    return ctx.scale.definitionLoads;
  },
});

/** Row 6: one row per built-in, each against the same BPMN parse. */
export const definitionRows = async (ctx: BenchContext): Promise<readonly BenchRow[]> => {
  ctx.log('6. definition load + validate (+ compile) vs bpmn-engine parse');
  const figures = await measureInterleaved(
    [...BUILTIN_IDS.map((id) => loadProbe(ctx, id)), bpmnProbe(ctx)],
    ctx.rounds,
  );
  const peer = figures[BUILTIN_IDS.length];
  if (peer === undefined) throw new Error('definitionRows: missing peer figure');
  return BUILTIN_IDS.map((id, i) => {
    const orderflow = figures[i];
    if (orderflow === undefined) throw new Error('definitionRows: missing figure');
    return {
      id: `definition.${id}`,
      section: '6',
      metric: 'time per definition load (read, parse, validate, compile)',
      better: 'lower' as const,
      orderflowName: `\`compile(loadBuiltin('${id}'))\``,
      orderflow,
      peerName: 'bpmn-engine: read + parse the 19-task BPMN file',
      peer,
    };
  });
};
