/**
 * One tile's failure stays in its tile. A player that throws (JSMpeg's decoder
 * on a damaged picture, a closed canvas) would otherwise unmount the whole wall
 * — React removes a root whose error nothing catches. The tile shows that its
 * player failed and opens again a moment later.
 */
import { Component, Fragment, useEffect, type ReactNode } from 'react';
import type { TileRect } from '../../shared/layouts';
import { useTranslate } from '../store';
import { tileGridStyle } from '../tile/tile-grid';

/** Long enough not to spin on a fault that repeats at once; short for an operator. */
const REOPEN_MS = 1500;

interface BoundaryProps {
  index: number;
  cameraId: string | null;
  rect: TileRect;
  maximized: boolean;
  hidden: boolean;
  children: ReactNode;
}

export class TileBoundary extends Component<BoundaryProps, { failures: number; failed: boolean }> {
  override state = { failures: 0, failed: false };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`tile ${this.props.index + 1}: its player failed and opens again`, error);
  }

  override render(): ReactNode {
    const { index, cameraId, rect, maximized, hidden, children } = this.props;
    // A fresh key after each failure: the tile's player starts from nothing.
    if (!this.state.failed) return <Fragment key={this.state.failures}>{children}</Fragment>;
    return (
      <FailedTile
        index={index}
        cameraId={cameraId}
        rect={rect}
        maximized={maximized}
        hidden={hidden}
        reopen={() => this.setState((s) => ({ failures: s.failures + 1, failed: false }))}
      />
    );
  }
}

function FailedTile({
  index,
  cameraId,
  rect,
  maximized,
  hidden,
  reopen,
}: Omit<BoundaryProps, 'children'> & { reopen: () => void }) {
  const t = useTranslate();
  useEffect(() => {
    const timer = setTimeout(reopen, REOPEN_MS);
    return () => clearTimeout(timer);
  }, [reopen]);
  return (
    <div
      className={['tile', maximized ? 'tile-maximized' : '', hidden ? 'tile-hidden' : ''].filter(Boolean).join(' ')}
      style={tileGridStyle(rect, maximized)}
      data-tile-index={index}
      data-camera-id={cameraId ?? ''}
      data-state="player-failed"
    >
      <div className="tile-empty" role="status">
        {t('tile.playerFailed')}
      </div>
    </div>
  );
}
