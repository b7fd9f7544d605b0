import { describe, expect, it } from "vitest";
import { rng } from "@/tests/support/prng";
import {
  centsToDecimal,
  checkPrice,
  formatMoney,
  MAX_AMOUNT_CENTS,
  MIN_PRICE_CENTS,
  parseMoney,
  sumCents,
} from "./money";

const cents = (input: string, locale?: string) => {
  const r = parseMoney(input, locale);
  return "cents" in r ? r.cents : r.error;
};
const error = (input: string, locale?: string) => {
  const r = parseMoney(input, locale);
  return "error" in r ? r.error : `parsed as ${r.cents}`;
};

describe("parseMoney: accepted", () => {
  it.each([
    // [input, locale, cents]
    ["12", "en-US", 1200],
    ["12.5", "en-US", 1250],
    ["12.50", "en-US", 1250],
    ["12,50", "en-US", 1250], // a lone comma with 2 digits after is a decimal comma, even in en
    ["12,5", "en-US", 1250],
    ["$12.50", "en-US", 1250],
    ["$9.99", "en-US", 999],
    [" 12 ", "en-US", 1200],
    ["12.", "en-US", 1200],
    [".5", "en-US", 50],
    ["0.29", "en-US", 29],
    ["0", "en-US", 0],
    ["1,200", "en-US", 120000], // en groups with ","
    ["$1,200.99", "en-US", 120099],
    ["1,000,000", "en-US", 100000000],
    ["1.000.000", "en-US", 100000000], // the same mark several times only groups
    ["1.200,50", "en-US", 120050], // both marks: the last one is the decimal
    ["12 USD", "en-US", 1200],
    ["US$ 12", "en-US", 1200],
    ["012.50", "en-US", 1250],
    ["12,50", "de-DE", 1250],
    ["12.50", "de-DE", 1250],
    ["1.200,50", "de-DE", 120050],
    ["1.200", "de-DE", 120000], // de groups with "."
    ["1.234,56 $", "de-DE", 123456],
    ["1,200.50", "de-DE", 120050],
    ["1 200,50", "fr-FR", 120050],
    ["1\u202f200,50", "fr-FR", 120050], // narrow no-break space, as Intl writes fr
    ["1\u00a0200,50\u00a0$US", "fr-FR", 120050],
    ["1,00,000.50", "en-IN", 10000050], // lakh grouping
    ["$10,00,000.00", "en-IN", 100000000],
    ["1'234.50", "de-CH", 123450],
    ["1\u2019234.50", "de-CH", 123450],
    ["1 234,56 US$", "sv-SE", 123456],
  ] as const)("%j (%s) → %i cents", (input, locale, want) => {
    expect(cents(input, locale)).toBe(want);
  });

  it("defaults to the runtime's locale", () => {
    expect(cents("12,50")).toBe(1250);
    expect(cents("12.50")).toBe(1250);
  });
});

describe("parseMoney: refused with a message naming the problem", () => {
  it.each([
    ["", "en-US", /Enter an amount/],
    ["   ", "en-US", /Enter an amount/],
    ["$", "en-US", /Enter an amount/],
    ["-3", "en-US", /negative/],
    ["−3", "en-US", /negative/],
    ["$-3", "en-US", /negative/],
    ["(3.00)", "en-US", /negative/],
    ["abc", "en-US", /not an amount/],
    ["3,00.5x", "en-US", /not an amount/],
    ["12,5€", "en-US", /US dollars/],
    ["12 EUR", "de-DE", /US dollars/],
    ["1.234", "en-US", /ambiguous/], // "." is not a group mark in en: 1234 or 1.234?
    ["1,200", "de-DE", /ambiguous/], // "," is de's decimal: 1.2 written with 3 decimals, or en thousands?
    ["1,200", "fr-FR", /ambiguous/],
    ["1.200", "fr-FR", /ambiguous/],
    ["12.345", "de-CH", /ambiguous/],
    ["1.2345", "en-US", /at most 2 digits/],
    ["12,999", "de-DE", /ambiguous/],
    ["1 234,567", "fr-FR", /at most 2 digits/],
    ["1,2,3", "en-US", /misplaced/],
    ["12 50", "fr-FR", /misplaced/],
    ["12345,678", "en-US", /misplaced/],
    ["1.000,000.50", "en-US", /more than one decimal/],
    ["1.000 000", "en-US", /mixes/],
    ["1000000.01", "en-US", /at most \$1,000,000\.00/],
    ["99999999999999999999", "en-US", /at most/],
    ["1,00,00,000", "en-IN", /at most \$1,000,000\.00/], // a crore: lakh grouping is read, then the cap applies
  ] as const)("%j (%s)", (input, locale, want) => {
    expect(error(input, locale)).toMatch(want);
  });

  it("quotes the input in the ambiguity message and says how to write thousands", () => {
    expect(error("1.234", "en-US")).toBe(
      '"1.234" is ambiguous: write 1234 for thousands, or use at most 2 digits after the decimal separator.',
    );
  });
});

// ─── Property: parse(format(x)) = x ──────────────────────────────────────────

const LOCALES = [
  "en-US",
  "en-GB",
  "de-DE",
  "fr-FR",
  "es-ES",
  "it-IT",
  "pt-BR",
  "ja-JP",
  "en-IN",
  "de-CH",
  "nl-NL",
  "sv-SE",
];

/** Amounts spread over every magnitude (a uniform draw would almost always be in the millions). */
function randomCents(r: () => number) {
  const digits = 1 + Math.floor(r() * 9); // 1..9 digits
  return Math.min(MAX_AMOUNT_CENTS, Math.floor(r() * 10 ** digits));
}

describe("parseMoney ∘ format = identity (seeded property test)", () => {
  const CASES = 3000;
  const r = rng(20261206);
  const samples = Array.from({ length: CASES }, () => ({
    cents: randomCents(r),
    locale: LOCALES[Math.floor(r() * LOCALES.length)],
  }));
  samples.push(
    ...LOCALES.flatMap((locale) =>
      [0, 1, 99, 100, 300, 1000, 123456, 10000000, MAX_AMOUNT_CENTS].map((c) => ({ cents: c, locale })),
    ),
  );

  it(`formatMoney(cents, "USD", locale) parses back to cents (${samples.length} cases, ${LOCALES.length} locales)`, () => {
    const failures = samples.filter(({ cents: c, locale }) => cents(formatMoney(c, "USD", locale), locale) !== c);
    expect(
      failures
        .slice(0, 5)
        .map(({ cents: c, locale }) => [
          c,
          locale,
          formatMoney(c, "USD", locale),
          cents(formatMoney(c, "USD", locale), locale),
        ]),
    ).toEqual([]);
  });

  it(`the plain number with the locale's decimal separator and no grouping parses back (${samples.length} cases)`, () => {
    const failures = samples.filter(({ cents: c, locale }) => {
      // 0, 1 or 2 decimals, as people type it: "12", "12,5", "12,50".
      const frac = c % 100 === 0 ? 0 : c % 10 === 0 ? 1 : 2;
      const plain = new Intl.NumberFormat(locale, {
        useGrouping: false,
        minimumFractionDigits: frac,
        maximumFractionDigits: frac,
      }).format(c / 100);
      return cents(plain, locale) !== c;
    });
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it("the generator covers every locale and small, middling and large amounts", () => {
    expect(new Set(samples.map((s) => s.locale)).size).toBe(LOCALES.length);
    expect(samples.some((s) => s.cents < 1000)).toBe(true);
    expect(samples.some((s) => s.cents > 10_000_000)).toBe(true);
    expect(samples.length).toBeGreaterThanOrEqual(2000);
  });
});

describe("the floor, sums and decimals", () => {
  it("checkPrice: one message for the $3.00 floor", () => {
    expect(MIN_PRICE_CENTS).toBe(300);
    expect(checkPrice(300)).toBeNull();
    expect(checkPrice(299)).toBe("The lowest price Fanvue allows is $3.00 (you entered $2.99).");
    expect(checkPrice(0)).toMatch(/lowest price Fanvue allows is \$3\.00/);
    expect(checkPrice(12.5)).toBe("Price must be in whole cents.");
  });

  it("sumCents is exact and refuses floats", () => {
    expect(sumCents([10, 20, 30])).toBe(60);
    expect(sumCents([])).toBe(0);
    expect(() => sumCents([0.1, 0.2])).toThrow(TypeError);
    expect(() => sumCents([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it("centsToDecimal", () => {
    expect(centsToDecimal(1250)).toBe("12.50");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(-105)).toBe("-1.05");
    expect(() => centsToDecimal(1.5)).toThrow(TypeError);
  });
});
