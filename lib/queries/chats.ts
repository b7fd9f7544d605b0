import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import {
  chatMedia,
  chatSend,
  chatTemplates,
  chatUpdate,
  conversation,
  inbox,
  messageUnsend,
  sendCheck,
  teamInbox,
} from "@/lib/contracts/client/chats";
import type {
  ChatPatch,
  ChatRow,
  ConversationPage,
  InboxPage,
  SendBody,
  sendBodySchema,
  TeamInboxPage,
} from "@/lib/schemas/chats";
import { callApi } from "./call";

// Chats: the inbox (one creator or the team), conversations, sends, per-chat
// actions and templates. Live events and polling decide when these refetch
// (see components/chats/live-provider.tsx), not a timer per hook.

export type InboxParams = { filter: string; sort: string; search: string; list: string };

export const chatKeys = {
  all: (c: string) => ["creators", c, "chats"] as const,
  inboxes: (c: string) => [...chatKeys.all(c), "inbox"] as const,
  inbox: (c: string, p: InboxParams) => [...chatKeys.inboxes(c), p] as const,
  team: (w: string) => ["workspaces", w, "team-inbox"] as const,
  teamInbox: (w: string, p: InboxParams) => [...chatKeys.team(w), p] as const,
  conversations: (c: string) => [...chatKeys.all(c), "conversation"] as const,
  conversation: (c: string, fan: string) => [...chatKeys.conversations(c), fan] as const,
  media: (c: string, fan: string) => [...chatKeys.all(c), "media", fan] as const,
  templates: (c: string) => [...chatKeys.all(c), "templates"] as const,
};

/** The inbox routes' query string for a list's params (and a page or cursor). */
export const inboxSearch = (p: InboxParams, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams(extra);
  if (p.filter !== "all") q.set("filter", p.filter);
  if (p.sort !== "recent") q.set("sort", p.sort);
  if (p.search) q.set("search", p.search);
  if (p.list) q.set("list", p.list);
  return q;
};

/** While an agency's first copy of its chats (or a list's members) is being
 * read, look again every 2 s: the rows arrive within seconds. */
const MIRROR_PENDING_POLL_MS = 2_000;
const mirrorPending = (d: InfiniteData<InboxPage> | undefined) =>
  Boolean(d?.pages[0]?.mirror?.syncing || d?.pages[0]?.mirror?.list?.pending);

export const inboxQuery = (creatorId: string, p: InboxParams, pollMs: number | false) =>
  infiniteQueryOptions({
    queryKey: chatKeys.inbox(creatorId, p),
    queryFn: ({ pageParam, signal }) =>
      callApi(inbox, { params: { creatorId }, query: inboxSearch(p, { page: String(pageParam) }), signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.hasMore ? last.page + 1 : undefined),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (mirrorPending(q.state.data) ? MIRROR_PENDING_POLL_MS : pollMs),
    // A refetch re-reads every loaded page (each costs Fanvue calls).
    maxPages: 5,
  });
export const useInbox = (creatorId: string, p: InboxParams, pollMs: number | false, enabled = true) =>
  useInfiniteQuery({ ...inboxQuery(creatorId, p, pollMs), enabled });

export const teamInboxQuery = (workspaceId: string, p: InboxParams, pollMs: number | false) =>
  infiniteQueryOptions({
    queryKey: chatKeys.teamInbox(workspaceId, p),
    queryFn: ({ pageParam, signal }) =>
      callApi(teamInbox, {
        params: { workspaceId },
        query: inboxSearch({ ...p, list: "" }, pageParam ? { cursor: pageParam } : {}),
        signal,
      }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // Creators not copied yet arrive as their first sync ends: look again soon.
    refetchInterval: (q) => (q.state.data?.pages[0]?.failed.length ? MIRROR_PENDING_POLL_MS : pollMs),
    maxPages: 5,
  });
export const useTeamInbox = (workspaceId: string, p: InboxParams, pollMs: number | false, enabled: boolean) =>
  useInfiniteQuery({ ...teamInboxQuery(workspaceId, p, pollMs), enabled });

/** Page 1 is the newest; older pages are fetched as the user scrolls up. */
export const conversationQuery = (creatorId: string, fanUuid: string, pollMs: number | false) =>
  infiniteQueryOptions({
    queryKey: chatKeys.conversation(creatorId, fanUuid),
    queryFn: ({ pageParam, signal }) =>
      callApi(conversation, { params: { creatorId, fanUuid }, query: { page: pageParam }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.hasMore ? last.page + 1 : undefined),
    refetchInterval: pollMs,
    // Refetching many old pages on every event would be wasteful.
    maxPages: 20,
  });
export const useConversation = (creatorId: string, fanUuid: string, pollMs: number | false) =>
  useInfiniteQuery(conversationQuery(creatorId, fanUuid, pollMs));

/** Unsends one of the creator's messages; it leaves the conversation at once. */
export function useUnsendMessage(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  const key = chatKeys.conversation(creatorId, fanUuid);
  return useMutation({
    mutationFn: (messageUuid: string) => callApi(messageUnsend, { params: { creatorId, fanUuid, messageUuid } }),
    onSuccess: (_r, messageUuid) => {
      qc.setQueryData<InfiniteData<ConversationPage>>(
        key,
        (d) =>
          d && { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.filter((m) => m.uuid !== messageUuid) })) },
      );
      void qc.invalidateQueries({ queryKey: chatKeys.inboxes(creatorId) });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export const useChatMedia = (creatorId: string, fanUuid: string, enabled: boolean) =>
  useInfiniteQuery({
    enabled,
    queryKey: chatKeys.media(creatorId, fanUuid),
    queryFn: ({ pageParam }) =>
      callApi(chatMedia, { params: { creatorId, fanUuid }, query: { cursor: pageParam || undefined } }),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Signed thumbnail URLs live 10 minutes: refresh before they expire.
    staleTime: 5 * 60_000,
    refetchInterval: 8 * 60_000,
  });

export const useTemplates = (creatorId: string, enabled: boolean) =>
  useQuery({
    queryKey: chatKeys.templates(creatorId),
    queryFn: () => callApi(chatTemplates, { params: { creatorId } }),
    enabled,
    staleTime: 5 * 60_000,
  });

/** A message as the composer and the send store hold it: every field set
 * (the body schema's normalised form, which it also accepts). */
export type SendInput = SendBody;

export const postSend = (creatorId: string, fanUuid: string, body: z.input<typeof sendBodySchema>) =>
  callApi(chatSend, { params: { creatorId, fanUuid }, body });
export const checkSend = (creatorId: string, fanUuid: string, key: string) =>
  callApi(sendCheck, { params: { creatorId, fanUuid, key } });

/** Updates one chat's row in every cached inbox (this creator's and the
 * team's) instead of refetching them: each refetch costs Fanvue calls. */
export function patchInboxRow(qc: QueryClient, creatorId: string, fanUuid: string, fn: (r: ChatRow) => ChatRow) {
  const apply = <P extends { items: ChatRow[] }>(d: InfiniteData<P> | undefined) =>
    d && {
      ...d,
      pages: d.pages.map((p) => ({
        ...p,
        items: p.items.map((r) => (r.fanUuid === fanUuid && (!r.creator || r.creator.id === creatorId) ? fn(r) : r)),
      })),
    };
  qc.setQueriesData<InfiniteData<InboxPage>>({ queryKey: chatKeys.inboxes(creatorId) }, (d) => {
    const next = apply(d);
    if (!next || !d) return next;
    // Keep the unread total in step with the rows we changed.
    const before = d.pages.flatMap((p) => p.items).find((r) => r.fanUuid === fanUuid);
    const after = next.pages.flatMap((p) => p.items).find((r) => r.fanUuid === fanUuid);
    const delta = (after && after.unreadCount > 0 ? 1 : 0) - (before && before.unreadCount > 0 ? 1 : 0);
    if (!delta || !next.pages[0]?.unread) return next;
    const [first, ...rest] = next.pages;
    return {
      ...next,
      pages: [{ ...first!, unread: { ...first!.unread!, chats: Math.max(0, first!.unread!.chats + delta) } }, ...rest],
    };
  });
  qc.setQueriesData<InfiniteData<TeamInboxPage>>(
    { predicate: (q) => q.queryKey[0] === "workspaces" && q.queryKey[2] === "team-inbox" },
    (d) => apply(d),
  );
}

export function useChatPatch(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: ChatPatch) => callApi(chatUpdate, { params: { creatorId, fanUuid }, body: patch }),
    onSuccess: (_r, patch) =>
      patchInboxRow(qc, creatorId, fanUuid, (r) => ({
        ...r,
        ...(patch.isRead === true
          ? { unreadCount: 0 }
          : patch.isRead === false
            ? { unreadCount: Math.max(1, r.unreadCount) }
            : {}),
        ...(patch.isMuted !== undefined ? { isMuted: patch.isMuted } : {}),
        ...(patch.nickname !== undefined ? { nickname: patch.nickname || null } : {}),
      })),
  });
}
