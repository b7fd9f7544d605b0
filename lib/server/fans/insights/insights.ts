import "server-only";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorRef } from "@/lib/server/creators/ref";
import { InsightLoader, type InsightSubject } from "@/lib/server/fans/insights/insight-loader";

// The process-wide loader (one per server process; globalThis keeps it across
// dev reloads so in-flight fetches stay shared).
const g = globalThis as unknown as { fanInsightLoader?: InsightLoader };
export const insightLoader = (): InsightLoader => (g.fanInsightLoader ??= new InsightLoader({}));

export type { CreatorRef };

export const subjectOf = (a: CreatorRef): InsightSubject => ({ creatorId: a.creator.id, client: clientForCreator(a) });

export const hasFanInsights = (a: CreatorRef) => a.workspace.kind === "creator";
