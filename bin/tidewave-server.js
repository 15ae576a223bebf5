#!/usr/bin/env node
// Runs the server CLI built by `npm run build:cli` (source: src/cli/server.ts).
import '../out/cli/server.js';
