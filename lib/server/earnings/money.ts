import "server-only";
import { Decimal } from "@/generated/prisma/internal/prismaNamespace";

// Ledger amounts are NUMERIC cents, exact as Fanvue sent them (its reference
// types money as `number`, so a fraction of a cent is legal). Sums are done
// exactly (in SQL or with Decimal) and rounded once, here or in SQL with
// `ROUND(…)` / `::bigint` (both half away from zero). JavaScript never adds
// money floats.

type Amount = Decimal | { toString(): string } | number | string | null | undefined;

const decimalOf = (v: Amount) =>
  v instanceof Decimal ? v : new Decimal(v === null || v === undefined ? 0 : String(v));

/** Whole cents of an exact amount (or sum): rounded half away from zero. */
export const wholeCents = (v: Amount): number => decimalOf(v).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

/** Dollars for a CSV: two decimals, more only when Fanvue sent a fraction of a cent. */
export function exactDollars(v: Amount): string {
  const d = decimalOf(v).div(100);
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** `exactDollars` of a ledger amount as Postgres writes NUMERIC cents
 * ("-1234.5600"), by moving the decimal point: no Decimal per cell in the
 * CSV's row loop (money.test.ts checks it against `exactDollars`). */
export function exactDollarsOfText(cents: string): string {
  const negative = cents.startsWith("-");
  const [int = "", frac = ""] = (negative ? cents.slice(1) : cents).split(".");
  const digits = int.replace(/^0+/, "").padStart(3, "0");
  const whole = digits.slice(0, -2);
  const fraction = (digits.slice(-2) + frac).replace(/0+$/, "").padEnd(2, "0");
  const zero = whole === "0" && /^0+$/.test(fraction);
  return `${negative && !zero ? "-" : ""}${whole}.${fraction}`;
}
