import en from '../resources/i18n/en.json';
import id from '../resources/i18n/id.json';

export const catalogs = { id, en } as const;
export type Language = keyof typeof catalogs;
export type MessageKey = keyof typeof id;

/** Bahasa Indonesia first; English second. Missing keys fall back to Indonesian. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text: string = catalogs[language][key] ?? catalogs.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
