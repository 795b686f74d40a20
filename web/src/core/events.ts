// What happens on the canvas, for features to listen to (the renderer knows no listener).
import type { CameraState } from 'sigma/types';

export interface CanvasEventMap {
  clickNode: string;
  clickStage: undefined;
  hoverNode: string | undefined;
  camera: CameraState;
}

type Listener<T> = (value: T) => void;

export class CanvasEvents {
  private readonly listeners: { [K in keyof CanvasEventMap]: Set<Listener<CanvasEventMap[K]>> } = {
    clickNode: new Set(),
    clickStage: new Set(),
    hoverNode: new Set(),
    camera: new Set(),
  };

  on<K extends keyof CanvasEventMap>(name: K, listener: Listener<CanvasEventMap[K]>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  emit<K extends keyof CanvasEventMap>(name: K, value: CanvasEventMap[K]): void {
    for (const listener of this.listeners[name]) listener(value);
  }
}
