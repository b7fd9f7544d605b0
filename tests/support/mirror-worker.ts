export {};

// A separate process running one full chat-mirror resync, so a test can kill
// it with SIGKILL mid-run. Run: node --conditions=react-server --import tsx tests/support/mirror-worker.ts <creatorId>
const [creatorId] = process.argv.slice(2);
const { db } = await import("@/lib/server/db");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { fullResync } = await import("@/lib/server/chats/mirror/sync");
const c = await db.creator.findUniqueOrThrow({ where: { id: creatorId! }, include: { workspace: true } });
await fullResync(clientForCreator({ workspace: c.workspace, creator: c }), c.id);
console.log("DONE");
process.exit(0);
