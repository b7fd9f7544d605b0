import "server-only";
import { registerQueueSource } from "./queue";
import { postQueueSource } from "./queue-posts";

// Every source of the queue, registered once. Scheduled mass messages add
// one line here: registerQueueSource("mass_message", …).
registerQueueSource("post", postQueueSource);

export { getQueue } from "./queue";
