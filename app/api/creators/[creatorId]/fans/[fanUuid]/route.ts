// GET /api/creators/:creatorId/fans/:fanUuid – the fan panel: insights with their age, notes, tags (staff views audited).
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { getFanPanel } from "@/lib/server/fans/panel";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema }),
  handler: ({ access, params, user }) => getFanPanel(access, params.fanUuid, user),
});
