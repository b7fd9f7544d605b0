import { fanTagAdd } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { addTag } from "@/lib/server/fans/notes-tags";

export const POST = apiRoute(fanTagAdd, {
  audit: "fan.tag",
  handler: async ({ access, params, body, user, audit }) => {
    const res = await addTag(access, params.fanUuid, body.tag, user);
    audit({ target: params.fanUuid, details: { op: "add", tag: body.tag } });
    return res;
  },
});
