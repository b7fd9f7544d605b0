"use client";

import { Download, Printer } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { useCsvDownload } from "@/components/earnings/use-csv-download";

/** A printable statement's two buttons: its CSV (when the viewer may export) and Print. */
export function CsvAndPrint(p: { csv: ReturnType<typeof useCsvDownload>; href: string | null; testId: string }) {
  const { csv, href } = p;
  return (
    <>
      {href ? (
        <Button
          variant="secondary"
          onClick={() => void csv.download(href)}
          disabled={csv.state.status === "running"}
          data-testid={p.testId}
        >
          <Download className="size-4" aria-hidden="true" /> CSV
        </Button>
      ) : null}
      <Button variant="secondary" onClick={() => window.print()}>
        <Printer className="size-4" aria-hidden="true" /> Print
      </Button>
    </>
  );
}
