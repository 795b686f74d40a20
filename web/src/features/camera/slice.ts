// The camera feature's slice of the view and the link: its keys, their defaults, how they are
// read from and written to the URL, and what the data must confirm. Pure: no DOM, testable in Node.
import type { CoreState } from '../../core/state.ts';
import type { Slice } from '../../core/codec.ts';

export interface Camera {
  x: number;
  y: number;
  ratio: number;
}

export interface CameraState {
  camera: Camera | undefined;
}

export function parseCamera(value: string | null): Camera | undefined {
  if (!value) return undefined;
  const parts = value.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, ratio] = parts as [number, number, number];
  if (ratio <= 0 || ratio > 100) return undefined;
  return { x, y, ratio };
}

// `|| 0` turns -0 into 0, so that equal views give equal links.
const round = (n: number) => Number(n.toFixed(4)) || 0;

export function cameraSlice<S extends CoreState & CameraState>(): Slice<S> {
  return {
    id: 'camera',
    keys: ['camera'],
    params: ['cam'],
    defaults: () => ({ camera: undefined }) as Partial<S>,
    parse: (params) => ({ camera: parseCamera(params.get('cam')) }) as Partial<S>,
    write(state, out) {
      const c = state.camera;
      if (c) out.set('cam', [round(c.x), round(c.y), round(c.ratio)].join(','));
    },
  };
}
