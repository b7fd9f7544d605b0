import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Logo } from "@/components/layout/logo";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { db } from "@/lib/server/db";
import { requireSession } from "@/lib/server/session";

export const metadata: Metadata = { title: "Welcome" };

// Signed in, but no workspace: not a creator, manages no creators, and not
// (yet) on anyone's team.
export default async function WelcomePage() {
  const session = await requireSession();
  if (await db.membership.findFirst({ where: { userId: session.user.id } })) redirect("/");
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-10">
      <Card className="w-full max-w-lg p-6 sm:p-8" data-testid="welcome">
        <Logo className="size-9" />
        <h1 className="mt-4 text-xl font-semibold">This Fanvue account has no dashboard yet</h1>
        <p className="mt-2 text-sm text-muted">
          Vuedeck opens for creator accounts and for agencies that manage creators. If you work for a creator or an
          agency, ask them for an invite link and open it while signed in with this account.
        </p>
        <div className="mt-6">
          <SignOutButton />
        </div>
      </Card>
    </main>
  );
}
