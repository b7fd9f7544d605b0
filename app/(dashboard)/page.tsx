import { redirect } from "next/navigation";
import { homePathFor } from "@/lib/server/shell";
import { requireSession } from "@/lib/server/session";

// "/" opens the creator picked last (or the first one the user may open).
export default async function Home() {
  const session = await requireSession();
  redirect(await homePathFor(session.user.id));
}
