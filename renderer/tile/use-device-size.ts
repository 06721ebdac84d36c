import { useEffect, useState, type RefObject } from 'react';

/** The element's size in device pixels, kept up to date (maximise, window resize, layout change). */
export function useDeviceSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const scale = window.devicePixelRatio || 1;
      const box = entry!.contentRect;
      setSize({ width: Math.round(box.width * scale), height: Math.round(box.height * scale) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
