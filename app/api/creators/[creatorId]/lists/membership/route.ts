// GET /api/creators/:creatorId/lists/membership?fan=<uuid> – which custom lists hold this fan.
import { z } from "zod";
import { fanUuidSchema } from "@/lib/schemas/chats";
import { apiRoute } from "@/lib/server/api/route";
import { listsOfFan } from "@/lib/server/mass/audience";

export const GET = apiRoute({
  access: "creator",
  permission: "fans:read",
  query: z.object({ fan: fanUuidSchema }),
  handler: ({ access, query }) => listsOfFan(access, query.fan),
});
