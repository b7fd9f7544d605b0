// Runs once when a Next.js server process starts: starts the background job
// worker (earnings syncs, audience analysis, scheduled sends) in Node.js.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("@/lib/server/jobs/boot");
  startBackgroundWork();
}
