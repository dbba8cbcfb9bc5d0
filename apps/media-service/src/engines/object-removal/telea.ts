import { createRequire } from 'node:module';

/** The few opencv-js calls this engine makes (the package's own typings describe the module, not its wasm runtime). */
interface CvMat {
  data: Uint8Array;
  delete(): void;
}

interface OpenCv {
  Mat: new (rows: number, cols: number, type: number) => CvMat;
  CV_8UC1: number;
  CV_8UC3: number;
  INPAINT_TELEA: number;
  inpaint(src: CvMat, mask: CvMat, dst: CvMat, radius: number, flags: number): void;
}

/** The object `require('@techstark/opencv-js')` returns: the Emscripten module, filled in when its wasm is ready. */
interface OpenCvModule extends Partial<OpenCv> {
  onRuntimeInitialized?: () => void;
  onAbort?: (what: unknown) => void;
}

/** Telea's neighbourhood: pixels within this radius of a filled one weigh in. */
export const TELEA_RADIUS = 5;

let loading: Promise<{ cv: OpenCv }> | undefined;

/**
 * Loads the opencv-js wasm build once per process. The 4.12 module is a thenable whose `then` hands back the module
 * itself, so awaiting it (or resolving a promise with it) never settles: wait for onRuntimeInitialized and pass it
 * wrapped in an object.
 */
export function loadOpenCv(): Promise<{ cv: OpenCv }> {
  loading ??= new Promise<{ cv: OpenCv }>((resolve, reject) => {
    const module = createRequire(import.meta.url)('@techstark/opencv-js') as OpenCvModule;
    if (typeof module.Mat === 'function') {
      resolve({ cv: module as OpenCv });
      return;
    }
    module.onRuntimeInitialized = () => resolve({ cv: module as OpenCv });
    module.onAbort = (what) => reject(new Error(`opencv-js failed to load: ${String(what)}`));
  });
  return loading;
}

/**
 * Telea's fast-marching inpainting (cv.inpaint, INPAINT_TELEA) of the pixels where `mask` is 1, in place over
 * interleaved 8-bit RGB.
 */
export async function teleaInpaint(rgb: Uint8Array, mask: Uint8Array, width: number, height: number): Promise<void> {
  const { cv } = await loadOpenCv();
  const src = new cv.Mat(height, width, cv.CV_8UC3);
  try {
    const inpaintMask = new cv.Mat(height, width, cv.CV_8UC1);
    try {
      const dst = new cv.Mat(height, width, cv.CV_8UC3);
      try {
        src.data.set(rgb);
        // one view of the wasm heap per Mat: `data` is a getter that builds a new one on every read
        const bytes = new Uint8Array(mask.length);
        for (let i = 0; i < mask.length; i++) bytes[i] = mask[i] ? 255 : 0;
        inpaintMask.data.set(bytes);
        cv.inpaint(src, inpaintMask, dst, TELEA_RADIUS, cv.INPAINT_TELEA);
        rgb.set(dst.data);
      } finally {
        dst.delete();
      }
    } finally {
      inpaintMask.delete();
    }
  } finally {
    src.delete();
  }
}
