// The top frames of a .cpuprofile, to read what `throughput.mjs --cpu-prof` recorded: by self
// time, or with --total by total time (the frame and what it called):
//   node bench/profile-top.mjs <file.cpuprofile> [count] [--total]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: flags, positionals } = parseArgs({ allowPositionals: true, options: { total: { type: 'boolean', default: false } } });
const [file, count = '25'] = positionals;
const { nodes, samples, timeDeltas } = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const frameOf = (id) => {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/mock-server\//, '')}:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${where}`;
};
const msByFrame = new Map();
let total = 0;
for (const [i, id] of samples.entries()) {
  const ms = (timeDeltas[i] ?? 0) / 1000;
  total += ms;
  // Self time: the sampled frame; total time: every distinct frame on its stack, once.
  const frames = new Set([frameOf(id)]);
  if (flags.total) for (let at = parentOf.get(id); at !== undefined; at = parentOf.get(at)) frames.add(frameOf(at));
  for (const frame of frames) msByFrame.set(frame, (msByFrame.get(frame) ?? 0) + ms);
}
const top = [...msByFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(count));
for (const [frame, ms] of top) console.log(`${((ms / total) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${frame}`);
