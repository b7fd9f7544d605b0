"use client";

import {
  cloneElement,
  useEffect,
  useRef,
  useState,
  type ComponentType,
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  type Ref,
} from "react";

// A menu whose code (Radix's dropdown with its positioning, ~25 kB gzipped)
// loads when it is about to be used, not with every page: on hover or focus
// of its trigger. Until then the trigger is the same button without the menu
// behind it; a press (click, Enter, Space, ↓) before the code has arrived
// opens the menu as soon as it has. Focus stays on the trigger across the swap.

/** What the loaded module renders: the whole menu (Menu, MenuTrigger asChild around `trigger`, MenuContent). */
export type LoadedMenuProps = { trigger: ReactElement; defaultOpen?: boolean };

type TriggerProps = {
  ref?: Ref<HTMLButtonElement>;
  onPointerEnter?: () => void;
  onFocus?: () => void;
  onPointerDown?: (e: PointerEvent) => void;
  onKeyDown?: (e: KeyboardEvent) => void;
  "aria-haspopup"?: "menu";
  "aria-expanded"?: boolean;
};

const OPEN_KEYS = new Set(["Enter", " ", "ArrowDown"]);

export function LazyMenu<P extends object>({
  load,
  trigger,
  props,
}: {
  load: () => Promise<ComponentType<P & LoadedMenuProps>>;
  /** A button that forwards its props (Radix's asChild puts its handlers and aria on it). */
  trigger: ReactElement<TriggerProps>;
  props: P;
}) {
  const [Loaded, setLoaded] = useState<ComponentType<P & LoadedMenuProps> | null>(null);
  const [pressed, setPressed] = useState(false);
  const wasPressed = useRef(false);
  const started = useRef(false);
  const focused = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const start = () => {
    if (started.current) return;
    started.current = true;
    void load().then(
      (m) => {
        // Pressed: the opening menu takes the focus (and hands it back on close).
        focused.current = document.activeElement === button.current && !wasPressed.current;
        setLoaded(() => m);
      },
      () => (started.current = false), // offline: the next hover or press tries again
    );
  };
  // The loaded trigger is a new element: give it the focus the placeholder had.
  useEffect(() => {
    if (Loaded && focused.current) button.current?.focus();
  }, [Loaded]);
  if (Loaded) return <Loaded {...props} trigger={cloneElement(trigger, { ref: button })} defaultOpen={pressed} />;
  const press = () => {
    wasPressed.current = true;
    setPressed(true);
    start();
  };
  return cloneElement(trigger, {
    ref: button,
    "aria-haspopup": "menu",
    "aria-expanded": false,
    onPointerEnter: start,
    onFocus: start,
    onPointerDown: (e) => {
      if (e.button === 0 && !e.ctrlKey) press(); // as Radix: the primary button opens
    },
    onKeyDown: (e) => {
      if (!OPEN_KEYS.has(e.key)) return;
      e.preventDefault();
      press();
    },
  });
}
