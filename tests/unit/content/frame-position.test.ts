import { describe, expect, it } from 'vitest';
import { framePath, type FrameWindow } from '../../../content/frame-position';
import { compareFramePaths } from '../../../core/frame-order';

/** A window with child frames, as a page's frames see each other: parent, and the parent's frames by index. */
function win(children: FrameWindow[] = [], listed = children): FrameWindow {
  const w = { frames: listed } as { parent: FrameWindow; frames: FrameWindow[] };
  w.parent = w; // a top window is its own parent
  for (const child of children) (child as { parent: FrameWindow }).parent = w;
  return w;
}

describe("a frame's place among the tab's frames", () => {
  const deep = win();
  const first = win([win(), deep]);
  const second = win();
  const top = win([first, second]);

  it('is empty for the top frame, and the index at each level for the others', () => {
    expect(framePath(top)).toEqual([]);
    expect(framePath(first)).toEqual([0]);
    expect(framePath(second)).toEqual([1]);
    expect(framePath(deep)).toEqual([0, 1]);
  });

  it('puts a frame its parent does not list (one in a shadow root) after the listed ones', () => {
    const hidden = win();
    const listedOnly = win();
    const parent = win([listedOnly, hidden], [listedOnly]);
    expect(framePath(hidden)).toEqual([1]);
    expect(framePath(listedOnly)).toEqual([0]);
    expect(parent.frames.length).toBe(1);
  });

  it('orders paths as the frames are read: top first, each frame before its own frames and its next sibling', () => {
    const paths = [[1], [0, 1], [], [0], [0, 0, 3], [0, 0], [10], [2]];
    expect([...paths].sort(compareFramePaths)).toEqual([[], [0], [0, 0], [0, 0, 3], [0, 1], [1], [2], [10]]);
  });
});
