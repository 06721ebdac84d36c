/**
 * Is the camera back? One RTSP OPTIONS request (RFC 2326 §10.1: no media, no
 * decoding, usually no login) — what a camera answers within milliseconds once
 * it is up again. The stream session asks this every couple of seconds while
 * it waits out a long back-off, so a camera back after an outage plays within
 * seconds instead of at the next scheduled attempt, without a full ffmpeg
 * start (and without credentials) each time.
 */
import { rtspSocket } from './rtsp-socket';

export async function answersRtsp(url: string, timeoutMs = 1500): Promise<boolean> {
  return (await whatAnswers(url, timeoutMs)) === 'rtsp';
}

/**
 * What answers an RTSP OPTIONS at the camera's address: an RTSP server, a web
 * server (someone typed the camera's web port), something else, or nothing.
 */
export function whatAnswers(url: string, timeoutMs = 1500): Promise<'rtsp' | 'http' | 'other' | 'nothing'> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve('nothing');
  }
  // The request names the stream without user info: nothing secret leaves here.
  target.username = '';
  target.password = '';
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: 'rtsp' | 'http' | 'other' | 'nothing') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const { socket, connected } = rtspSocket(target);
    const timer = setTimeout(() => finish('nothing'), timeoutMs);
    socket.once(connected, () =>
      socket.write(`OPTIONS ${target.href} RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Pantau\r\n\r\n`),
    );
    let reply = '';
    socket.on('data', (data: Buffer) => {
      reply += data.toString('latin1');
      if (reply.length >= 5) finish(reply.startsWith('RTSP/') ? 'rtsp' : reply.startsWith('HTTP/') ? 'http' : 'other');
    });
    socket.once('error', () => finish('nothing'));
    socket.once('close', () => finish(reply.length > 0 ? 'other' : 'nothing'));
  });
}
