// Reads QR codes from the phone's camera. The browser's own BarcodeDetector is used where it exists (Chrome on
// Android); elsewhere (Safari on iPhone, Firefox, Chromium on Linux) frames are drawn to a canvas and decoded with
// jsQR, which is loaded only then, so the portal's other screens never carry it.

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats?(): Promise<string[]>;
}

export interface QrCamera {
  /** Which decoder reads the frames (shown to nobody; tests and bug reports use it). */
  readonly decoder: 'native' | 'jsqr';
  stop(): void;
}

/** Whether this page may open a camera at all: browsers offer it only on https:// (or localhost). */
export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/** A frame at most this many pixels on its long side is decoded: a label filling a quarter of the picture still
 * has several pixels per module, and a phone decodes it in a few milliseconds. */
const MAX_SIDE = 800;
const INTERVAL_MS = 200;

async function frameReader(video: HTMLVideoElement): Promise<{ decoder: QrCamera['decoder']; read: () => Promise<string[]> }> {
  const Native = (globalThis as unknown as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  const formats = Native ? await Native.getSupportedFormats?.().catch(() => []) : [];
  if (Native && (!formats || formats.includes('qr_code'))) {
    const detector = new Native({ formats: ['qr_code'] });
    return { decoder: 'native', read: async () => (await detector.detect(video)).map((c) => c.rawValue) };
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return {
    decoder: 'jsqr',
    read: async () => {
      const { videoWidth: w, videoHeight: h } = video;
      if (!w || !h) return [];
      const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
      canvas.width = Math.round(w * scale);
      canvas.height = Math.round(h * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      return code?.data ? [code.data] : [];
    },
  };
}

/** Opens the back camera into `video` and calls `onText` with the text of every QR code it reads (the same code
 * again while it stays in view: the caller removes repeats). Rejects when the camera cannot be opened. */
export async function startQrCamera(video: HTMLVideoElement, onText: (text: string) => void): Promise<QrCamera> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    stream.getTracks().forEach((track) => track.stop());
    if (video.srcObject === stream) video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play();
    const { decoder, read } = await frameReader(video);
    const tick = async () => {
      if (stopped) return;
      try {
        for (const text of await read()) onText(text);
      } catch {
        // A frame that cannot be read (the video resizing, the tab hidden) is skipped; the next one is tried.
      }
      if (!stopped) timer = setTimeout(() => void tick(), INTERVAL_MS);
    };
    void tick();
    return { decoder, stop };
  } catch (err) {
    stop();
    throw err;
  }
}
