import { useState } from 'react';
import { DEFAULT_HOST_LIMITS, HOST_LIMIT_RANGES } from '../../../shared/defaults';
import type { HostLimits } from '../../../shared/tidewaveApi';
import { useSettings } from '../stores/settingsStore';

const FIELDS: Array<{ name: keyof HostLimits; label: string }> = [
  { name: 'maxConnections', label: 'Listeners at once' },
  { name: 'maxConnectionsPerAddress', label: 'Connections from one address' },
  { name: 'requestTimeoutSeconds', label: 'Seconds to send a request' },
];

/** The hosted server's caps and request timeout, saved in the settings (applied at next start). */
export function HostLimitsFields() {
  const limits = useSettings((s) => s.settings?.hostLimits ?? DEFAULT_HOST_LIMITS);
  const update = useSettings((s) => s.update);
  const [drafts, setDrafts] = useState<Partial<Record<keyof HostLimits, string>>>({});

  function valid(name: keyof HostLimits, text: string): number | null {
    const { min, max } = HOST_LIMIT_RANGES[name];
    const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
    return value >= min && value <= max ? value : null;
  }

  function save(name: keyof HostLimits) {
    const text = drafts[name];
    if (text === undefined) return;
    const value = valid(name, text);
    if (value === null) return; // shown as invalid; nothing saved
    setDrafts(({ [name]: _saved, ...rest }) => rest);
    if (value !== limits[name]) void update({ hostLimits: { ...limits, [name]: value } });
  }

  return (
    <details className="host-limits">
      <summary>Connection limits</summary>
      <div className="host-form">
        {FIELDS.map(({ name, label }) => {
          const text = drafts[name] ?? String(limits[name]);
          const { min, max } = HOST_LIMIT_RANGES[name];
          return (
            <label key={name} className="inline-field">
              {label}
              <input
                className="port-input"
                type="number"
                min={min}
                max={max}
                step={1}
                value={text}
                aria-invalid={valid(name, text) === null}
                onChange={(e) => setDrafts((d) => ({ ...d, [name]: e.target.value }))}
                onBlur={() => save(name)}
              />
            </label>
          );
        })}
      </div>
      <p className="hint">Saved as you leave a field; applied the next time hosting starts.</p>
    </details>
  );
}
