// POST /api/creators/:creatorId/fans/:fanUuid/tags – tags a fan (idempotent); returns the fan's tags.
import { z } from "zod";
import { fanUuidSchema, tagSchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { addTag } from "@/lib/server/fans/notes-tags";

export const POST = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.tag",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema }),
  body: z.object({ tag: tagSchema }),
  handler: async ({ access, params, body, user, audit }) => {
    const res = await addTag(access, params.fanUuid, body.tag, user);
    audit({ target: params.fanUuid, details: { op: "add", tag: body.tag } });
    return res;
  },
});
