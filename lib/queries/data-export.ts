import { useMutation, useQueryClient } from "@tanstack/react-query";
import { workspaceDataDelete, workspaceDataExport } from "@/lib/contracts/client/data-export";
import { callApi, hrefOf } from "./call";

/** The full export's download link (the browser streams it and shows its progress). */
export const dataExportHref = (workspaceId: string, creatorId?: string) =>
  hrefOf(workspaceDataExport, { params: { workspaceId }, query: creatorId ? { creatorId } : {} });

/** Deletes the stored data of the workspace or one creator; every cached answer is stale after it. */
export function useDeleteData(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { creatorId?: string; confirm: string }) =>
      callApi(workspaceDataDelete, {
        params: { workspaceId },
        query: v.creatorId ? { creatorId: v.creatorId } : {},
        body: { confirm: v.confirm },
      }),
    onSuccess: () => qc.invalidateQueries(),
  });
}
