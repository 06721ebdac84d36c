/**
 * What the stream relay says besides the stream itself. Binary frames carry
 * the pictures; this text frame between them says the stream broke off (the
 * camera's ffmpeg was replaced, or a slow viewer skipped ahead): a picture
 * begun before it will never be finished, and the page must drop it rather
 * than hand a truncated picture to its decoder.
 */
export const RELAY_DISCONTINUITY = 'discontinuity';
