/**
 * Puppeteer (pulled in by the dev dependency @daisy/ace-cli, the DAISY accessibility checker)
 * must never download a browser at install: tests drive the system Chromium (/usr/bin/chromium,
 * Debian package `chromium`) through PUPPETEER_EXECUTABLE_PATH.
 */
module.exports = { skipDownload: true };
