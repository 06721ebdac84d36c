/**
 * Canvas2D or WebGL for the tiles. WebGL moves JSMpeg's YUV→RGB conversion
 * to the GPU, which pays on a workstation with a real GPU and a few tiles.
 * Software WebGL (SwiftShader, llvmpipe: no GPU, as on this project's CI and
 * many thin clients) only adds work, and browsers cap WebGL contexts at about
 * 16 per page, so bigger walls always use Canvas2D. See docs/benchmarks.md.
 */
export type Rendering = 'auto' | 'canvas2d' | 'webgl';

const WEBGL_CONTEXT_BUDGET = 16;
let hardware: boolean | undefined;

export function hasHardwareWebGL(): boolean {
  if (hardware === undefined) {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    const renderer = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    hardware = !!gl && !/swiftshader|llvmpipe|software|softpipe/i.test(renderer);
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return hardware;
}

export function shouldUseWebGL(rendering: Rendering, tilesOnWall: number): boolean {
  if (rendering === 'canvas2d') return false;
  if (tilesOnWall > WEBGL_CONTEXT_BUDGET) return false;
  return rendering === 'webgl' || hasHardwareWebGL();
}

/** JSMpeg's destroy() keeps the WebGL context alive; without this, tiles that come and go exhaust the cap. */
export function releaseWebGL(canvas: HTMLCanvasElement): void {
  const gl = canvas.getContext('webgl') ?? canvas.getContext('experimental-webgl');
  (gl as WebGLRenderingContext | null)?.getExtension('WEBGL_lose_context')?.loseContext();
}

/** ?renderer=webgl|canvas2d|auto on the wall's link; remembered. */
export function initialRendering(): Rendering {
  const asked = new URLSearchParams(location.search).get('renderer');
  if (asked === 'webgl' || asked === 'canvas2d' || asked === 'auto') localStorage.setItem('pantau.rendering', asked);
  const saved = localStorage.getItem('pantau.rendering');
  return saved === 'webgl' || saved === 'canvas2d' ? saved : 'auto';
}
