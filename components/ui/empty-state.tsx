import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** Nothing to show yet: an icon, what is missing, and what to do about it (never a blank area). */
export function EmptyState(p: { icon: ReactNode; title: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <Card className="flex flex-col items-center gap-2 p-10 text-center" data-testid={p.testId}>
      <span className="text-brand-600">{p.icon}</span>
      <p className="font-medium">{p.title}</p>
      {p.children ? <p className="max-w-md text-sm text-muted">{p.children}</p> : null}
    </Card>
  );
}
