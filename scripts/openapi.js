#!/usr/bin/env node
// Writes the gateway's OpenAPI document to openapi.json at the repository root (after `npm run build`).
import { writeFile } from 'node:fs/promises';
import { renderOpenApi } from './openapi-document.js';

const target = new URL('../openapi.json', import.meta.url);
await writeFile(target, await renderOpenApi());
console.log(`wrote ${target.pathname}`);
process.exit(0);
