import { fanTagRemove } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { removeTag } from "@/lib/server/fans/notes-tags";

export const DELETE = apiRoute(fanTagRemove, {
  audit: "fan.tag",
  handler: async ({ access, params, audit }) => {
    const res = await removeTag(access, params.fanUuid, params.tag);
    audit({ target: params.fanUuid, details: { op: "remove", tag: params.tag } });
    return res;
  },
});
