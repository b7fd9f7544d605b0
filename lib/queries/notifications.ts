import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { BodyOf } from "@/lib/contracts/contract";
import * as push from "@/lib/contracts/client/push";
import { callApi } from "./call";

// Push notifications: the user's choices and devices, this browser's
// subscription, and the test push.

export const notificationKeys = {
  all: ["notifications"] as const,
  settings: () => [...notificationKeys.all, "settings"] as const,
};

export const useNotificationSettings = () =>
  useQuery({
    queryKey: notificationKeys.settings(),
    queryFn: () => callApi(push.notificationSettings, {}),
    // A device added or removed elsewhere shows when the section is opened again.
    staleTime: 0,
  });

export function useSaveNotificationChoices() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof push.saveNotificationSettings>) =>
      callApi(push.saveNotificationSettings, { body }),
    onSuccess: (saved) => qc.setQueryData(notificationKeys.settings(), saved),
  });
}

/** The server's VAPID public key (null: push is not set up on this server). */
export const fetchPushKey = () => callApi(push.pushKey, {});

export function usePushDeviceMutations() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    subscribe: useMutation({
      mutationFn: (body: BodyOf<typeof push.pushSubscribe>) => callApi(push.pushSubscribe, { body }),
      onSettled: refresh,
    }),
    unsubscribe: useMutation({
      mutationFn: (body: BodyOf<typeof push.pushUnsubscribe>) => callApi(push.pushUnsubscribe, { body }),
      onSettled: refresh,
    }),
    test: useMutation({ mutationFn: () => callApi(push.pushTest, {}), onSettled: refresh }),
  };
}
