import { describe, expect, it } from 'vitest';
import { redact, rtspUrlProblem, withCredentials } from '../../shared/rtsp-url';

describe('rtspUrlProblem', () => {
  it('accepts rtsp and rtsps camera URLs', () => {
    expect(rtspUrlProblem('rtsp://10.0.0.5:554/Streaming/Channels/101')).toBeNull();
    expect(rtspUrlProblem('rtsps://cam.example.id/live')).toBeNull();
  });

  it.each([
    ['file:///etc/passwd', '"file"'],
    ['http://10.0.0.5/video.mjpg', '"http"'],
    ['concat:rtsp://a|rtsp://b', 'only rtsp://'],
    ['not a url', 'is not a URL'],
    ['rtsp://', 'has no host'],
  ])('rejects %s', (url, expected) => {
    expect(rtspUrlProblem(url)).toContain(expected);
  });
});

describe('redact', () => {
  it('removes user and password from every URL in a text', () => {
    const text = 'rtsp://admin:Rahasia123@10.0.0.5:554/x: Server returned 401; retry rtsp://op@cam/y';
    const shown = redact(text);
    expect(shown).not.toContain('Rahasia123');
    expect(shown).not.toContain('admin');
    expect(shown).toBe('rtsp://***@10.0.0.5:554/x: Server returned 401; retry rtsp://***@cam/y');
  });

  it('leaves URLs without credentials alone', () => {
    expect(redact('rtsp://10.0.0.5/x')).toBe('rtsp://10.0.0.5/x');
  });
});

describe('withCredentials', () => {
  it('puts encoded credentials into the URL', () => {
    const url = withCredentials('rtsp://10.0.0.5:554/live', 'admin', 'p@ss:w/rd');
    expect(url).toBe('rtsp://admin:p%40ss%3Aw%2Frd@10.0.0.5:554/live');
    expect(decodeURIComponent(new URL(url).password)).toBe('p@ss:w/rd');
  });

  it('leaves the URL as it is without a username', () => {
    expect(withCredentials('rtsp://10.0.0.5/live')).toBe('rtsp://10.0.0.5/live');
  });
});
