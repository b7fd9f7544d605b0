import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { FansPage } from "@/lib/schemas/fans";
import { formatCount } from "@/lib/utils/format";

/** Previous/next; "51–75 of 1,200" when the total is known (analysed
 * mode), "Page 3" otherwise (Fanvue's lists give no total). */
export function Pagination({ page, onPage }: { page: FansPage; onPage: (p: number) => void }) {
  if (page.page === 1 && !page.hasMore) return null;
  const from = (page.page - 1) * page.size + 1;
  const to = from + page.rows.length - 1;
  return (
    <nav
      aria-label="Pages"
      className="flex items-center justify-between gap-3 border-t border-line px-4 py-2.5 text-sm"
    >
      <span className="text-muted" data-testid="fans-range">
        {page.total !== null
          ? `${formatCount(from)}–${formatCount(to)} of ${formatCount(page.total)}`
          : `Page ${formatCount(page.page)}`}
      </span>
      <span className="flex gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onPage(page.page - 1)}
          disabled={page.page <= 1}
          aria-label="Previous page"
        >
          <ChevronLeft className="size-4" aria-hidden="true" />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onPage(page.page + 1)}
          disabled={!page.hasMore}
          aria-label="Next page"
        >
          <span className="hidden sm:inline">Next</span>
          <ChevronRight className="size-4" aria-hidden="true" />
        </Button>
      </span>
    </nav>
  );
}
