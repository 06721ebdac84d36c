/**
 * Camera URLs: only RTSP is accepted from users and files. Credentials are
 * stripped from anything that may be shown or logged.
 */
const allowedSchemes = new Set(['rtsp:', 'rtsps:']);

export type RtspUrlProblemCode = 'control-characters' | 'not-a-url' | 'not-rtsp' | 'no-host';

/** What is wrong with `value` as a camera URL, as a code the page translates; null when acceptable. */
export function rtspUrlProblemCode(value: string): RtspUrlProblemCode | null {
  // The URL parser would silently drop line breaks and tabs; what was typed is refused instead.
  if (/[\u0000-\u001f\u007f]/.test(value)) return 'control-characters';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not-a-url';
  }
  if (!allowedSchemes.has(url.protocol)) return 'not-rtsp';
  if (!url.hostname) return 'no-host';
  return null;
}

/** Returns an error sentence (English, for files and logs), or null when `value` is an acceptable camera URL. */
export function rtspUrlProblem(value: string): string | null {
  const code = rtspUrlProblemCode(value);
  if (code === 'control-characters') return 'contains a line break, tab or other control character';
  if (code === 'not-a-url') return 'is not a URL (expected rtsp://host[:port]/path)';
  if (code === 'not-rtsp')
    return `uses "${new URL(value).protocol.replace(/:$/, '')}", but only rtsp:// and rtsps:// camera URLs are accepted`;
  if (code === 'no-host') return 'has no host';
  return null;
}

/** Replaces user info in every URL inside `text` with `***`. */
export function redact(text: string): string {
  // scheme://user[:password]@  →  scheme://***@
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@');
}

/** The URL with credentials put in, for the core's own use only (never shown). */
export function withCredentials(value: string, username?: string, password?: string): string {
  if (!username) return value;
  const url = new URL(value);
  url.username = encodeURIComponent(username);
  url.password = password === undefined ? '' : encodeURIComponent(password);
  return url.toString();
}

/** The URL without user info: what the page may see of a stored camera URL. */
export function withoutUserInfo(value: string): string {
  const url = new URL(value);
  if (!url.username && !url.password) return value;
  url.username = '';
  url.password = '';
  return url.toString();
}

/**
 * The forms a URL's password can take in a message (as typed, percent-encoded,
 * and the whole user info), longest first: what `redactKnown` removes. Typed
 * passwords with spaces or "@" defeat a pattern over URL shapes; the core
 * knows the secret, so it removes the secret itself.
 */
export function secretsOf(value: string): string[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [];
  }
  if (!url.password) return [];
  const forms = new Set([`${url.username}:${url.password}`, url.password, safeDecode(url.password)]);
  return [...forms].filter((form) => form.length >= 3).sort((a, b) => b.length - a.length);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `redact`, and every known secret removed wherever it stands. */
export function redactKnown(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return redact(out);
}
