import { useState } from 'react';
import { DEFAULT_PORT, LOOPBACK_HOST } from '../../../shared/defaults';
import { hostPanelShowsDetails, listeningSummary } from '../lib/hostSummary';
import { useConnectionStore } from '../stores/connectionStore';
import { useHostStore } from '../stores/hostStore';
import { useListenersStore } from '../stores/listenersStore';
import { HostLimitsFields } from './HostLimitsFields';
import { HostStatus } from './HostStatus';
import { ListenersList } from './ListenersList';
import { RefusalsList } from './RefusalsList';
import { HostAccessCode } from './HostAccessCode';

const DETAILS_ID = 'host-details';

/**
 * Share a folder of music from this computer: folder, port, LAN sharing, start/stop. While
 * hosting it is a summary (Stop, the address, who listens) with a Details button for the rest.
 */
export function HostPanel() {
  const host = useHostStore((s) => s.host);
  const busy = useHostStore((s) => s.busy);
  const pickFolder = useHostStore((s) => s.pickFolder);
  const start = useHostStore((s) => s.start);
  const stop = useHostStore((s) => s.stop);
  const detailsOpen = useHostStore((s) => s.detailsOpen);
  const toggleDetails = useHostStore((s) => s.toggleDetails);
  const connect = useConnectionStore((s) => s.connect);
  const listening = useListenersStore((s) => s.listeners.length);
  const refused = useListenersStore((s) => s.refusals.length);
  const [folder, setFolder] = useState<string | null>(null);
  const [portText, setPortText] = useState<string | null>(null);
  const [shareOnLan, setShareOnLan] = useState(false);
  const details = hostPanelShowsDetails(host.running, detailsOpen);
  const chosenFolder = folder ?? host.folder;
  const port = Number(portText ?? DEFAULT_PORT);
  const portValid = Number.isInteger(port) && port >= 0 && port < 65536;

  async function choose() {
    const picked = await pickFolder();
    if (picked) setFolder(picked);
  }

  return (
    <section
      className={details ? 'panel host-panel' : 'panel host-panel is-summary'}
      aria-labelledby="host-panel-title"
    >
      {/* One top row while hosting: the heading, who listens, Details and Stop hosting. */}
      <div className="host-head">
        <h2 id="host-panel-title">Host a library</h2>
        {!details && <p className="listening-summary">{listeningSummary(listening, refused)}</p>}
        {host.running && (
          <button
            type="button"
            className="host-details-toggle"
            aria-expanded={detailsOpen}
            aria-controls={details ? DETAILS_ID : undefined} // named only while it is there
            onClick={toggleDetails}
          >
            Details
          </button>
        )}
        {details && (
          <p className="hint">
            Share a folder of music (MP3, FLAC, Ogg Vorbis, Opus, WAV) from this computer. Only this
            computer can listen unless you share it on your network.
          </p>
        )}
        <div className="host-form">
          {details && (
            <>
              <span className="folder-path" title={chosenFolder ?? undefined}>
                {/* Right-to-left keeps the end of a long path in view; the marks keep it readable. */}
                {chosenFolder ? `\u200e${chosenFolder}\u200e` : 'No folder chosen'}
              </span>
              <button type="button" onClick={() => void choose()} disabled={busy || host.running}>
                Choose folder…
              </button>
              <label className="inline-field">
                Port
                <input
                  className="port-input"
                  inputMode="numeric"
                  value={host.running ? String(host.port) : (portText ?? String(DEFAULT_PORT))}
                  onChange={(e) => setPortText(e.target.value)}
                  aria-invalid={!portValid}
                  disabled={busy || host.running}
                />
              </label>
              <label className="inline-field">
                <input
                  type="checkbox"
                  checked={host.running ? host.shareOnLan : shareOnLan}
                  onChange={(e) => setShareOnLan(e.target.checked)}
                  disabled={busy || host.running}
                />
                Share on my network
              </label>
            </>
          )}
          {/* One element for Start and Stop, not disabled while busy, so focus stays on it. */}
          <button
            type="button"
            className={host.running ? undefined : 'primary'}
            disabled={!host.running && (!chosenFolder || !portValid)}
            aria-disabled={busy}
            onClick={() => {
              if (busy) return;
              if (host.running) void stop();
              else if (chosenFolder) void start({ folder: chosenFolder, port, shareOnLan });
            }}
          >
            {host.running ? 'Stop hosting' : 'Start hosting'}
          </button>
        </div>
      </div>
      <HostStatus
        host={host}
        onListen={() => host.port !== null && void connect(LOOPBACK_HOST, host.port)}
      />
      {details && (
        <div id={DETAILS_ID} className="host-details">
          <HostLimitsFields />
          {host.running && <ListenersList />}
          {host.running && <RefusalsList />}
          <HostAccessCode host={host} />
        </div>
      )}
    </section>
  );
}
