// PATCH/DELETE /api/creators/:creatorId/vault/folders/:folderName – rename a folder; delete it (its media stay in the vault).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { folderNameSchema } from "@/lib/schemas/media";
import { deleteVaultFolder, renameVaultFolder } from "@/lib/server/media/folders";

const params = z.object({ creatorId: z.string(), folderName: z.string().min(1).max(100) });

export const PATCH = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "vault.folder.rename",
  params,
  body: z.object({ name: folderNameSchema }),
  handler: async ({ access, params, body, audit }) => {
    const result = await renameVaultFolder(access, params.folderName, body.name);
    audit({ target: body.name, details: { from: params.folderName } });
    return result;
  },
});

export const DELETE = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "vault.folder.delete",
  params,
  handler: async ({ access, params, audit }) => {
    const result = await deleteVaultFolder(access, params.folderName);
    audit({ target: params.folderName });
    return result;
  },
});
