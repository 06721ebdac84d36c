import { describe, expect, it } from 'vitest';
import { videoPathFor } from '../../shared/video-path';

const decodes = { decodes: true };
const none = { decodes: false };

describe('videoPathFor', () => {
  it.each([
    ['mpeg1 asked: always MPEG-1', 'mpeg1', decodes, false, 'mpeg1'],
    ['native asked, the browser decodes H.264: native', 'native', decodes, false, 'h264'],
    ['native asked, no decoder: MPEG-1', 'native', none, false, 'mpeg1'],
    ['native asked, camera refused it (H.265): MPEG-1', 'native', decodes, true, 'mpeg1'],
    ['auto, the browser decodes H.264 (software or hardware): native', 'auto', decodes, false, 'h264'],
    ['auto, no decoder: MPEG-1', 'auto', none, false, 'mpeg1'],
    ['auto, camera refused native (H.265, or H.264 its decoder refused): MPEG-1', 'auto', decodes, true, 'mpeg1'],
    ['support not known yet: wait', 'auto', undefined, false, undefined],
    ['mpeg1 asked, support not known yet: MPEG-1 at once', 'mpeg1', undefined, false, 'mpeg1'],
  ] as const)('%s', (_name, choice, support, refused, path) => {
    expect(videoPathFor(choice, support, refused)).toBe(path);
  });
});
