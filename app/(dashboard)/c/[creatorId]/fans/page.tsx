import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { fansApiParams, fansStateOf, segKeyOf } from "@/components/fans/fans-params";
import { FansView } from "@/components/fans/fans-view";
import { Prefetched } from "@/components/layout/prefetched";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { fanPanel, fansList } from "@/lib/contracts/fans";
import { fanKeys, fanPanelQuery } from "@/lib/queries/fan-keys";
import { listKeys } from "@/lib/queries/mass-messages";
import { fansUrlSchema } from "@/lib/schemas/fans";
import { getLists } from "@/lib/server/chats/lists";
import { getAnalysis } from "@/lib/server/fans/analysis/analysis";
import { listTags } from "@/lib/server/fans/notes-tags";
import { getFanPanel } from "@/lib/server/fans/panel";
import { getRosterView } from "@/lib/server/fans/roster/roster-view";
import { listSegments } from "@/lib/server/fans/segments";
import { listFans } from "@/lib/server/fans/table";
import { asJson, asMemberRead, searchParamsOf, settleWithin } from "@/lib/server/page-prefetch";
import { pageCreatorAccess } from "@/lib/server/page-access";
import type { SessionUser } from "@/lib/server/session";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { readUrlState } from "@/lib/url-state/codec";

export const metadata: Metadata = { title: "Fans" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past this the table is left to the client: the fans route itself gives
 * Fanvue 2.5 s (then the roster stands in), so this is reached only when
 * Fanvue or the database hangs. */
const PREFETCH_BUDGET_MS = 4_000;

/** The first screen, as the routes the client calls would answer it (same
 * keys, same server functions), and only what its first render asks for:
 * the analysis card's counts; the table's page for the URL's filters with
 * what the table shows around it (roster's age, tags, saved segments where
 * the toolbar offers them, the lists its bulk actions offer); and the fan
 * panel a shared link opens. The renewals tab shows the forecast instead,
 * in the viewer's zone, left to the client. */
async function prefetchFans(qc: QueryClient, access: CreatorAccess, user: SessionUser, searchParams: SearchParams) {
  const sp = searchParamsOf(await searchParams);
  const state = fansStateOf(readUrlState(fansUrlSchema, sp), segKeyOf(sp));
  const c = access.creator.id;
  const tasks = state.view === "renewals" ? [] : prefetchAroundTable(qc, access);
  if (state.fan)
    tasks.push(
      qc.prefetchQuery({
        ...fanPanelQuery(c, state.fan),
        queryFn: () =>
          asJson(getFanPanel(access, fanPanel.params.parse({ creatorId: c, fanUuid: state.fan }).fanUuid, user)),
      }),
    );
  const table =
    state.view === "renewals"
      ? Promise.resolve()
      : qc.prefetchQuery({
          queryKey: fanKeys.list(c, fansApiParams(state)),
          queryFn: () => asJson(listFans(access, fansList.query.parse(fansApiParams(state)), user)),
        });
  // After the table: it asks Fanvue for the audience counts, which the card
  // then finds remembered instead of asking a second time.
  const analysis = table.then(() =>
    qc.prefetchQuery({ queryKey: fanKeys.analysis(c), queryFn: () => asJson(getAnalysis(access)) }),
  );
  await settleWithin(PREFETCH_BUDGET_MS, [...tasks, table, analysis]);
}

/** What the table's notices and toolbar ask for beside its rows. */
function prefetchAroundTable(qc: QueryClient, access: CreatorAccess): Promise<unknown>[] {
  const c = access.creator.id;
  const tasks = [
    qc.prefetchQuery({ queryKey: fanKeys.roster(c), queryFn: () => asJson(getRosterView(access).then((r) => r.view)) }),
    qc.prefetchQuery({ queryKey: fanKeys.tags(c), queryFn: () => asJson(listTags(c)) }),
  ];
  // The segment picker shows where insights exist (FansView's insightsAvailable).
  if (access.workspace.kind === "creator")
    tasks.push(qc.prefetchQuery({ queryKey: fanKeys.segments(c), queryFn: () => asJson(listSegments(c)) }));
  // The route refuses a role without chats:read; the client then shows that as before.
  if (hasPermission(access, "chats:read"))
    tasks.push(qc.prefetchQuery({ queryKey: listKeys.all(c), queryFn: () => asJson(getLists(access)) }));
  return tasks;
}

export default async function FansPage({
  params,
  searchParams,
}: {
  params: Promise<{ creatorId: string }>;
  searchParams: SearchParams;
}) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "fans:read")) return <Forbidden what="this creator's fans" />;
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-96 rounded-xl" />}>
      <Prefetched
        prefetch={(qc) =>
          asMemberRead(access, session.user, () => prefetchFans(qc, access, session.user, searchParams))
        }
      >
        <FansView
          creatorId={creatorId}
          creatorHandle={access.creator.handle}
          canWrite={hasPermission(access, "fans:write")}
          canChat={hasPermission(access, "chats:read")}
          insightsAvailable={access.workspace.kind === "creator"}
        />
      </Prefetched>
    </Suspense>
  );
}
