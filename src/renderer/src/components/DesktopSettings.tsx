import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Settings } from '../../../shared/tidewaveApi';
import { useSettings } from '../stores/settingsStore';

type DesktopToggle = 'keepPlayingInTray' | 'notifyOnNewSong';

const TOGGLES: ReadonlyArray<{ key: DesktopToggle; label: string; hint: string }> = [
  {
    key: 'keepPlayingInTray',
    label: 'Keep playing in the tray when the window closes',
    hint: 'The tray icon brings the window back; Quit in its menu ends the app.',
  },
  {
    key: 'notifyOnNewSong',
    label: 'Show a notification when a new song starts',
    hint: 'Only while the window is not in front.',
  },
];

/**
 * The desktop settings (issue 10): a toggle in the top bar opens a panel with two checkboxes,
 * both off by default and saved at once; Escape closes the panel and returns to its button, and
 * a click or the focus elsewhere closes it.
 */
export function DesktopSettings() {
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the panel, as a menu does: it floats over the queue and the
  // table, and nothing else in it would close it.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !root.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  // On the panel and its button both: right after a click on the button, focus is there.
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    toggle.current?.focus();
  }

  // Tab past its last checkbox (or Shift+Tab past its button) closes it too: left open, it
  // floated over what took the focus, and Escape no longer reached it. A focus that goes
  // nowhere (a click on its text, another window) leaves it open.
  function onBlur(event: FocusEvent<HTMLElement>) {
    const next = event.relatedTarget;
    if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
  }

  const value = (key: DesktopToggle, saved: Settings | null) => saved?.[key] === true;

  return (
    <div className="desktop-settings" ref={root} onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={toggle}
        type="button"
        className="host-toggle"
        aria-expanded={open}
        aria-controls={open ? 'desktop-settings-panel' : undefined}
        onClick={() => setOpen(!open)}
      >
        Settings
      </button>
      {open && (
        <section
          id="desktop-settings-panel"
          className="panel desktop-settings-panel"
          aria-labelledby="desktop-settings-title"
        >
          <h2 id="desktop-settings-title">Settings</h2>
          {TOGGLES.map(({ key, label, hint }) => (
            <label key={key} className="setting-row">
              <input
                type="checkbox"
                checked={value(key, settings)}
                disabled={settings === null}
                onChange={(e) => void update({ [key]: e.target.checked })}
              />
              <span>
                {label}
                <span className="setting-hint">{hint}</span>
              </span>
            </label>
          ))}
        </section>
      )}
    </div>
  );
}
