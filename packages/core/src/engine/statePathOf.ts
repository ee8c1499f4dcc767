/** Readable paths of xstate state values. */
import { END_STATES } from '../machine/END_STATES.js';

/** `{ approval: 'risk' }` → `approval.risk`; `'needs'` → `needs`. Parallel regions are not used. */
export const statePathOf = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const [key, child] = Object.entries(value)[0] ?? [];
    if (key === undefined) return '';
    const rest = statePathOf(child);
    return rest === '' ? key : `${key}.${rest}`;
  }
  return '';
};

/** The top-level state (a stage id or an end) of a path. */
export const topStateOf = (path: string): string => path.split('.')[0] ?? path;

const ENDS: ReadonlySet<string> = new Set(END_STATES);

/** `active` while in a stage; the end's name once ended. */
export const statusOf = (path: string): string => {
  const top = topStateOf(path);
  return ENDS.has(top) ? top : 'active';
};
