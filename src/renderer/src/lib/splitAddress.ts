/**
 * The host and port to connect to from what the connection bar's two fields hold. A whole
 * address typed or pasted into the host field ("192.168.1.20:8080", "[fe80::1]:8080", as the
 * host panel shows them to give to friends) carries its own port, which wins over the port
 * field's: it was taken as a host name, which no computer had.
 */
export function splitAddress(hostText: string, portText: string): { host: string; port: string } {
  const host = hostText.trim();
  const withPort = /^\[([^\]]+)\]:(\d+)$/.exec(host) ?? /^([^:\s]+):(\d+)$/.exec(host);
  if (withPort) return { host: withPort[1], port: withPort[2] };
  return { host, port: portText.trim() };
}
