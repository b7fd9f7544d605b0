import "server-only";
import { clientForCreator } from "@/lib/server/creators/client";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { InsightLoader, type InsightSubject } from "./insight-loader";

// The process-wide loader (one per server process; globalThis keeps it across
// dev reloads so in-flight fetches stay shared).
const g = globalThis as unknown as { fanInsightLoader?: InsightLoader };
export const insightLoader = (): InsightLoader => (g.fanInsightLoader ??= new InsightLoader({}));

export type CreatorRef = Pick<CreatorAccess, "workspace" | "creator">;

export const subjectOf = (a: CreatorRef): InsightSubject => ({ creatorId: a.creator.id, client: clientForCreator(a) });

export const hasFanInsights = (a: CreatorRef) => a.workspace.kind === "creator";
