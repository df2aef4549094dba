// `npm start` runs this (node --import tsx): the field-removal scene on the bundled spec, once
// for a field a registered team reads and once for one no team reads.
import { readFileSync } from 'node:fs';
import { describeFieldRemovalScene, fieldRemovalScene } from './field-removal.js';

const spec = JSON.parse(readFileSync(new URL('../../../../packages/spec/dist/openapi.json', import.meta.url), 'utf8')) as object;
for (const field of ['detailInfo', 'extendInfo']) {
  process.stdout.write(describeFieldRemovalScene(await fieldRemovalScene(spec, 'SubOperationInfo', field)));
}
