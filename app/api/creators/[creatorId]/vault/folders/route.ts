import { vaultFolderCreate, vaultFolders } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { createVaultFolder, listVaultFolders } from "@/lib/server/media/folders";

export const GET = apiRoute(vaultFolders, {
  handler: ({ access }) => listVaultFolders(access),
});

export const POST = apiRoute(vaultFolderCreate, {
  audit: "vault.folder.create",
  handler: async ({ access, body, audit }) => {
    const folder = await createVaultFolder(access, body.name);
    audit({ target: folder.name });
    return folder;
  },
});
