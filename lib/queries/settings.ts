import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as settings from "@/lib/contracts/client/settings";
import { callApi } from "./call";

// The Settings page's Fanvue connections: read, and disconnect one.

export const settingsKeys = { connections: ["me", "connections"] as const };

export const useMyConnections = () =>
  useQuery({ queryKey: settingsKeys.connections, queryFn: () => callApi(settings.myConnections, {}) });

export function useDisconnectFanvue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) =>
      callApi(settings.disconnectFanvue, { params: { workspaceId }, body: { confirm: true } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: settingsKeys.connections }),
  });
}
