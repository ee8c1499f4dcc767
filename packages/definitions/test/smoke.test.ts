import { placeholder } from '@orderflow/definitions';
import { expect, it } from 'vitest';

it('loads', () => {
  expect(placeholder).toBe(1);
});
