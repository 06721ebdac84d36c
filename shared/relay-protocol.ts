/**
 * What the stream relay says besides the stream itself. Binary frames carry
 * the pictures; this text frame between them says the stream broke off (the
 * camera's ffmpeg was replaced, or a slow viewer skipped ahead): a picture
 * begun before it will never be finished, and the page must drop it rather
 * than hand a truncated picture to its decoder.
 */
export const RELAY_DISCONTINUITY = 'discontinuity';

/**
 * What the page says to the relay on an open socket (text): the tile's economy
 * mode changed (issue #23). Changing the rate on the socket instead of opening
 * a new one keeps the camera's stream running: a wall shedding 60 tiles at once
 * must not restart 60 ffmpeg processes.
 */
const RATE_PREFIX = 'rate:';
export const rateMessage = (rate: string) => `${RATE_PREFIX}${rate}`;
/** The rate a page's text message asks for, or undefined if it is not one. */
export const rateAsked = (text: string): string | undefined =>
  text.startsWith(RATE_PREFIX) ? text.slice(RATE_PREFIX.length) : undefined;
