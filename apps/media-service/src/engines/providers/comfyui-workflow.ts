/** A ComfyUI API-format graph: node id to its class and inputs; `[nodeId, outputIndex]` links nodes. */
export type ComfyWorkflow = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

export interface Txt2ImgSettings {
  checkpoint: string;
  prompt: string;
  negative: string;
  width: number;
  height: number;
  steps: number;
  cfg: number;
  seed: number;
  sampler: string;
  scheduler: string;
  filenamePrefix: string;
}

/** The node whose output holds the image: SaveImage. */
export const SAVE_IMAGE_NODE = '9';

/**
 * ComfyUI's default txt2img graph: checkpoint, two CLIP text encodings, an empty latent, KSampler, VAE decode,
 * SaveImage. Node ids are the ones ComfyUI's own default workflow uses, so a graph exported from its UI reads alike.
 */
export function txt2ImgWorkflow(s: Txt2ImgSettings): ComfyWorkflow {
  return {
    '3': {
      class_type: 'KSampler',
      inputs: {
        seed: s.seed,
        steps: s.steps,
        cfg: s.cfg,
        sampler_name: s.sampler,
        scheduler: s.scheduler,
        denoise: 1,
        model: ['4', 0],
        positive: ['6', 0],
        negative: ['7', 0],
        latent_image: ['5', 0],
      },
    },
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: s.checkpoint } },
    '5': { class_type: 'EmptyLatentImage', inputs: { width: s.width, height: s.height, batch_size: 1 } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: s.prompt, clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: s.negative, clip: ['4', 1] } },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    [SAVE_IMAGE_NODE]: { class_type: 'SaveImage', inputs: { filename_prefix: s.filenamePrefix, images: ['8', 0] } },
  };
}
