import { core } from '@orderflow/core';
import { expect, it } from 'vitest';

it('loads', () => {
  expect(core).toBe(2);
});
