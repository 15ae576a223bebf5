/**
 * Electron main process entry: one instance, the app:// scheme, and an orderly quit that says
 * goodbye to the server, stops hosting and ends the decoder before the process exits.
 */
import { app, globalShortcut, protocol } from 'electron';
import { registerAppScheme } from './appProtocol';
import { startApp, type RunningApp } from './startApp';

/** A quit never hangs on a server that does not answer. */
const DISPOSE_TIMEOUT_MS = 3000;

registerAppScheme(protocol); // must happen before 'ready'

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let running: RunningApp | null = null;
  let disposed = false;

  app.on('second-instance', () => void running?.showWindow());
  app.on('activate', () => void running?.showWindow());
  // dispose() released our media keys already; this also covers a quit before start finished.
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    running?.quitting(); // from here a closed window closes, even with "keep playing in the tray"
    if (disposed || !running) return;
    event.preventDefault();
    disposed = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS));
    void Promise.race([running.dispose(), timeout])
      .catch((error: unknown) => console.error('Shutting down:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(startApp)
    .then((started) => {
      running = started;
    })
    .catch((error: unknown) => {
      console.error('Tidewave could not start:', error);
      app.exit(1);
    });
}
