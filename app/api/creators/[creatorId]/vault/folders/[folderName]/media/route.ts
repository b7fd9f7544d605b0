// POST/DELETE /api/creators/:creatorId/vault/folders/:folderName/media – add or remove selected media (all or nothing).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { folderMediaSchema } from "@/lib/schemas/media";
import { addToVaultFolder, removeFromVaultFolder } from "@/lib/server/media/folders";

const params = z.object({ creatorId: z.string(), folderName: z.string().min(1).max(100) });

export const POST = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "vault.folder.add",
  params,
  body: folderMediaSchema,
  handler: async ({ access, params, body, audit }) => {
    const result = await addToVaultFolder(access, params.folderName, body.mediaUuids);
    audit({ target: params.folderName, details: { mediaUuids: body.mediaUuids, added: result.addedCount } });
    return result;
  },
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "vault.folder.remove",
  params,
  body: folderMediaSchema,
  handler: async ({ access, params, body, audit }) => {
    const result = await removeFromVaultFolder(access, params.folderName, body.mediaUuids);
    audit({ target: params.folderName, details: { mediaUuids: body.mediaUuids, removed: result.removedCount } });
    return result;
  },
});
