/** What closing the window does: hide it (playing goes on, the tray brings it back) or close. */
export function closeAction(context: {
  keepPlayingInTray: boolean;
  hasTray: boolean;
  quitting: boolean;
}): 'hide' | 'close' {
  return context.keepPlayingInTray && context.hasTray && !context.quitting ? 'hide' : 'close';
}

/** What this needs of a BrowserWindow. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  hide(): void;
}

/** Hides the window instead of closing it when `decide` says so; returns nothing to undo. */
export function hideOnClose(window: ClosableWindow, decide: () => 'hide' | 'close'): void {
  window.on('close', (event) => {
    if (decide() !== 'hide') return;
    event.preventDefault();
    window.hide();
  });
}
