/**
 * The wall from the keyboard: digits select a tile, arrows move the
 * selection, Enter maximises, Esc restores, Delete clears, Ctrl+1…9 open
 * saved layouts, / goes to the camera search, ? shows the shortcuts.
 */
import type { Direction } from '../shared/layouts';

export const arrowDirections: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/** Typing in a field must not move tiles around. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName));
}

/** Enter on a button or link is that control's own click, never the wall's "maximise". */
export function isActivating(event: KeyboardEvent): boolean {
  const element = event.target as HTMLElement | null;
  return (event.key === 'Enter' || event.key === ' ') && !!element?.closest?.('button, a[href], [role="menuitem"]');
}
