// The top frames of a .cpuprofile by self time, to read what `throughput.mjs --cpu-prof` recorded:
//   node bench/profile-top.mjs <file.cpuprofile> [count]
import { readFileSync } from 'node:fs';

const [file, count = '25'] = process.argv.slice(2);
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(nodes.map((node) => [node.id, node]));
const selfMs = new Map();
for (const [i, id] of samples.entries()) selfMs.set(id, (selfMs.get(id) ?? 0) + (timeDeltas[i] ?? 0) / 1000);
const byFrame = new Map();
let total = 0;
for (const [id, ms] of selfMs) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/mock-server\//, '')}:${lineNumber + 1}` : '';
  const frame = `${functionName || '(anonymous)'} ${where}`;
  byFrame.set(frame, (byFrame.get(frame) ?? 0) + ms);
  total += ms;
}
const top = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
for (const [frame, ms] of top) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${frame}`);
