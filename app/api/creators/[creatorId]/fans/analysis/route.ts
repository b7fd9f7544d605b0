import { fanAnalysis, fanAnalysisCancel, fanAnalysisStart } from "@/lib/contracts/fans";
import { apiRoute } from "@/lib/server/api/route";
import { cancelAnalysis, getAnalysis, startAnalysis } from "@/lib/server/fans/analysis/analysis";

export const GET = apiRoute(fanAnalysis, {
  handler: ({ access }) => getAnalysis(access),
});

export const POST = apiRoute(fanAnalysisStart, {
  audit: "fans.analysis.start",
  handler: ({ access }) => startAnalysis(access),
});

export const DELETE = apiRoute(fanAnalysisCancel, {
  audit: "fans.analysis.cancel",
  handler: ({ access }) => cancelAnalysis(access),
});
