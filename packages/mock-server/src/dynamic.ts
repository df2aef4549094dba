// Prism's dynamic mode fills bodies from the schema alone: a page whose pageNo/pageSize ignore the
// query, more items than pageSize, timestamps like "31887024T108509Z". These helpers keep the
// generated values but make them consistent the way the platform's answers are.
import { formatPlatformTimestamp } from '@iodm-northbound/spec/timestamp';
import { createHash } from 'node:crypto';
import { uuidFromHex, type PageQuery } from './paged-task.js';
import type { Page } from './simulation/views.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

// Somewhere in 2018-2024, like real task histories.
const EARLIEST_MS = Date.UTC(2018, 0, 1);
const SPAN_MS = 6 * 365 * 24 * 3600 * 1000;

/** Makes a generated QueryUpgradeSubTaskOutDTO answer the query it was generated for. */
export function normaliseDynamicPage(body: unknown, query: PageQuery): unknown {
  if (!isObject(body) || !Array.isArray(body.data)) return body;
  const shown = body.data.slice(0, query.pageSize).map((item, index) => normaliseSubtask(item, index, query.status));
  // The generated items are the asked-for page of a list whose earlier pages are full: a short page
  // is the last one, so the total must agree, or a pager would never stop. The page is built anew:
  // the schema allows extra properties, so the generator invents some; the platform sends none.
  const totalCount = query.pageNo * query.pageSize + shown.length;
  return { pageNo: query.pageNo, pageSize: query.pageSize, totalCount, data: shown } satisfies Page<unknown>;
}

function normaliseSubtask(item: unknown, index: number, status: string | undefined): unknown {
  if (!isObject(item)) return item;
  const digest = createHash('sha256').update(`${index}/${JSON.stringify(item)}`).digest('hex');
  const subtaskStatus = status ?? item.status;
  const created = EARLIEST_MS + (Number.parseInt(digest.slice(0, 8), 16) % SPAN_MS);
  const started = created + 5_000;
  const stopped = started + (Number.parseInt(digest.slice(8, 12), 16) % 3600) * 1000;
  return {
    ...(typeof item.operateType === 'string' && { operateType: item.operateType }),
    ...(typeof item.detailInfo === 'string' && { detailInfo: item.detailInfo }),
    ...(isObject(item.extendInfo) && { extendInfo: item.extendInfo }),
    subOperationId: digest.slice(12, 36),
    deviceId: uuidFromHex(digest.slice(32)),
    status: subtaskStatus,
    createTime: formatPlatformTimestamp(created),
    ...(subtaskStatus !== 'wait' && { startTime: formatPlatformTimestamp(started) }),
    ...((subtaskStatus === 'success' || subtaskStatus === 'fail' || subtaskStatus === 'stop') && {
      stopTime: formatPlatformTimestamp(stopped),
    }),
  };
}

/** A generated token response with the platform's fixed values and token-like strings. */
export function normaliseDynamicToken(body: unknown): unknown {
  if (!isObject(body)) return body;
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return { scope: 'default', tokenType: 'bearer', expiresIn: 3600, accessToken: digest.slice(0, 32), refreshToken: digest.slice(32, 64) };
}
