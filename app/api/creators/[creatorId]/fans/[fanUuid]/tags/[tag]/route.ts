// DELETE /api/creators/:creatorId/fans/:fanUuid/tags/:tag – removes a tag from a fan.
import { z } from "zod";
import { fanUuidSchema, tagSchema } from "@/lib/schemas/fans";
import { apiRoute } from "@/lib/server/api/route";
import { removeTag } from "@/lib/server/fans/notes-tags";

/** Tags with spaces arrive percent-encoded; a malformed escape is left as is (and refused by tagSchema). */
const decoded = (t: string) => {
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
};

export const DELETE = apiRoute({
  access: "creator",
  permission: "fans:write",
  audit: "fan.tag",
  params: z.object({ creatorId: z.string(), fanUuid: fanUuidSchema, tag: z.string().transform(decoded).pipe(tagSchema) }),
  body: z.object({}),
  handler: async ({ access, params, audit }) => {
    const res = await removeTag(access, params.fanUuid, params.tag);
    audit({ target: params.fanUuid, details: { op: "remove", tag: params.tag } });
    return res;
  },
});
