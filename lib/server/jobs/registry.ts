import "server-only";
// Every background job handler and scheduler, imported for their side effect
// of registering with the worker. Add new job modules here.
import "@/lib/server/earnings/jobs";
import "@/lib/server/workspaces/jobs";
import "@/lib/server/fans/roster-job";
import "@/lib/server/fans/analysis-sweep";
import "@/lib/server/mass/jobs";
import "@/lib/server/chats/mirror/jobs";
import "@/lib/server/live/jobs";
