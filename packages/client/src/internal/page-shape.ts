// The shape every paged answer of the platform shares: `{ data, pageNo, pageSize, totalCount }`.
// The pager relies on these fields, so an answer without them is refused before it is used.

/** Whether `value` is a platform page whose items pass `isItem`. */
export function isPlatformPage(value: unknown, isItem: (item: unknown) => boolean = isObject): boolean {
  if (!isObject(value)) return false;
  const page = value as Record<string, unknown>;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return Array.isArray(page.data) && page.data.every(isItem) && count(page.totalCount) && count(page.pageNo) && count(page.pageSize);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object whose `field` is a non-empty string: the id every package and task carries. */
export function hasId(value: unknown, field: string): boolean {
  return isObject(value) && typeof value[field] === 'string' && value[field] !== '';
}
