"use client";

import { useEffect } from "react";
import { useUnreadByCreator } from "@/lib/queries/creators";
import { titleWithUnread, totalUnread } from "@/lib/utils/unread-title";

/**
 * The unread chats of every creator the user may read (the switcher's counts,
 * refreshed every minute and on live message events) in the tab title,
 * "(3) Chats · Vuedeck", and on the installed app's icon where the platform
 * has badges. Mounted once in the dashboard's LiveFrame.
 */
export function UnreadTitle() {
  const { data } = useUnreadByCreator();
  const unread = data === undefined ? null : totalUnread(data);
  useTitleCount(unread ?? 0);
  useAppBadge(unread);
  return null;
}

function useTitleCount(unread: number) {
  useEffect(() => {
    const apply = () => {
      const next = titleWithUnread(document.title, unread);
      if (next !== document.title) document.title = next;
    };
    apply();
    // Each page sets its own title (its metadata) when it is opened: put the count back in front of it.
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithUnread(document.title, 0);
    };
  }, [unread]);
}

function useAppBadge(unread: number | null) {
  useEffect(() => {
    // null: not loaded yet; leave whatever the badge said until we know.
    if (unread === null || !("setAppBadge" in navigator)) return;
    const done = unread > 0 ? navigator.setAppBadge(unread) : navigator.clearAppBadge();
    done.catch(() => {
      // Not allowed here (a browser tab rather than the installed app, on some platforms): the title says it.
    });
  }, [unread]);
}
