/**
 * How much of the time the page's main thread was late to a 100 ms timer:
 * what blocks drags and clicks. Each reading covers the time since the last.
 */
import { useEffect, useRef } from 'react';

const TICK_MS = 100;

export function useMainThreadBusy(): () => number {
  const late = useRef({ lateMs: 0, since: performance.now() });
  useEffect(() => {
    let expected = performance.now() + TICK_MS;
    const timer = setInterval(() => {
      const now = performance.now();
      late.current.lateMs += Math.max(0, now - expected);
      expected = now + TICK_MS;
    }, TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return () => {
    const now = performance.now();
    const busy = (100 * late.current.lateMs) / Math.max(1, now - late.current.since);
    late.current = { lateMs: 0, since: now };
    return Math.min(100, busy);
  };
}
