import { describe, expect, it } from 'vitest';
import { videoPathFor } from '../../shared/video-path';

const software = { decodes: true, hardware: false };
const hardware = { decodes: true, hardware: true };
const none = { decodes: false, hardware: false };

describe('videoPathFor', () => {
  it.each([
    ['mpeg1 asked: always MPEG-1', 'mpeg1', hardware, false, 'mpeg1'],
    ['native asked, software decoder: native', 'native', software, false, 'h264'],
    ['native asked, no decoder: MPEG-1', 'native', none, false, 'mpeg1'],
    ['native asked, camera refused it (H.265): MPEG-1', 'native', hardware, true, 'mpeg1'],
    ['auto, software only (measured to paint fewer pictures here): MPEG-1', 'auto', software, false, 'mpeg1'],
    ['auto, hardware decoder: native', 'auto', hardware, false, 'h264'],
    [
      'auto, hardware decoder, camera refused native (H.264 its decoder refused): MPEG-1',
      'auto',
      hardware,
      true,
      'mpeg1',
    ],
    ['support not known yet: wait', 'auto', undefined, false, undefined],
    ['mpeg1 asked, support not known yet: MPEG-1 at once', 'mpeg1', undefined, false, 'mpeg1'],
  ] as const)('%s', (_name, choice, support, refused, path) => {
    expect(videoPathFor(choice, support, refused)).toBe(path);
  });

  it.each([
    ['auto, maximised, software decoder: native (full resolution)', 'auto', software, false, 'h264'],
    ['auto, maximised, no decoder: MPEG-1', 'auto', none, false, 'mpeg1'],
    ['auto, maximised, camera refused native: MPEG-1', 'auto', software, true, 'mpeg1'],
    ['mpeg1 asked, maximised: MPEG-1', 'mpeg1', hardware, false, 'mpeg1'],
  ] as const)('%s', (_name, choice, support, refused, path) => {
    expect(videoPathFor(choice, support, refused, true)).toBe(path);
  });

  it.each([
    [
      'auto, economy, software decoder: native (the camera’s own key pictures, no transcode)',
      'auto',
      software,
      false,
      'h264',
    ],
    ['auto, economy, no decoder: MPEG-1 (its I-pictures)', 'auto', none, false, 'mpeg1'],
    ['auto, economy, camera refused native (H.265): MPEG-1', 'auto', software, true, 'mpeg1'],
    ['mpeg1 asked, economy: MPEG-1', 'mpeg1', hardware, false, 'mpeg1'],
  ] as const)('%s', (_name, choice, support, refused, path) => {
    expect(videoPathFor(choice, support, refused, false, true)).toBe(path);
  });
});
