"use client";

import { useState } from "react";
import { ApiClientError } from "@/lib/queries/fetcher";

// Downloads an export through fetch instead of a bare link, so a refusal
// (another export still running, a bad range, the session gone) is shown on
// the page in words instead of being saved as a JSON file.

type State = { status: "idle" } | { status: "running" } | { status: "failed"; message: string };

function fileNameOf(res: Response, fallback: string) {
  const header = res.headers.get("content-disposition") ?? "";
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

export function useCsvDownload() {
  const [state, setState] = useState<State>({ status: "idle" });
  async function download(url: string) {
    if (state.status === "running") return;
    setState({ status: "running" });
    try {
      const res = await fetch(url, { credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
        throw new ApiClientError(
          (body?.error?.code as ApiClientError["code"]) ?? "internal",
          body?.error?.message ?? `Export failed (${res.status}).`,
          res.status,
        );
      }
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = fileNameOf(res, "earnings.csv");
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setState({ status: "idle" });
    } catch (err) {
      const message =
        err instanceof ApiClientError
          ? err.message
          : "The export could not be downloaded. Check your connection and try again.";
      setState({ status: "failed", message });
    }
  }
  return { state, download };
}
