import { workspaceDataDelete } from "@/lib/contracts/data-export";
import { apiRoute } from "@/lib/server/api/route";
import { deleteData } from "@/lib/server/data-export/service";

// The audit record is written after the delete commits: it is the one activity entry that survives it.
export const DELETE = apiRoute(workspaceDataDelete, {
  audit: "data.delete",
  handler: async ({ access, query, body, audit }) => {
    const result = await deleteData(access, body.confirm, query.creatorId);
    audit({
      creatorId: query.creatorId ?? null,
      target: body.confirm,
      details: { scope: result.scope, rows: result.rows },
    });
    return result;
  },
});
