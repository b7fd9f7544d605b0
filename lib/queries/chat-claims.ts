import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import * as claims from "@/lib/contracts/client/chat-claims";
import type { ChatOwnership, PresenceState } from "@/lib/schemas/chat-claims";
import { callApi } from "./call";
import { chatKeys } from "./chats";

// Chat ownership: who holds a chat and who has it open. Polled while the
// conversation is open; every mutation answers with the new ownership.

/** Others' heartbeats arrive every 10 s and count for 30 s: a 5 s poll shows a
 * newcomer within seconds without a stream per conversation. */
export const OWNERSHIP_POLL_MS = 5_000;

export const claimKeys = {
  ownership: (c: string, fan: string) => [...chatKeys.all(c), "ownership", fan] as const,
};

export function useChatOwnership(creatorId: string, fanUuid: string) {
  return useQuery({
    queryKey: claimKeys.ownership(creatorId, fanUuid),
    queryFn: () => callApi(claims.chatPresence, { params: { creatorId, fanUuid } }),
    // Not in background tabs (TanStack's default): nobody is looking.
    refetchInterval: OWNERSHIP_POLL_MS,
  });
}

/** The inbox badges follow a change at once (others' inboxes on their next refetch). */
function settle(qc: QueryClient, creatorId: string, fanUuid: string, o: ChatOwnership, lists: boolean) {
  qc.setQueryData(claimKeys.ownership(creatorId, fanUuid), o);
  if (!lists) return;
  void qc.invalidateQueries({ queryKey: chatKeys.inboxes(creatorId) });
  void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === "workspaces" && q.queryKey[2] === "team-inbox" });
}

export function useHeartbeat(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (state: PresenceState) =>
      callApi(claims.chatHeartbeat, { params: { creatorId, fanUuid }, body: { state } }),
    onSuccess: (o) => settle(qc, creatorId, fanUuid, o, false),
  });
}

type ClaimAction = { kind: "claim"; takeOver?: boolean } | { kind: "release" } | { kind: "assign"; userId: string };

export function useClaimAction(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  const params = { creatorId, fanUuid };
  return useMutation({
    mutationFn: (a: ClaimAction) =>
      a.kind === "claim"
        ? callApi(claims.chatClaim, { params, body: { takeOver: a.takeOver } })
        : a.kind === "release"
          ? callApi(claims.chatRelease, { params })
          : callApi(claims.chatAssign, { params, body: { userId: a.userId } }),
    onSuccess: (o) => settle(qc, creatorId, fanUuid, o, true),
    // A conflict means someone else got there first: show who.
    onError: () => void qc.invalidateQueries({ queryKey: claimKeys.ownership(creatorId, fanUuid) }),
  });
}
