import type { QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { Suspense } from "react";
import { inboxListParams, inboxStateOf, type InboxUrl } from "@/components/chats/inbox-params";
import { InboxView } from "@/components/chats/inbox-view";
import { Prefetched } from "@/components/layout/prefetched";
import { Forbidden } from "@/components/ui/forbidden";
import { Skeleton } from "@/components/ui/skeleton";
import { inbox, teamInbox } from "@/lib/contracts/chats";
import { conversationQuery, inboxQuery, inboxSearch, teamInboxQuery } from "@/lib/queries/chats";
import { listKeys } from "@/lib/queries/mass-messages";
import { inboxUrlSchema } from "@/lib/schemas/chats";
import { getConversation } from "@/lib/server/chats/conversation";
import { getInbox } from "@/lib/server/chats/inbox";
import { getLists } from "@/lib/server/chats/lists";
import { getTeamInbox, scopedCreators } from "@/lib/server/chats/team-inbox";
import { asJson, asMemberRead, searchParamsOf, settleWithin } from "@/lib/server/page-prefetch";
import { pageCreatorAccess } from "@/lib/server/page-access";
import type { SessionUser } from "@/lib/server/session";
import { hasPermission, type CreatorAccess } from "@/lib/server/workspaces/access";
import { readUrlState } from "@/lib/url-state/codec";

export const metadata: Metadata = { title: "Chats" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Past this the list is left to the client. A creator's own inbox is one
 * Fanvue page (its last copy stands in when Fanvue fails); an agency's
 * is Vuedeck's copy: both answer well within it unless something hangs. */
const PREFETCH_BUDGET_MS = 4_000;

/** The first screen, as the routes the client calls would answer it (same
 * keys and paging, same server functions): the chat list's first page for
 * the URL's filter, sort, search and list (or the team inbox's), the lists
 * its toolbar offers, and the open chat's newest messages (this creator's:
 * a team inbox's chat of another creator is left to the client). */
async function prefetchInbox(qc: QueryClient, access: CreatorAccess, user: SessionUser, searchParams: SearchParams) {
  const state = inboxStateOf(readUrlState(inboxUrlSchema, searchParamsOf(await searchParams)));
  const p = inboxListParams(state);
  // The client's options (key, first page, next page), with the route's
  // server function in place of the fetch; the query as the route parses it.
  const list = state.team
    ? qc.prefetchInfiniteQuery({
        ...teamInboxQuery(access.workspace.id, p, false),
        queryFn: ({ pageParam }) => {
          const q = Object.fromEntries(inboxSearch({ ...p, list: "" }, pageParam ? { cursor: pageParam } : {}));
          return asJson(getTeamInbox(access, teamInbox.query.parse(q), user.id));
        },
      })
    : qc.prefetchInfiniteQuery({
        ...inboxQuery(access.creator.id, p, false),
        queryFn: ({ pageParam }) => {
          const q = Object.fromEntries(inboxSearch(p, { page: String(pageParam) }));
          return asJson(getInbox(access, inbox.query.parse(q), user.id));
        },
      });
  const lists = qc.prefetchQuery({
    queryKey: listKeys.all(access.creator.id),
    queryFn: () => asJson(getLists(access)),
  });
  await settleWithin(PREFETCH_BUDGET_MS, [list, lists, prefetchOpenChat(qc, access, state)]);
}

/** The open chat's newest messages, when it is this creator's chat. */
function prefetchOpenChat(qc: QueryClient, access: CreatorAccess, state: InboxUrl) {
  const fanUuid = state.chat;
  const ours = !state.team || !state.chatCreator || state.chatCreator === access.creator.id;
  if (!fanUuid || !ours) return Promise.resolve();
  return qc.prefetchInfiniteQuery({
    ...conversationQuery(access.creator.id, fanUuid, false),
    queryFn: ({ pageParam }) => asJson(getConversation(access, fanUuid, pageParam)),
  });
}

export default async function ChatsPage({
  params,
  searchParams,
}: {
  params: Promise<{ creatorId: string }>;
  searchParams: SearchParams;
}) {
  const { creatorId } = await params;
  const { session, access } = await pageCreatorAccess(creatorId);
  if (!hasPermission(access, "chats:read")) return <Forbidden what="this creator's chats" />;
  const team = access.workspace.kind === "agency" ? await scopedCreators(access) : [];
  const prefetch = (qc: QueryClient) =>
    asMemberRead(access, session.user, () => prefetchInbox(qc, access, session.user, searchParams));
  return (
    // useSearchParams (URL state) needs a Suspense boundary in a static shell.
    <Suspense fallback={<Skeleton className="h-[70dvh] rounded-xl" />}>
      <Prefetched prefetch={prefetch}>
        <InboxView
          creatorId={creatorId}
          workspaceId={access.workspace.id}
          creatorHandle={access.creator.handle}
          can={{
            send: hasPermission(access, "chats:send"),
            unsend: hasPermission(access, "chats:send") && access.workspace.kind === "creator",
            readFans: hasPermission(access, "fans:read"),
            writeFans: hasPermission(access, "fans:write"),
          }}
          teamCreators={Object.fromEntries(team.map((c) => [c.id, `@${c.handle}`]))}
        />
      </Prefetched>
    </Suspense>
  );
}
