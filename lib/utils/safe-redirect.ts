/** Only same-site relative paths may be used as post-sign-in destinations. */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string" || !v.startsWith("/") || v.startsWith("//") || v.startsWith("/\\")) return fallback;
  if (v.startsWith("/sign-in") || v.startsWith("/api/")) return fallback;
  return v;
}
