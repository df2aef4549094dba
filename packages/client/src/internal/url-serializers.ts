// How openapi-fetch turns path and query parameters into the URL, compiled once per client
// instead of per request: openapi-fetch otherwise builds a query serializer for every call and
// scans the path template with a regular expression each time.
import { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';

type PathSerializer = typeof defaultPathSerializer;

export const querySerializer = createQuerySerializer();

/** A path template cut at its `{name}` placeholders: literal, name, literal, … literal. */
type CompiledPath = readonly string[];

const placeholder = /\{([^{}]+)\}/g;
// Only the plain `{name}` form; labels, matrices and exploded names go to openapi-fetch's own.
const plainName = /^[^.;*][^*]*$/;

/** openapi-fetch's default path serialization for this API's paths, each template parsed once. */
export function createPathSerializer(): PathSerializer {
  const compiled = new Map<string, CompiledPath | null>();
  return (pathname, pathParams) => {
    let parts = compiled.get(pathname);
    if (parts === undefined) {
      const cut = pathname.split(placeholder);
      parts = cut.every((part, index) => index % 2 === 0 || plainName.test(part)) ? cut : null;
      compiled.set(pathname, parts);
    }
    if (parts === null) return defaultPathSerializer(pathname, pathParams);
    let url = parts[0]!;
    for (let index = 1; index < parts.length; index += 2) {
      const name = parts[index]!;
      const value = pathParams?.[name];
      if (value === undefined || value === null) url += `{${name}}`;
      else if (typeof value === 'object') return defaultPathSerializer(pathname, pathParams);
      else url += encodeURIComponent(value as string | number | boolean);
      url += parts[index + 1];
    }
    return url;
  };
}
