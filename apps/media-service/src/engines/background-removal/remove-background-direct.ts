import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeBackground } from '@imgly/background-removal-node';
import type { IsnetModel } from './isnet-session.js';

/** The package's own dist/ folder: imgly's default is relative to the process's working directory. */
const publicPath = pathToFileURL(
  path.dirname(createRequire(import.meta.url).resolve('@imgly/background-removal-node')) + '/',
).href;

/**
 * imgly's own removeBackground on `image` (PNG, JPEG or WebP bytes): an RGBA PNG at the input's size. For the
 * benchmark's "library called directly" figure and as the reference the engine's matte is checked against. imgly
 * keeps one CPU session per configuration, so calls after the first are warm; it applies no EXIF orientation.
 */
export async function removeBackgroundDirect(image: Buffer, model: IsnetModel): Promise<Buffer> {
  // imgly decodes a Blob by its type and refuses an empty one; every image type goes to sharp alike
  const blob = await removeBackground(new Blob([image], { type: 'application/octet-stream' }), {
    publicPath,
    model,
    output: { format: 'image/png', quality: 0.8 },
  });
  return Buffer.from(await blob.arrayBuffer());
}
