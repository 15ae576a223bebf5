import { describeRefusal } from '../../../shared/refusalFormat';
import { useClock } from '../lib/useClock';
import { useListenersStore } from '../stores/listenersStore';

/**
 * Every address the access code refused (issue 13: the host sees each refusal), beside the
 * listeners: "Refused: 203.0.113.5 — wrong access code ×3, waiting 8 s". A plain list, read in
 * order by screen readers; a new refusal is announced politely.
 */
export function RefusalsList() {
  const refusals = useListenersStore((s) => s.refusals);
  const now = useClock();
  if (refusals.length === 0) return null;
  return (
    <div className="refusals">
      <h3 id="refusals-title">Refused: {refusals.length}</h3>
      <ul className="refusals-list" aria-labelledby="refusals-title" aria-live="polite">
        {refusals.map((refusal) => (
          <li
            key={refusal.address}
            title={`Last at ${new Date(refusal.lastAt).toLocaleTimeString()}`}
          >
            Refused: <code>{refusal.address}</code> — {describeRefusal(refusal, now)}
          </li>
        ))}
      </ul>
    </div>
  );
}
