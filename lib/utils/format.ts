// Display formatting shared by server and client. Money arrives as integer
// cents and is only ever formatted, never added as floats.

const intFormatters = new Map<string, Intl.NumberFormat>();

export function formatCount(n: number, locale = "en-US") {
  let f = intFormatters.get(locale);
  if (!f) intFormatters.set(locale, (f = new Intl.NumberFormat(locale)));
  return f.format(n);
}

export function formatCompact(n: number, locale = "en-US") {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** Integer cents → "$1,234.56" (or the locale's form). */
export function formatMoney(cents: number, currency = "USD", locale = "en-US") {
  if (!Number.isInteger(cents)) throw new TypeError(`money must be integer cents, got ${cents}`);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}

/** Integer cents → "$1.2K": chart axes, where the exact figure is one hover away. */
export function formatMoneyCompact(cents: number, currency = "USD", locale = "en-US") {
  if (!Number.isInteger(cents)) throw new TypeError(`money must be integer cents, got ${cents}`);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

export function initials(name: string | null | undefined) {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}
