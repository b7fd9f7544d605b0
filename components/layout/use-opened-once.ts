import { useState } from "react";

/** True from the first render where `open` is true on: a lazily loaded dialog is mounted when first
 * opened and stays mounted (its close animation, its state), not loaded with the page. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
