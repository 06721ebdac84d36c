/** A failure class in the operator's words ("Kata sandi kamera salah"), or the generic sentence for a code without its own. */
import type { ErrorCode } from '../shared/errors';
import type { MessageKey } from './i18n';

export function errorWords(t: (key: MessageKey) => string, code: ErrorCode): string {
  const key = `error.${code}` as MessageKey;
  const words = t(key);
  return words !== key ? words : t('error.generic');
}
