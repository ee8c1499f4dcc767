/** Scripted answers for the fakes: per call in order, or per idempotency key. */

/** Where a fake takes its next scripted answer from. */
export interface ScriptOptions<S> {
  /** Answers for successive calls (any key), used once each, in order. */
  readonly script?: readonly S[];
  /** Answers for calls with one idempotency key, used before `script`. */
  readonly byKey?: Readonly<Record<string, S | readonly S[]>>;
  /** The answer when nothing is scripted. */
  readonly otherwise?: S;
}

/** A queue of scripted answers; tests can add more at any time. */
export interface Script<S> {
  /** The next answer for a call with `key` (key queue, then call queue, then the default). */
  next(key: string): S;
  /** Adds answers for the next calls, whatever their key. */
  queue(...steps: readonly S[]): void;
  /** Adds answers for the next calls with `key`. */
  queueFor(key: string, ...steps: readonly S[]): void;
}

/** Creates a {@link Script} from options; `fallback` answers when nothing is scripted. */
export const createScript = <S>(options: ScriptOptions<S>, fallback: S): Script<S> => {
  const calls: S[] = [...(options.script ?? [])];
  const keys = new Map<string, S[]>();
  for (const [key, steps] of Object.entries(options.byKey ?? {})) {
    keys.set(key, Array.isArray(steps) ? [...(steps as readonly S[])] : [steps as S]);
  }
  const otherwise = options.otherwise ?? fallback;
  return {
    next: (key) => {
      const forKey = keys.get(key);
      if (forKey !== undefined && forKey.length > 0) return forKey.shift() as S;
      if (calls.length > 0) return calls.shift() as S;
      return otherwise;
    },
    queue: (...steps) => {
      calls.push(...steps);
    },
    queueFor: (key, ...steps) => {
      keys.set(key, [...(keys.get(key) ?? []), ...steps]);
    },
  };
};
