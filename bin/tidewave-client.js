#!/usr/bin/env node
// Runs the client CLI built by `npm run build:cli` (source: src/cli/client.ts).
import '../out/cli/client.js';
