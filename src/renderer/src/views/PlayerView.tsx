import { DesktopSettings } from '../components/DesktopSettings';
import { ConnectionArea } from '../components/ConnectionArea';
import { ErrorBanner } from '../components/ErrorBanner';
import { HostPanel } from '../components/HostPanel';
import { ShareIcon, WaveIcon } from '../components/icons';
import { OnboardingCard } from '../components/OnboardingCard';
import { SongList } from '../components/SongList';
import { TransportBar } from '../components/TransportBar';
import { HOST_TOGGLE_ID } from '../app/focusTargets';
import { UpNextPanel } from '../components/upNext/UpNextPanel';
import { useKeyboardShortcuts } from '../app/useKeyboardShortcuts';
import { useHostStore } from '../stores/hostStore';

export function PlayerView() {
  const panelOpen = useHostStore((s) => s.panelOpen);
  const hosting = useHostStore((s) => s.host.running);
  const togglePanel = useHostStore((s) => s.togglePanel);
  useKeyboardShortcuts();

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <WaveIcon size={22} />
          <span className="brand-name">Tidewave</span>
        </h1>
        <ConnectionArea />
        <button
          id={HOST_TOGGLE_ID}
          type="button"
          className={`host-toggle${hosting ? ' is-hosting' : ''}`}
          aria-expanded={panelOpen}
          aria-controls="host-panel"
          onClick={togglePanel}
        >
          <ShareIcon size={18} />
          Host a library
        </button>
        <DesktopSettings />
      </header>
      <div className="stack">
        <ErrorBanner />
        <OnboardingCard />
        {panelOpen && (
          <div id="host-panel">
            <HostPanel />
          </div>
        )}
      </div>
      <main className="content">
        <SongList />
        <UpNextPanel />
      </main>
      <TransportBar />
    </div>
  );
}
