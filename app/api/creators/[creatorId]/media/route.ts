import { vaultList } from "@/lib/contracts/media";
import { apiRoute } from "@/lib/server/api/route";
import { listVault } from "@/lib/server/media/vault-list";

export const GET = apiRoute(vaultList, {
  handler: ({ access, query }) => listVault(access, query),
});
