import "server-only";
import { massQueueSource } from "@/lib/server/mass/queue-source";
import { registerQueueSource } from "./queue";
import { postQueueSource } from "./queue-posts";

// Every source of the queue, registered once.
registerQueueSource("post", postQueueSource);
registerQueueSource("mass_message", massQueueSource);

export { getQueue } from "./queue";
