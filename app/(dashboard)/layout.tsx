import type { ReactNode } from "react";
import { requireSession } from "@/lib/server/session";

// Every dashboard page needs a session; the shell itself is rendered by the
// creator (/c/…) and workspace (/w/…) layouts, which know what is in view.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return children;
}
