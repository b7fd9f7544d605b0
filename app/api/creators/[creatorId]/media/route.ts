// GET /api/creators/:creatorId/media – one page of the vault grid (filters, search, fan context), with thumbnail URLs.
import { apiRoute } from "@/lib/server/api/route";
import { vaultQuerySchema } from "@/lib/schemas/media";
import { listVault } from "@/lib/server/media/vault-list";

export const GET = apiRoute({
  access: "creator",
  permission: "vault:read",
  query: vaultQuerySchema,
  handler: ({ access, query }) => listVault(access, query),
});
