// Runs before `npm start` and `npm run dev`: without Electron's binary, electron-vite says only
// "Error: Electron uninstall" and a stack. Say what is missing and what to do instead.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronDir = path.join(process.cwd(), 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');

/** The binary `require('electron')` would name (as its index.js does), or null when absent. */
function electronBinary() {
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative || 'electron')
    : relative && path.join(electronDir, 'dist', relative);
  return binary && existsSync(binary) ? binary : null;
}

if (electronBinary() === null) {
  process.stderr.write(
    [
      "Tidewave can't start: Electron's binary is not installed (nothing in node_modules/electron/dist).",
      "npm installs it with Electron's install script, which downloads it; that did not happen here",
      '(ELECTRON_SKIP_BINARY_DOWNLOAD=1 was set, the download was blocked, or npm skipped the script).',
      '',
      "To get it, on a network that reaches Electron's downloads (github.com):",
      '  node node_modules/electron/install.js',
      'or start over with: rm -rf node_modules && npm install',
      '',
      'Without it you can still run the tests (npm test), and the command-line server and client',
      '(npm run server -- 8080 music, npm run client -- 127.0.0.1 8080).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
