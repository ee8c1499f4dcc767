/** The simulated clock's interface. */
import type { Clock } from '../ports/Clock.js';

/** A {@link Clock} that tests move by hand: no real waiting, fully repeatable. */
export interface SimulatedClock extends Clock {
  /** The current instant as an ISO-8601 string (`toISOString`). */
  isoNow(): string;
  /** Moves time forward by milliseconds or an ISO-8601 duration (`PT24H`, `P1D`); returns the new instant. */
  advance(by: number | string): number;
  /** Jumps to an instant (epoch ms or ISO-8601 string), forward or back; returns it. */
  set(to: number | string): number;
}
