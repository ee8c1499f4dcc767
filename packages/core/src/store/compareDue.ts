/** The order in which timers and effects are claimed and listed. */
import { compareText } from './compareText.js';

/** A row with its due instant parsed once, for sorting. */
export interface DueSortKey<R> {
  readonly dueMs: number;
  readonly id: string;
  readonly row: R;
}

/** Orders rows by instant (`dueAt` / `availableAt`), then by id. */
export const compareDue = <R>(a: DueSortKey<R>, b: DueSortKey<R>): number =>
  a.dueMs - b.dueMs || compareText(a.id, b.id);
