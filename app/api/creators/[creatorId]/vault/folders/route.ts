// GET/POST /api/creators/:creatorId/vault/folders – list folders with counts; create one (409 on a duplicate name).
import { z } from "zod";
import { apiRoute } from "@/lib/server/api/route";
import { folderNameSchema } from "@/lib/schemas/media";
import { createVaultFolder, listVaultFolders } from "@/lib/server/media/folders";

export const GET = apiRoute({
  access: "creator",
  permission: "vault:read",
  handler: ({ access }) => listVaultFolders(access),
});

export const POST = apiRoute({
  access: "creator",
  permission: "vault:write",
  audit: "vault.folder.create",
  body: z.object({ name: folderNameSchema }),
  handler: async ({ access, body, audit }) => {
    const folder = await createVaultFolder(access, body.name);
    audit({ target: folder.name });
    return folder;
  },
});
