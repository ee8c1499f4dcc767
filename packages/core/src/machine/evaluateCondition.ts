/**
 * Evaluates a definition's FEEL condition, remembering results by the values of the names
 * it reads. feelin parses the expression on every evaluation (≈ 0.5–1 ms each here,
 * DESIGN §6), while the names a condition reads usually take few values
 * (`product.riskLevel`), so most evaluations become a map lookup.
 */
import type { Condition, ConditionContext, ConditionFailed } from '@orderflow/definitions';
import type { Either } from 'fp-ts/lib/Either.js';

const MAX_ENTRIES = 512;
const caches = new WeakMap<Condition, Map<string, Either<ConditionFailed, boolean>>>();

const valueAt = (context: ConditionContext, path: string): unknown => {
  let value: unknown = context;
  for (const key of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
};

/** `condition.evaluate(context)`, memoized per condition on the values of `condition.names`. */
export function evaluateCondition(
  condition: Condition,
  context: ConditionContext,
): Either<ConditionFailed, boolean> {
  let cache = caches.get(condition);
  if (cache === undefined) {
    cache = new Map();
    caches.set(condition, cache);
  }
  const key = JSON.stringify(condition.names.map((n) => valueAt(context, n)));
  const known = cache.get(key);
  if (known !== undefined) return known;
  const result = condition.evaluate(context);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, result);
  return result;
}
