import type { ComponentProps } from "react";

/** An image served by Fanvue's CDN (or the sandbox) at a signed, short-lived
 * URL. A plain <img>, on purpose: Next's optimizer would fetch and cache
 * each signed URL on our server (and the URL expires); the browser fetches
 * it directly instead, without sending our page's address (no-referrer).
 * The one place that says so, instead of a lint exception per image. */
export function RemoteImage({ alt = "", ...props }: Omit<ComponentProps<"img">, "referrerPolicy">) {
  // eslint-disable-next-line @next/next/no-img-element -- signed Fanvue URLs: see above
  return <img alt={alt} referrerPolicy="no-referrer" {...props} />;
}
