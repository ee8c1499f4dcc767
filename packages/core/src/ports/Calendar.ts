/** Trading days and the daily cut-off. */

/** Answers trading-day questions in the market's time zone. */
export interface Calendar {
  /** Whether the calendar date of `instant` (in the calendar's zone) is a trading day. */
  isTradingDay(instant: number): boolean;
  /** The trade date (`YYYY-MM-DD`) an order placed at `instant` counts for (after cut-off: the next trading day). */
  tradeDate(instant: number): string;
  /** Whether `instant` is before the cut-off of a trading day. */
  beforeCutOff(instant: number): boolean;
  /** The trading date `n` trading days after `date` (T+n). */
  addTradingDays(date: string, n: number): string;
  /** The instant a wall-clock time on `date` is, in the calendar's zone. */
  instantOf(date: string, time: string): number;
}
