// How Chromium is launched here: Debian's build, headless, no sandbox (we run as root in a
// container), and nothing that phones home. The proxy flag is a dead end for every non-loopback
// host, so a background request to Google fails at once instead of hanging (loopback bypasses it).
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--proxy-server=127.0.0.1:9',
    ],
  };
}
