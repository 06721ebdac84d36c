/**
 * The camera pane's frame: collapsible (a button, and the pane's width goes
 * to the wall) and resizable (drag its edge, or focus the edge and use the
 * arrow keys). Both are remembered for this window (sessionStorage), so a
 * wall screen and a control screen keep their own.
 */
import { PanelLeftClose, PanelLeftOpen } from 'lucide-react';
import { useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { IconButton } from './IconButton';

const MIN = 160;
const MAX = 480;
const clamp = (width: number) => Math.max(MIN, Math.min(MAX, Math.round(width)));

function remembered(): { width: number; collapsed: boolean } {
  const width = Number(sessionStorage.getItem('pantau.paneWidth'));
  return {
    width: Number.isFinite(width) && width > 0 ? clamp(width) : 240,
    collapsed: sessionStorage.getItem('pantau.paneCollapsed') === '1',
  };
}

export function SidePane({
  label,
  collapseLabel,
  expandLabel,
  resizeLabel,
  children,
}: {
  label: string;
  collapseLabel: string;
  expandLabel: string;
  resizeLabel: string;
  children: ReactNode;
}) {
  const [state, setState] = useState(remembered);
  const save = (next: { width: number; collapsed: boolean }) => {
    sessionStorage.setItem('pantau.paneWidth', String(next.width));
    sessionStorage.setItem('pantau.paneCollapsed', next.collapsed ? '1' : '0');
    setState(next);
  };

  if (state.collapsed) {
    return (
      <div className="side-pane side-pane-collapsed" data-control="camera-pane" data-collapsed="true">
        <IconButton
          icon={PanelLeftOpen}
          label={expandLabel}
          data-action="pane-expand"
          onClick={() => save({ ...state, collapsed: false })}
        />
      </div>
    );
  }
  const drag = (event: PointerEvent<HTMLDivElement>) => {
    const start = event.clientX - state.width;
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => setState((s) => ({ ...s, width: clamp(e.clientX - start) }));
    const up = (e: globalThis.PointerEvent) => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      save({ collapsed: false, width: clamp(e.clientX - start) });
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  const keys = (event: KeyboardEvent) => {
    const step = { ArrowLeft: -16, ArrowRight: 16 }[event.key];
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    save({ ...state, width: clamp(state.width + step) });
  };
  return (
    <div
      className="side-pane"
      data-control="camera-pane"
      data-collapsed="false"
      aria-label={label}
      // The width is the operator's, not the theme's: a custom property the stylesheet reads.
      style={{ '--pane-width': `${state.width}px` } as CSSProperties}
    >
      <IconButton
        icon={PanelLeftClose}
        label={collapseLabel}
        className="side-pane-collapse"
        data-action="pane-collapse"
        onClick={() => save({ ...state, collapsed: true })}
      />
      {children}
      <div
        className="side-pane-edge"
        role="separator"
        aria-orientation="vertical"
        aria-label={resizeLabel}
        aria-valuenow={state.width}
        aria-valuemin={MIN}
        aria-valuemax={MAX}
        tabIndex={0}
        data-control="pane-resize"
        onPointerDown={drag}
        onKeyDown={keys}
      />
    </div>
  );
}
