/**
 * A toolbar button drawn as an icon from the lucide set we ship, with its
 * name for screen readers (aria-label) and as a tooltip (title) in the UI's
 * language. `label: 'visible'` also writes the name beside the icon, for the
 * few controls an operator must find without hovering.
 */
import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes } from 'react';

export function IconButton({
  icon: Glyph,
  label,
  showLabel = false,
  className,
  ...button
}: {
  icon: LucideIcon;
  label: string;
  showLabel?: boolean;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'title' | 'children'>) {
  return (
    <button
      type="button"
      {...button}
      className={['icon-button', showLabel ? 'icon-button-labelled' : '', className ?? ''].filter(Boolean).join(' ')}
      aria-label={label}
      title={label}
    >
      <Glyph aria-hidden="true" focusable="false" size={18} strokeWidth={2} />
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}
