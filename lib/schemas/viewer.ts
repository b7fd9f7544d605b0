import { z } from "zod";
import { canonicalLocale, isTimeZone } from "@/lib/utils/time";

// The viewer's zone and locale (lib/utils/time.ts formats with them).

/** An IANA zone as a query or body field; one wording everywhere. */
export const timeZoneField = z
  .string()
  .max(64)
  .refine(isTimeZone, { error: "must be an IANA time zone such as Europe/Berlin" });

/** Colour themes a user may pin; null (no choice) follows the device's setting. */
export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** What a user chose; null follows the device. */
export type ViewerPrefs = { timeZone: string | null; locale: string | null; theme: Theme | null };

export const viewerPrefsPatchSchema = z
  .object({
    timeZone: timeZoneField.nullable().optional(),
    locale: z
      .string()
      .max(35)
      .refine((l) => canonicalLocale(l) !== null, { error: "must be a language tag such as en-GB or de-DE" })
      .transform((l) => canonicalLocale(l)!)
      .nullable()
      .optional(),
    theme: z.enum(THEMES).nullable().optional(),
  })
  .strict()
  .refine((p) => p.timeZone !== undefined || p.locale !== undefined || p.theme !== undefined, {
    error: "send timeZone, locale or theme",
  });
