// `npm test` needs programs from Debian that npm cannot install: ffmpeg (the
// stream engine), GStreamer's RTSP server with Python bindings (the test
// cameras) and Chromium (the e2e browser). Without one of them the suite
// would fail minutes in with errors a newcomer has to decode; this says at
// once what is missing and the one command that installs it (.ci/run runs it).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const python = process.env.PANTAU_TEST_PYTHON ?? '/usr/bin/python3';
const chromium = process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium';

const checks = [
  { what: 'ffmpeg', ok: () => spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0 },
  {
    what: "GStreamer's RTSP server for Python (the test cameras)",
    ok: () =>
      spawnSync(
        python,
        ['-c', "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"],
        { stdio: 'ignore' },
      ).status === 0,
  },
  { what: `Chromium (${chromium})`, ok: () => existsSync(chromium) },
];

const missing = checks.filter((check) => !check.ok()).map((check) => check.what);
if (missing.length > 0) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  process.stderr.write(
    `npm test needs ${missing.join(', ')}, which this machine lacks. Install the test packages with: ${sudo}bash .ci/install-test-packages\n`,
  );
  process.exit(1);
}
