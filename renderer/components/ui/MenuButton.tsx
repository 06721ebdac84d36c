/**
 * A button that opens a short menu of actions (the camera pane's "Tambah",
 * "Ekspor"): arrow keys move, Enter picks, Esc or a click outside closes,
 * and focus returns to the button.
 */
import type { LucideIcon } from 'lucide-react';
import { usePopupMenu } from './use-popup-menu';

export interface MenuItem {
  label: string;
  action: string;
  onSelect: () => void;
}

export function MenuButton({
  icon: Glyph,
  label,
  action,
  items,
}: {
  icon: LucideIcon;
  label: string;
  action: string;
  items: MenuItem[];
}) {
  const { open, setOpen, buttonRef, menuRef, onKeyDown } = usePopupMenu({
    itemSelector: '[role="menuitem"]',
    steps: { ArrowDown: 1, ArrowUp: -1 },
  });

  return (
    <div className="menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="icon-button icon-button-labelled"
        data-action={action}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <Glyph aria-hidden="true" focusable="false" size={16} />
        <span>{label}</span>
      </button>
      {open ? (
        <div ref={menuRef} className="menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.action}
              type="button"
              role="menuitem"
              data-action={item.action}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
