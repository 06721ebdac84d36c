import type { MessageKey } from './i18n';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** "12 dtk", "4 mnt", "2 jam": the age of a picture or a state, in the operator's language. */
export function formatDuration(t: T, ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 120) return t('duration.s', { n: seconds });
  if (seconds < 7200) return t('duration.m', { n: Math.floor(seconds / 60) });
  return t('duration.h', { n: Math.floor(seconds / 3600) });
}

/** m:ss countdown. */
export function formatCountdown(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
