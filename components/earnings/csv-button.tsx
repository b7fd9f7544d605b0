"use client";

import { Download, Printer } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useCsvDownload } from "./use-csv-download";

// The CSV button of every report page (earnings' menu aside): it downloads
// the file, is busy while it does, and says why when it fails.

export function CsvButton({ href, testId }: { href: string; testId?: string }) {
  const csv = useCsvDownload();
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => void csv.download(href)}
        disabled={csv.state.status === "running"}
        data-testid={testId}
      >
        <Download className="size-4" aria-hidden="true" /> CSV
      </Button>
      {csv.state.status === "failed" ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {csv.state.message}
        </p>
      ) : null}
    </>
  );
}

/** A printable statement's Print (the app shell hides itself in print). */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden="true" /> Print
    </Button>
  );
}
