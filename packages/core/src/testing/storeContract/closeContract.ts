/** Contract: closing a store releases it; calls after that fail as values, never throw. */
import { describe, expect, it } from 'vitest';
import { sampleCommit } from '../sampleCommit.js';
import { expectLeft } from './expectRight.js';
import { freshId } from './freshId.js';
import type { StoreContractContext } from './StoreContractContext.js';

/** Registers the close tests. */
export const closeContract = ({ makeStore }: StoreContractContext): void => {
  describe('close', () => {
    it('closes once or twice without failing', async () => {
      const store = await makeStore();
      await expect(store.close()).resolves.toBeUndefined();
      await expect(store.close()).resolves.toBeUndefined();
    });

    it('answers calls after close with StoreFailed instead of throwing', async () => {
      const store = await makeStore();
      await store.close();
      const orderId = freshId('order');
      expect(expectLeft(await store.load(orderId))).toMatchObject({ _tag: 'StoreFailed' });
      expect(expectLeft(await store.commit(sampleCommit(orderId, 1)))).toMatchObject({
        _tag: 'StoreFailed',
      });
    });
  });
};
