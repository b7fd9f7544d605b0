"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { chatKeys, checkSend, patchInboxRow, postSend, type SendInput } from "@/lib/queries/chats";
import { ApiClientError } from "@/lib/queries/fetcher";
import type { SendView } from "@/lib/schemas/chats";
import { convKey, patchSend, upsertSend, type LocalSend } from "./use-send-store";

// Sending with optimistic display: the message shows at once as "sending",
// then "sent" or "failed" (with the reason). A retry reuses the same
// idempotency key, so the server can never send it twice.

const fromView = (v: SendView): Partial<LocalSend> => ({
  status: v.status,
  error: v.error,
  messageUuid: v.messageUuid,
});

/** A send as shown at once, before the server answers. */
const pendingSend = (input: SendInput): LocalSend => ({
  key: input.idempotencyKey,
  text: input.text,
  mediaUuids: input.mediaUuids,
  price: input.price,
  templateUuid: input.templateUuid,
  status: "sending",
  error: null,
  messageUuid: null,
  createdAt: new Date().toISOString(),
});

/** Reads the conversation again after a send or check; a sent message also
 * becomes the inbox row's last message. */
function useSettle(creatorId: string, fanUuid: string) {
  const qc = useQueryClient();
  // The conversation shows the confirmed message; the inbox row is updated
  // in place (a refetch of the list would cost three Fanvue calls per send).
  return useCallback(
    (sent?: { text: string | null; mediaUuids: string[] }) => {
      // A read still in flight began before the send and cannot show it; an
      // invalidation would only join that read (TanStack dedupes a first
      // load), so it is cancelled and the conversation read again.
      const key = chatKeys.conversation(creatorId, fanUuid);
      void qc.cancelQueries({ queryKey: key }).then(() => qc.invalidateQueries({ queryKey: key }));
      if (!sent) return;
      const now = new Date().toISOString();
      patchInboxRow(qc, creatorId, fanUuid, (r) => ({
        ...r,
        lastMessageAt: now,
        lastMessage: {
          text: sent.text,
          hasMedia: sent.mediaUuids.length > 0,
          fromCreator: true,
          sentAt: now,
          type: null,
        },
      }));
    },
    [qc, creatorId, fanUuid],
  );
}

export function useSender(creatorId: string, fanUuid: string) {
  const conv = convKey(creatorId, fanUuid);
  const settle = useSettle(creatorId, fanUuid);

  const run = useCallback(
    async (input: SendInput) => {
      patchSend(conv, input.idempotencyKey, { status: "sending", error: null });
      let sent = false;
      try {
        const v = await postSend(creatorId, fanUuid, input);
        patchSend(conv, input.idempotencyKey, fromView(v));
        sent = v.status === "sent";
      } catch (err) {
        const e = err instanceof ApiClientError ? err : null;
        // A network failure leaves the outcome open: the server's record
        // (same key) settles it on retry or check.
        const status = e?.code === "network" ? "unknown" : "failed";
        patchSend(conv, input.idempotencyKey, { status, error: e?.message ?? "Could not send." });
      } finally {
        settle(sent ? input : undefined);
      }
    },
    [conv, creatorId, fanUuid, settle],
  );

  const send = useCallback(
    (input: SendInput) => {
      upsertSend(conv, pendingSend(input));
      return run(input);
    },
    [conv, run],
  );

  const retry = useCallback(
    (s: Pick<LocalSend, "key" | "text" | "mediaUuids" | "price" | "templateUuid">) =>
      run({
        idempotencyKey: s.key,
        text: s.text,
        mediaUuids: s.mediaUuids,
        price: s.price,
        templateUuid: s.templateUuid,
      }),
    [run],
  );

  const check = useCallback(
    async (key: string) => {
      patchSend(conv, key, { status: "sending" });
      try {
        patchSend(conv, key, fromView(await checkSend(creatorId, fanUuid, key)));
      } catch (err) {
        patchSend(conv, key, { status: "unknown", error: err instanceof Error ? err.message : "Could not check." });
      } finally {
        settle();
      }
    },
    [conv, creatorId, fanUuid, settle],
  );

  return { send, retry, check };
}
