import { useState } from 'react';
import { DEFAULT_PORT, LOOPBACK_HOST } from '../../../shared/defaults';
import { useConnectionStore } from '../stores/connectionStore';
import { useHostStore } from '../stores/hostStore';
import { HostLimitsFields } from './HostLimitsFields';
import { HostStatus } from './HostStatus';
import { ListenersList } from './ListenersList';
import { RefusalsList } from './RefusalsList';
import { HostAccessCode } from './HostAccessCode';

/** Share a folder of music from this computer: folder, port, LAN sharing, start/stop. */
export function HostPanel() {
  const host = useHostStore((s) => s.host);
  const busy = useHostStore((s) => s.busy);
  const pickFolder = useHostStore((s) => s.pickFolder);
  const start = useHostStore((s) => s.start);
  const stop = useHostStore((s) => s.stop);
  const connect = useConnectionStore((s) => s.connect);
  const [folder, setFolder] = useState<string | null>(null);
  const [portText, setPortText] = useState<string | null>(null);
  const [shareOnLan, setShareOnLan] = useState(false);
  const chosenFolder = folder ?? host.folder;
  const port = Number(portText ?? DEFAULT_PORT);
  const portValid = Number.isInteger(port) && port >= 0 && port < 65536;

  async function choose() {
    const picked = await pickFolder();
    if (picked) setFolder(picked);
  }

  return (
    <section className="panel host-panel" aria-labelledby="host-panel-title">
      <h2 id="host-panel-title">Host a library</h2>
      <p className="hint">
        Share a folder of music (MP3, FLAC, Ogg Vorbis, Opus, WAV) from this computer. Only this
        computer can listen unless you share it on your network.
      </p>
      <div className="host-form">
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
      <HostLimitsFields />
      <HostStatus
        host={host}
        onListen={() => host.port !== null && void connect(LOOPBACK_HOST, host.port)}
      />
      {host.running && <ListenersList />}
      {host.running && <RefusalsList />}
      <HostAccessCode host={host} />
    </section>
  );
}
