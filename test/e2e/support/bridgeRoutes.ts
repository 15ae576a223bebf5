import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Handles one request under a bridge's path; `rest` is what follows `/__twbridge/TOKEN/`. */
export type BridgeRoute = (
  request: IncomingMessage,
  response: ServerResponse,
  rest: string,
) => void;

/** Where the page's bridge reaches its Node side: the page's own origin, so its CSP allows it. */
export const BRIDGE_PATH = '/__twbridge/';

/**
 * The test bridges' paths on the static server that serves the renderer. Each bridge (one per
 * page) gets an unguessable token; requests for an unknown token get 404.
 */
export class BridgeRoutes {
  private readonly routes = new Map<string, BridgeRoute>();

  /** Bridges with a route now (each removes its own as it closes). */
  get size(): number {
    return this.routes.size;
  }

  /** Adds a bridge's route; returns its path prefix (ending in '/'). */
  add(route: BridgeRoute): { prefix: string; remove(): void } {
    const token = randomUUID();
    this.routes.set(token, route);
    return { prefix: `${BRIDGE_PATH}${token}/`, remove: () => this.routes.delete(token) };
  }

  /** Serves `path` when it is a bridge's; false when it is not (the static files' then). */
  handle(path: string, request: IncomingMessage, response: ServerResponse): boolean {
    if (!path.startsWith(BRIDGE_PATH)) return false;
    const [token, ...rest] = path.slice(BRIDGE_PATH.length).split('/');
    const route = this.routes.get(token);
    if (route) route(request, response, rest.join('/'));
    else response.writeHead(404).end();
    return true;
  }
}
