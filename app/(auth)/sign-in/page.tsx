import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInCard } from "@/components/auth/sign-in-card";
import { fanvueConfig } from "@/lib/server/fanvue/config";
import { isAuthServerReachable } from "@/lib/server/fanvue/oauth";
import { readSession } from "@/lib/server/session";
import { safeCallbackPath } from "@/lib/utils/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await readSession()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  const loginHint = typeof params.login_hint === "string" ? params.login_hint : null;
  const reachable = await isAuthServerReachable();
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-10">
      <SignInCard
        callbackUrl={callbackUrl}
        error={error}
        loginHint={loginHint}
        authServerReachable={reachable}
        isSandbox={fanvueConfig.isSandbox}
      />
    </main>
  );
}
