import { describe, expect, it } from "vitest";
import { z } from "zod";
import { vaultUrlSchema } from "@/components/media/vault-params";
import { INBOX_FILTERS, inboxQuerySchema, inboxUrlSchema } from "@/lib/schemas/chats";
import { earningsQuerySchema, earningsUrlSchema, SOURCES } from "@/lib/schemas/earnings";
import { FANS_VIEWS, fansQuerySchema, fansUrlSchema } from "@/lib/schemas/fans";
import {
  bestTimesUrlSchema,
  cohortValueQuerySchema,
  retentionQuerySchema,
  retentionUrlSchema,
} from "@/lib/schemas/growth";
import { vaultQuerySchema } from "@/lib/schemas/media";
import { payoutsUrlSchema } from "@/lib/schemas/payouts";
import { performanceUrlSchema, SEND_KINDS } from "@/lib/schemas/performance";
import { subscriberTrendsUrlSchema } from "@/lib/schemas/subscriber-trends";
import { timeZoneField } from "@/lib/schemas/viewer";
import { readUrlState } from "./codec";
import type { UrlSchema } from "./fields";

// Each page's URL fields (zod-free, for the client bundle) against the same
// page declared with the server's own zod fields, as it was before: every
// sample query string must read to the same state, so a URL the page keeps is
// one the route accepts, and a value the route refuses falls back to the default.

type Ref = Record<string, z.ZodType>;
const readRef = (ref: Ref, sp: URLSearchParams) =>
  Object.fromEntries(
    Object.entries(ref).map(([key, field]) => {
      const raw = sp.get(key);
      const isArray = field instanceof z.ZodDefault && field.def.innerType instanceof z.ZodArray;
      const parsed = field.safeParse(raw === null ? undefined : isArray ? raw.split(",").filter(Boolean) : raw);
      return [key, parsed.success ? parsed.data : field.safeParse(undefined).data];
    }),
  );

const range = (preset: z.input<typeof earningsQuerySchema.shape.range> & string) => ({
  range: earningsQuerySchema.shape.range.default(preset),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});
const uuidLike = z.string().regex(/^[0-9a-f-]{36}$/i);
const vq = vaultQuerySchema.shape;
const id = z.string().min(1).max(64);

const PAGES: [string, UrlSchema, Ref][] = [
  [
    "fans",
    fansUrlSchema,
    {
      view: z.enum(FANS_VIEWS).default("subscribers"),
      q: fansQuerySchema.shape.search,
      sort: fansQuerySchema.shape.sort,
      dir: fansQuerySchema.shape.dir,
      tag: fansQuerySchema.shape.tag,
      segment: fansQuerySchema.shape.segment,
      page: fansQuerySchema.shape.page,
      fan: z.string().max(64).optional(),
    },
  ],
  [
    "inbox",
    inboxUrlSchema,
    {
      filter: inboxQuerySchema.shape.filter,
      sort: inboxQuerySchema.shape.sort,
      q: inboxQuerySchema.shape.search,
      list: inboxQuerySchema.shape.list,
      chat: uuidLike.optional(),
      cc: z.string().max(64).optional(),
      team: z.enum(["0", "1"]).default("0"),
      media: z.array(uuidLike).max(20).default([]),
    },
  ],
  [
    "earnings",
    earningsUrlSchema,
    {
      ...range("30d"),
      tz: timeZoneField.optional(),
      granularity: earningsQuerySchema.shape.granularity,
      basis: z.enum(["gross", "net"]).default("gross"),
      sources: z.array(z.enum(SOURCES)).default([]),
    },
  ],
  ["best times", bestTimesUrlSchema, { ...range("90d"), source: z.enum(["all", ...SOURCES]).default("all") }],
  [
    "retention",
    retentionUrlSchema,
    {
      months: retentionQuerySchema.shape.months,
      by: cohortValueQuerySchema.shape.by,
      a: z.string().max(64).optional(),
      b: z.string().max(64).optional(),
    },
  ],
  ["payouts", payoutsUrlSchema, range("last_month")],
  [
    "performance",
    performanceUrlSchema,
    {
      ...range("today"),
      creator: id.optional(),
      member: id.optional(),
      view: z.enum(["sales", "sends"]).optional(),
      kind: z.enum(SEND_KINDS).optional(),
    },
  ],
  [
    "subscriber trends",
    subscriberTrendsUrlSchema,
    { ...range("90d"), granularity: earningsQuerySchema.shape.granularity },
  ],
  [
    "vault",
    vaultUrlSchema,
    {
      type: vq.type,
      folder: vq.folder,
      usage: vq.usage,
      fan: vq.fan,
      fanView: vq.fanView,
      q: vq.q,
      view: uuidLike.optional(),
      at: z.coerce.number().int().min(1).max(99_999).optional(),
    },
  ],
];

const U = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const VALUES = [
  "",
  " ",
  "x",
  "  Anna  ",
  "ANNA",
  "a/b",
  "x".repeat(41),
  "x".repeat(65),
  "y".repeat(101),
  "0",
  "1",
  "-1",
  "3",
  "12",
  "24",
  "1.5",
  "1e2",
  "99999",
  "100000",
  "100001",
  U,
  U.toUpperCase(),
  `${U},${U}`,
  `custom:${U}`,
  "smart:top_fans",
  "smart:",
  "Europe/Berlin",
  "Mars/Base",
  "2026-01-31",
  "2026-01-310",
  "tips,posts",
  "tip,post",
  "tip,bogus",
  ...SOURCES,
  ...INBOX_FILTERS,
  ...FANS_VIEWS,
  "spend",
  "asc",
  "week",
  "net",
  "last_month",
  "custom",
  "link",
  "sales",
  "ppv",
  "image",
  "bought",
  "subscribers",
  "vip fans",
  "vip!",
];

describe("URL fields read as the server's fields", () => {
  it.each(PAGES)("%s", (_, schema, ref) => {
    expect(Object.keys(schema.shape).sort()).toEqual(Object.keys(ref).sort());
    expect(readUrlState(schema, new URLSearchParams())).toEqual(readRef(ref, new URLSearchParams()));
    for (const key of Object.keys(ref))
      for (const v of VALUES) {
        const sp = new URLSearchParams({ [key]: v });
        expect({ key, v, got: readUrlState(schema, sp)[key] }).toEqual({ key, v, got: readRef(ref, sp)[key] });
      }
  });
});
