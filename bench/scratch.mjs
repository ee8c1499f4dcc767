import { loadEngineWorkload } from './dist/workload/loadEngineWorkload.js';

const w = await loadEngineWorkload();
await w.runLifecycles(20);
const t = performance.now();
let n = 0;
while (performance.now() - t < 8000) n += await w.runLifecycles(20);
console.log('engine lifecycles/s', n / ((performance.now() - t) / 1000));
