/** ISO-8601 durations (`PT24H`, `P1Y`, `P2W`) as their parts. */
import * as E from 'fp-ts/lib/Either.js';

/** The parts of an ISO-8601 duration; each is a non-negative integer. */
export interface DurationParts {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** A string that is not an ISO-8601 duration this library accepts. */
export interface DurationInvalid {
  readonly _tag: 'DurationInvalid';
  readonly text: string;
  readonly message: string;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses an ISO-8601 duration with integer parts (no fractions, no sign).
 *
 * @example parseDuration('PT24H') // right({ years: 0, …, hours: 24, … })
 */
export function parseDuration(text: string): E.Either<DurationInvalid, DurationParts> {
  const m = DURATION.exec(text);
  if (m === null) {
    return E.left({
      _tag: 'DurationInvalid',
      text,
      message: `expected an ISO-8601 duration such as "PT24H" or "P1Y", got ${JSON.stringify(text)}`,
    });
  }
  const n = (i: number): number => Number(m[i] ?? '0');
  return E.right({
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    hours: n(5),
    minutes: n(6),
    seconds: n(7),
  });
}
