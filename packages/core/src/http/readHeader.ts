/** Case-insensitive header lookup over fetch `Headers` and node's `IncomingHttpHeaders`, for the adapters that receive signed HTTP callbacks. */

/** Request headers as node's http server or the fetch API hands them over. */
export type HeaderSource =
  | Headers
  | { readonly [name: string]: string | readonly string[] | undefined };

/** The first value of header `name` (any case), or `undefined` when it is absent. */
export function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value[0];
  }
  return undefined;
}
