/**
 * What every menu opened from a button does: focus an item when it opens,
 * move between items with the arrow keys, close on Esc or a click outside,
 * and give focus back to its button.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export function usePopupMenu(options: {
  /** Items the arrow keys move between. */
  itemSelector: string;
  /** The item focused on opening (the first item when none matches). */
  initialSelector?: string;
  /** Arrow keys and their step: menus use up/down, the shape grid also left/right. */
  steps: Record<string, number>;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const { itemSelector, initialSelector, steps } = options;

  useEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    (
      (initialSelector && menu?.querySelector<HTMLElement>(initialSelector)) ||
      menu?.querySelector<HTMLElement>(itemSelector)
    )?.focus();
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open, itemSelector, initialSelector]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>(itemSelector) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = steps[event.key];
    if (step) {
      event.preventDefault();
      event.stopPropagation();
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };
  return { open, setOpen, close, buttonRef, menuRef, onKeyDown };
}
