// What the consumer check adds to a spec review: five registered consumers (copies of the pacts
// in consumers/, renamed) against the bundled spec with detailInfo removed, timed from a cold
// start (the comparator's module load included) and warm. `npm run bench -w @iodm-northbound/consumer-contracts`.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const { loadRegisteredPacts, reviewConsumers } = await import('../src/index.js');
const spec = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('@iodm-northbound/spec/openapi.json')), 'utf8'));
delete spec.components.schemas.SubOperationInfo.properties.detailInfo;

const registered = loadRegisteredPacts();
const five = Array.from({ length: 5 }, (_, n) => {
  const entry = registered[n % registered.length];
  if (entry === undefined) throw new Error('consumers/ holds no pact');
  const consumer = `${entry.consumer}-${n + 1}`;
  return { ...entry, consumer, pact: { ...entry.pact, consumer: { name: consumer } } };
});

const cold = await reviewConsumers(spec, five, []);
const coldMs = performance.now() - started;
const runs: number[] = [];
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  await reviewConsumers(spec, five, []);
  runs.push(performance.now() - start);
}
runs.sort((a, b) => a - b);
const broken = cold.checks.filter((check) => check.problems.length > 0).map((check) => check.consumer);
console.log(`five consumers (${five.reduce((sum, entry) => sum + entry.pact.interactions.length, 0)} interactions), broken: ${broken.join(', ')}`);
console.log(`consumer check, cold (module load + first comparison): ${coldMs.toFixed(0)} ms; warm median of 5: ${runs[2]?.toFixed(0)} ms`);
