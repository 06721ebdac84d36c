/**
 * A modal dialog: Esc closes it (from any field inside), and the keys typed
 * in it never reach the wall's shortcuts.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({
  label,
  onClose,
  control,
  children,
}: {
  label: string;
  onClose: () => void;
  control?: string;
  children: ReactNode;
}) {
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div
      className="editor-backdrop"
      role="dialog"
      aria-modal="true"
      aria-label={label}
      {...(control ? { 'data-control': control } : {})}
    >
      {children}
    </div>
  );
}
