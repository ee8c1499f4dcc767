import { ORDER_RULES, type Stage, type StageKind } from '@orderflow/definitions';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { errorsOf } from './errorsOf.js';
import { BASE } from './fixture.js';

const base = parse(BASE) as Record<string, unknown>;

function stage(kind: StageKind): Stage {
  switch (kind) {
    case 'entry':
      return { id: kind, kind, makerRole: 'rep', checkerRole: 'ops' };
    case 'qualification':
      return { id: kind, kind, role: 'rep', reviewRole: 'risk' };
    case 'coolingOff':
      return { id: kind, kind };
    case 'approval':
      return {
        id: kind,
        kind,
        onReject: 'rejected',
        steps: [{ id: 'boss', role: 'boss', aspect: 'supervisor' }],
      };
    case 'task':
      return { id: kind, kind, role: 'ops', form: [] };
    case 'returnVisit':
      return { id: kind, kind, role: 'risk' };
    default:
      return { id: kind, kind, role: 'ops' };
  }
}

/** A definition whose only stages are `kinds`, in that order, plus what cooling-off needs. */
function definitionOf(kinds: readonly StageKind[]) {
  const all =
    kinds.includes('coolingOff') && !kinds.includes('signing')
      ? ['signing' as const, ...kinds]
      : kinds;
  const productRules = base.productRules as Record<string, unknown>;
  return {
    ...base,
    stages: all.map(stage),
    productRules: all.includes('coolingOff')
      ? { ...productRules, coolingOff: { duration: 'PT24H', startsAfter: 'signed' } }
      : productRules,
  };
}

describe('stage order', () => {
  it.each(ORDER_RULES.map((r) => [r.before, r.after, r.why] as const))(
    'requires %s before %s',
    (before, after, why) => {
      expect(errorsOf(definitionOf([before, after]))).toEqual([]);
      const errors = errorsOf(definitionOf([after, before])).filter(
        ([rule]) => rule === 'stage-order',
      );
      expect(errors.map(([, , , , message]) => message)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^.* stage "${after}" comes before .* stage "${before}"; .* must come first \\(${why}\\)$`,
          ),
        ),
      ]);
    },
  );

  it('requires payment before a cooling-off that starts after signed and paid', () => {
    const definition = definitionOf(['signing', 'coolingOff', 'payment']);
    const rules = definition.productRules as Record<string, unknown>;
    const errors = errorsOf({
      ...definition,
      productRules: { ...rules, coolingOff: { duration: 'PT24H', startsAfter: 'signedAndPaid' } },
    });
    expect(errors).toEqual([
      [
        'stage-order',
        'stages[1].kind',
        null,
        null,
        'cooling-off stage "coolingOff" comes before payment stage "payment"; cooling-off starts after signed and paid',
      ],
    ]);
  });

  it('keeps archive last', () => {
    expect(errorsOf(definitionOf(['archive', 'payment']))).toEqual([
      [
        'stage-order',
        'stages[0].kind',
        null,
        null,
        'archive stage "archive" must be the last stage',
      ],
    ]);
  });
});
