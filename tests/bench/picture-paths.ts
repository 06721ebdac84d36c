/**
 * The ways a tile's picture can travel, as the wall's link asks for them: measured side by side
 * (`--decoders`). Every tile at full rate (`rate=full`): this measures the paths, not the policy
 * that sheds work past capacity (the economy part measures that).
 */
export const PICTURE_PATHS: Record<string, { query: string; label: string }> = {
  mpeg1: { query: 'rate=full&decoder=mpeg1', label: 'MPEG-1: transcoded, JSMpeg in workers' },
  'mpeg1-1w': { query: 'rate=full&decoder=mpeg1&mpeg1-workers=1', label: 'MPEG-1: transcoded, JSMpeg in one worker' },
  'mpeg1-page': {
    query: 'rate=full&decoder=mpeg1&mpeg1=page',
    label: "MPEG-1: transcoded, JSMpeg on the page's thread (before the workers)",
  },
  native: { query: 'rate=full&decoder=native', label: "native: the camera's H.264, WebCodecs in a pool of workers" },
  'native-per-tile': {
    query: 'rate=full&decoder=native&native-workers=64',
    label: "native: the camera's H.264, WebCodecs in a worker per tile (before the pool)",
  },
};
