import { earningsReconcile } from "@/lib/contracts/earnings";
import { apiRoute } from "@/lib/server/api/route";
import { reconcile } from "@/lib/server/earnings/reconcile";

export const GET = apiRoute(earningsReconcile, {
  handler: ({ access, query }) => reconcile(access, query),
});
