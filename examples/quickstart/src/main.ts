import { core } from '@orderflow/core';

console.log(core);
