// GET /api/creators/:creatorId/mass-messages/estimate?include=smart:subscribers&exclude=custom:<uuid>&holdout=10 – recipients before sending.
import { z } from "zod";
import { listRefsSchema, MAX_HOLDOUT_PERCENT } from "@/lib/schemas/mass-messages";
import { apiRoute } from "@/lib/server/api/route";
import { estimateAudience } from "@/lib/server/mass/audience";

/** "smart:subscribers,custom:<uuid>" → { smart: [...], custom: [...] } */
const refs = z
  .string()
  .max(4000)
  .default("")
  .transform((s, ctx) => {
    const parts = s.split(",").filter(Boolean);
    const r = listRefsSchema.safeParse({ smart: parts.filter((p) => p.startsWith("smart:")).map((p) => p.slice(6)), custom: parts.filter((p) => p.startsWith("custom:")).map((p) => p.slice(7)) });
    if (r.success) return r.data;
    ctx.addIssue({ code: "custom", message: "lists must be smart:<id> or custom:<uuid>, comma-separated" });
    return z.NEVER;
  });

export const GET = apiRoute({
  access: "creator",
  permission: "mass:send",
  query: z.object({ include: refs, exclude: refs, holdout: z.coerce.number().int().min(0).max(MAX_HOLDOUT_PERCENT).default(0) }),
  handler: ({ access, query }) => estimateAudience(access, query.include, query.exclude, query.holdout),
});
