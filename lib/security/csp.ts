// The Content-Security-Policy of every page (set per request by proxy.ts).
// Scripts run only with this request's nonce ('strict-dynamic' lets Next's
// own chunks load the rest), so an injected <script> or inline handler never
// runs even if some text slipped through unescaped. Styles keep
// 'unsafe-inline': React's style attributes (charts, progress bars) need it,
// and styles cannot run code. Media and uploads may come from Fanvue's CDN
// and storage (https) or, in sandbox mode, from the sandbox's origin.

export type CspOptions = { nonce: string; dev: boolean; https: boolean; mediaOrigins: string[] };

export function buildCsp({ nonce, dev, https, mediaOrigins }: CspOptions): string {
  const media = ["'self'", "data:", "blob:", "https:", ...mediaOrigins];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    // Dev only: React's dev build evaluates code for stack traces.
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", media],
    ["media-src", media],
    ["font-src", ["'self'", "data:"]],
    // The service worker (public/sw.js), said outright: without it workers fall back to
    // script-src, where browsers disagree on what 'strict-dynamic' means for a worker.
    ["worker-src", ["'self'"]],
    // Uploads PUT straight to presigned storage URLs; dev adds the HMR socket.
    ["connect-src", ["'self'", "https:", ...mediaOrigins, ...(dev ? ["ws:"] : [])]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ...(https ? ([["upgrade-insecure-requests", []]] as [string, string[]][]) : []),
  ];
  return directives.map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

/** Two years, subdomains included: the usual preload-grade HSTS. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
