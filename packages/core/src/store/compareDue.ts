/** The order in which timers and effects are claimed and listed. */
import { compareText } from './compareText.js';

/** Orders rows by instant (`dueAt` / `availableAt`), then by id. */
export const compareDue = (aAt: string, aId: string, bAt: string, bId: string): number =>
  Date.parse(aAt) - Date.parse(bAt) || compareText(aId, bId);
