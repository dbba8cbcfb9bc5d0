import {
  EngineAbortedError,
  MediaEngineError,
  type EngineContext,
  type EngineRequest,
  type EngineResult,
  type MediaEngine,
} from '../media-engine.js';
import type { StyleName } from './named-styles.js';
import { StyleTransferError } from './style-transfer-errors.js';
import { StyleTransferEngine } from './style-transfer-engine.js';

/** style_transfer as a MediaEngine: a named style (`parameters.style`, `radius`) or the colours of `style_image`. */
export class StyleTransferMediaEngine implements MediaEngine {
  readonly taskType = 'style_transfer';
  readonly name = 'local:style-transfer';
  private readonly engine: StyleTransferEngine;

  constructor(options: { maxPixels?: number } = {}) {
    this.engine = new StyleTransferEngine(options);
  }

  async run(request: EngineRequest, ctx: EngineContext): Promise<EngineResult> {
    const { image, style_image: styleImage } = request.images;
    if (!image) throw new MediaEngineError('invalid_input', 'Image is required for style_transfer', { field: 'image' });
    const { style, radius } = request.parameters as { style?: StyleName; radius?: number };
    ctx.progress(10, styleImage ? 'Transferring colours' : `Applying the ${style} style`);
    try {
      const out = await this.engine.apply(image, styleImage ? { styleImage } : { style: style!, radius }, ctx.signal);
      ctx.progress(95, 'Encoding the result');
      return {
        png: out.png,
        width: out.width,
        height: out.height,
        engine: `local:${out.style === 'style_image' ? 'reinhard-lab' : out.style}`,
        metadata: { style: out.style, ...(radius ? { radius } : {}), ms: Math.round(out.ms) },
      };
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw new EngineAbortedError('style transfer');
      if (err instanceof StyleTransferError) {
        const field = /styleImage/.test(err.message)
          ? 'style_image'
          : err.code === 'invalid_options'
            ? 'parameters'
            : 'image';
        throw new MediaEngineError('invalid_input', err.message.replace('styleImage', 'style_image'), {
          field,
          cause: err,
        });
      }
      throw err;
    }
  }
}
