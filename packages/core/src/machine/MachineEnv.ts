/** What a compiled machine closes over: its definition and the trading calendar. */
import type { Definition } from '@orderflow/definitions';
import type { Calendar } from '../ports/Calendar.js';

/** The definition and calendar a machine's guards and context updates read. */
export interface MachineEnv {
  readonly definition: Definition;
  readonly calendar: Calendar;
}
