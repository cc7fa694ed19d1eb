// Before `npm test`: the partner tests validate schedule.xml with xmllint (Debian's libxml2-utils) and drive
// Debian's Chromium (never a downloaded browser). Installs what is missing when it can (root with apt-get, as on
// this project's machines and CI); otherwise says what to install and stops.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = (command) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const missing = [];
if (!has('xmllint')) missing.push('libxml2-utils');
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');

if (missing.length > 0) {
  if (process.getuid?.() === 0 && has('apt-get')) {
    console.log(`Installing ${missing.join(' and ')} for the partner-format and browser tests (apt-get)…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(`The tests need Debian's ${missing.join(' and ')}: sudo apt-get install ${missing.join(' ')}`);
    process.exit(1);
  }
}
