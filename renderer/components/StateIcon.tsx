/**
 * Each state has its own shape as well as its colour, so a state is never
 * told by colour alone (a colour-blind operator, a washed-out wall screen).
 */
import {
  Ban,
  Circle,
  CircleDot,
  CircleQuestionMark,
  KeyRound,
  Loader,
  RefreshCw,
  Snowflake,
  TriangleExclamationPoint,
  WifiOff,
  type LucideIcon,
} from 'lucide-react';
import type { StreamState } from '../../shared/model';
import type { TileState } from '../../shared/tile-state';

const shapes: Record<TileState | StreamState, LucideIcon | undefined> = {
  idle: Circle,
  connecting: Loader,
  live: CircleDot,
  degraded: TriangleExclamationPoint,
  stalled: Snowflake,
  reconnecting: RefreshCw,
  offline: WifiOff,
  'auth-failed': KeyRound,
  unsupported: Ban,
  error: TriangleExclamationPoint,
  missing: CircleQuestionMark,
  empty: undefined,
};

export function StateIcon({ state }: { state: TileState | StreamState }) {
  const Shape = shapes[state];
  return Shape ? (
    <Shape className="state-icon" aria-hidden="true" focusable="false" size="1em" strokeWidth={2.5} />
  ) : null;
}
