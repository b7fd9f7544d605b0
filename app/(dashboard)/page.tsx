import type { Metadata } from "next";
import { AccountOverview } from "@/components/overview/account-overview";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-muted">Your Fanvue account at a glance, live from Fanvue.</p>
      </div>
      <AccountOverview />
    </div>
  );
}
