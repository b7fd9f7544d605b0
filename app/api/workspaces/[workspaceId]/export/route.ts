import { workspaceDataExport } from "@/lib/contracts/data-export";
import { apiRoute } from "@/lib/server/api/route";
import { exportResponse } from "@/lib/server/data-export/service";

// Audited by exportResponse when the download starts (with its row count).
export const GET = apiRoute(workspaceDataExport, {
  handler: ({ access, user, query }) => exportResponse(access, user, query.creatorId),
});
