// The one same-origin redirect check (sign-in's callbackUrl, Auth.js's
// redirect callback). A candidate is resolved the way a browser would resolve
// it (the URL parser drops tab/CR/LF anywhere and treats "\" like "/"), so
// "/\t/evil.example" or "/\\evil.example" are seen as the off-site URLs they
// become, and the result is re-serialised (percent-encoded), so no control or
// non-ASCII character ever reaches a Location header.

const PROBE_ORIGIN = "http://vuedeck.invalid";
const BLOCKED_PREFIXES = ["/sign-in", "/api/"];

/** The same-origin path (path + query + hash) `value` points to, or null. */
export function sameOriginPath(value: string, origin = PROBE_ORIGIN): string | null {
  if (!value.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  return url.pathname + url.search + url.hash;
}

/** Only same-site relative paths may be used as post-sign-in destinations. */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string" || v.length > 2048) return fallback;
  const path = sameOriginPath(v);
  if (!path || path.startsWith("//") || BLOCKED_PREFIXES.some((p) => path.startsWith(p))) return fallback;
  return path;
}
