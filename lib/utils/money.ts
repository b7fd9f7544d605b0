// Money people type and see: the one parser (`parseMoney`), the one floor
// (`MIN_PRICE_CENTS`, `checkPrice`), the formatters (`formatMoney`, and
// `formatMoneyCompact` for chart axes, from ./format), exact sums (`sumCents`) and cents → "1234.56" (`centsToDecimal`).
// Amounts are integer cents throughout; the parser works on the digits as a
// string, so no float ever touches an amount. (The server ledger's fractional
// cents live in lib/server/earnings/money.ts.)

import { formatMoney, formatMoneyCompact } from "./format";

export { formatMoney, formatMoneyCompact };

/** Fanvue's floor for every price (posts, chat and mass-message PPV; contract §2.1): $3.00. */
export const MIN_PRICE_CENTS = 300;
/** The most an amount typed into a form may be: $1,000,000.00. */
export const MAX_AMOUNT_CENTS = 100_000_000;

/** Integer cents → "1234.56" (no float arithmetic: exact for any amount). */
export function centsToDecimal(cents: number): string {
  if (!Number.isInteger(cents)) throw new TypeError(`money must be integer cents, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Exact sum of integer cents; throws rather than return a float or an unsafe integer. */
export function sumCents(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    if (!Number.isInteger(v)) throw new TypeError(`money must be integer cents, got ${v}`);
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError("sum of cents is beyond exact integers");
  return total;
}

/** Why a price (integer cents) cannot be sent, or null: the one floor message. */
export function checkPrice(cents: number): string | null {
  if (!Number.isInteger(cents)) return "Price must be in whole cents.";
  if (cents < MIN_PRICE_CENTS)
    return `The lowest price Fanvue allows is ${formatMoney(MIN_PRICE_CENTS)} (you entered ${formatMoney(cents)}).`;
  return null;
}

export type ParsedMoney = { cents: number } | { error: string };

const separators = new Map<string, { decimal: string; group: string }>();

/** The locale's decimal and grouping separators, as Intl writes them
 * (`undefined`: the runtime's default locale, i.e. the browser's). */
export function localeSeparators(locale?: string): { decimal: string; group: string } {
  const key = locale ?? "";
  let s = separators.get(key);
  if (!s) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    } catch {
      parts = new Intl.NumberFormat("en-US").formatToParts(1234567.5);
    }
    const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
    const group = parts.find((p) => p.type === "group")?.value ?? ",";
    separators.set(key, (s = { decimal, group: normalizeGroup(group) }));
  }
  return s;
}

// Every space Intl or a keyboard writes (space, no-break, narrow no-break,
// thin, figure) becomes " "; every apostrophe ("'", "’", "ʼ") becomes "'".
const SPACES = /[\s\u00a0\u2007\u2009\u202f]/g;
const APOSTROPHES = /[\u2019\u02bc\u2018]/g;
const normalizeGroup = (s: string) => s.replace(SPACES, " ").replace(APOSTROPHES, "'");

// The dollar sign or code, before or after the number, as Intl writes it in
// any locale ("$", "US$", "$US", "USD") and once at most.
const OTHER_CURRENCY = /[€£¥₹¢]|(?:^|[\d\s])(?:EUR|GBP|JPY|INR|CHF|SEK|BRL|CAD|AUD)(?:$|[\d\s])/i;
const CURRENCY = /^(?:US\s?\$|\$\s?US|\$|USD)\s*|\s*(?:US\s?\$|\$\s?US|\$|USD)$/i;

/**
 * What a person typed → integer cents, or a message naming the problem.
 *
 * Rules (the same in every form; `locale` is the viewer's, `undefined` = the
 * browser's default):
 * - Spaces around, and one dollar sign or code before or after, are ignored:
 *   " 12 ", "$12.50", "12,50 $", "US$ 12", "12 USD".
 * - A "." or "," that appears once and is followed by 0–2 digits is the
 *   decimal separator, in every locale: "12.5", "12,50", "12." are $12.50,
 *   $12.50, $12.00 (nobody groups thousands with two digits after the mark).
 * - When both "." and "," appear, the last one is the decimal separator and
 *   the other groups thousands: "1,200.50" and "1.200,50" are $1,200.50.
 * - Spaces (incl. no-break and narrow no-break) and apostrophes only group,
 *   and so does a "." or "," that appears several times ("1.000.000").
 * - Grouping must be well-formed: groups of 3 digits, or Indian lakh
 *   grouping ("1,00,000.50"): the last group has 3 digits, the ones before
 *   it 2 or 3, all alike.
 * - A single "." or "," followed by exactly 3 digits is thousands only where
 *   it is the locale's grouping separator ("1,200" in en is $1,200.00,
 *   "1.200" in de is $1,200.00), which is what the locale's own Intl
 *   formatting writes. Anywhere else ("1.200" in en, "1,200" in de or fr) it
 *   could be a thousands mark from another locale or a 3-decimal amount, so it
 *   is refused as ambiguous rather than guessed.
 * - Refused, with a message: empty, negative, letters or other symbols, more
 *   than 2 decimals, malformed grouping, more than $1,000,000.00.
 * The floor ($3.00) is not the parser's business: see `checkPrice`.
 */
export function parseMoney(input: string, locale?: string): ParsedMoney {
  const raw = input.trim();
  if (raw === "") return { error: "Enter an amount." };
  let s = normalizeGroup(raw).replace(CURRENCY, "").trim();
  if (s === "") return { error: "Enter an amount." };
  if (/^[-\u2212(]|[-\u2212)]$/.test(s)) return { error: "An amount cannot be negative." };
  if (/[^\d., ']/.test(s)) {
    return {
      error: OTHER_CURRENCY.test(s)
        ? "Enter the amount in US dollars."
        : `"${raw}" is not an amount: use only digits, a decimal separator and thousands separators.`,
    };
  }
  s = s.replace(/ +/g, " ");
  if (!/\d/.test(s)) return { error: "Enter an amount." };

  const marks = [...s.matchAll(/[.,]/g)].map((m) => ({ ch: m[0], at: m.index }));
  const kinds = new Set(marks.map((m) => m.ch));
  let decimalAt = -1;
  const last = marks.at(-1);
  if (last && kinds.size === 2) {
    if (marks.filter((m) => m.ch === last.ch).length > 1)
      return { error: `"${raw}" has more than one decimal separator.` };
    decimalAt = last.at;
  } else if (last && marks.length === 1) {
    const after = s.slice(last.at + 1);
    if (/^\d{3}$/.test(after) && !/[ ']/.test(s)) {
      // "1,200" / "1.200": thousands where the locale groups with that mark, else ambiguous.
      if (last.ch !== localeSeparators(locale).group) {
        return {
          error: `"${raw}" is ambiguous: write ${s.replace(last.ch, "")} for thousands, or use at most 2 digits after the decimal separator.`,
        };
      }
    } else if (/^\d*$/.test(after)) {
      // "12.5", "12,50", "12." or, with too many decimals, "1 234,567" (refused below).
      decimalAt = last.at;
    }
  }
  // Otherwise: no mark, or the same mark several times (it groups).

  const intPart = decimalAt >= 0 ? s.slice(0, decimalAt) : s;
  const fracPart = decimalAt >= 0 ? s.slice(decimalAt + 1) : "";
  if (!/^\d*$/.test(fracPart)) return { error: `"${raw}" has a separator after the decimals.` };
  if (fracPart.length > 2) return { error: "Use at most 2 digits after the decimal separator (whole cents)." };

  const groupKinds = new Set(intPart.match(/[., ']/g) ?? []);
  if (groupKinds.size > 1) return { error: `"${raw}" mixes thousands separators.` };
  const groups = intPart.split(/[., ']/);
  if (groups.length > 1) {
    const [first = "", ...rest] = groups;
    const lastGroup = rest.at(-1) ?? "";
    const middle = rest.slice(0, -1);
    const ok =
      /^\d{1,3}$/.test(first) &&
      /^\d{3}$/.test(lastGroup) &&
      (middle.every((g) => /^\d{3}$/.test(g)) || (middle.every((g) => /^\d{2}$/.test(g)) && first.length <= 2));
    if (!ok) return { error: `"${raw}" has misplaced thousands separators.` };
  }
  const digits = groups.join("").replace(/^0+(?=\d)/, "");
  if (digits === "" && fracPart === "") return { error: "Enter an amount." };
  // Compare as strings first so Number() only ever sees an exact integer.
  const whole = digits === "" ? "0" : digits;
  if (whole.length > String(MAX_AMOUNT_CENTS / 100).length)
    return { error: `Enter at most ${formatMoney(MAX_AMOUNT_CENTS)}.` };
  const cents = Number(whole) * 100 + Number(fracPart.padEnd(2, "0"));
  if (cents > MAX_AMOUNT_CENTS) return { error: `Enter at most ${formatMoney(MAX_AMOUNT_CENTS)}.` };
  return { cents };
}
