/** @orderflow/core — the engine. */
import { placeholder } from '@orderflow/definitions';
export const core = placeholder + 1;
