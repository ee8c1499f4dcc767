/** Settings of a trading calendar. */

/** How {@link createTradingCalendar} decides trading days and the cut-off. */
export interface TradingCalendarOptions {
  /** IANA zone of the market. Default `Asia/Shanghai`. */
  readonly timeZone?: string;
  /** Daily cut-off, `HH:MM` wall-clock time in `timeZone`. Default `15:00`. */
  readonly cutOff?: string;
  /** Market holidays, `YYYY-MM-DD` in `timeZone`. */
  readonly holidays?: readonly string[];
  /** Whether Saturdays and Sundays are closed. Default true. */
  readonly weekends?: boolean;
}
