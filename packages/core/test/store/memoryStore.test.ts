import { createMemoryStore } from '@orderflow/core';
import { orderStoreContract } from '@orderflow/core/testing';

orderStoreContract('S01 memory store', () => createMemoryStore());
