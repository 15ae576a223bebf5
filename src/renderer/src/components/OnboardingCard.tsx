import { useSettings } from '../stores/settingsStore';

/** A first-run introduction; gone for good once dismissed. */
export function OnboardingCard() {
  const show = useSettings((s) => s.settings !== null && !s.settings.onboarded);
  const update = useSettings((s) => s.update);
  if (!show) return null;

  return (
    <section className="panel onboarding" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title">Welcome to Tidewave</h2>
      <ul>
        <li>
          <strong>Host a library</strong> shares a folder of music (MP3, FLAC, Ogg Vorbis, Opus,
          WAV) from this computer. It stays private unless you tick “Share on my network”; then give
          friends the address it shows.
        </li>
        <li>
          <strong>Listen to a friend’s library</strong>: type the host and port they give you in the
          bar at the top and press Connect.
        </li>
        <li>Space plays and pauses, Shift+Space stops; the left and right arrows skip songs.</li>
      </ul>
      <button type="button" className="primary" onClick={() => void update({ onboarded: true })}>
        Got it
      </button>
    </section>
  );
}
