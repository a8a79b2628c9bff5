/**
 * Labels beside the marks of a drawing (places on a map, nodes of a network),
 * placed greedily, most important first, where they overlap neither another
 * label nor another mark and stay inside the frame. A mark whose label finds
 * no room keeps its accessible name and tooltip, and the list or table beside
 * the drawing names it.
 */

export interface Mark {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
  /** Higher first. */
  priority: number;
}

export type Anchor = 'start' | 'middle' | 'end';

export interface PlacedLabel {
  x: number;
  y: number;
  anchor: Anchor;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function boxOf(x: number, y: number, anchor: Anchor, width: number, fontSize: number): Box {
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  // y is the text's baseline; descenders take a little below it.
  return { left, top: y - fontSize * 0.8, right: left + width, bottom: y + fontSize * 0.25 };
}

/** A rough width of `text` in a sans-serif face: enough to keep labels apart. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

export function placeLabels(marks: readonly Mark[], frame: { width: number; height: number; fontSize: number }): Map<string, PlacedLabel> {
  const { width, height, fontSize } = frame;
  const gap = 3;
  const markBoxes = new Map(marks.map((mark) => [mark.id, { left: mark.x - mark.r, top: mark.y - mark.r, right: mark.x + mark.r, bottom: mark.y + mark.r }]));
  const placed = new Map<string, PlacedLabel>();
  const taken: Box[] = [];
  const order = [...marks].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  for (const mark of order) {
    const textSize = textWidth(mark.text, fontSize);
    const candidates: PlacedLabel[] = [
      { x: mark.x + mark.r + gap, y: mark.y + fontSize * 0.35, anchor: 'start' },
      { x: mark.x - mark.r - gap, y: mark.y + fontSize * 0.35, anchor: 'end' },
      { x: mark.x, y: mark.y - mark.r - gap - fontSize * 0.25, anchor: 'middle' },
      { x: mark.x, y: mark.y + mark.r + gap + fontSize * 0.8, anchor: 'middle' },
      { x: mark.x + mark.r * 0.7 + gap, y: mark.y - mark.r * 0.7 - gap, anchor: 'start' },
      { x: mark.x + mark.r * 0.7 + gap, y: mark.y + mark.r * 0.7 + gap + fontSize * 0.6, anchor: 'start' },
      { x: mark.x - mark.r * 0.7 - gap, y: mark.y - mark.r * 0.7 - gap, anchor: 'end' },
      { x: mark.x - mark.r * 0.7 - gap, y: mark.y + mark.r * 0.7 + gap + fontSize * 0.6, anchor: 'end' },
    ];
    for (const candidate of candidates) {
      const box = boxOf(candidate.x, candidate.y, candidate.anchor, textSize, fontSize);
      const inside = box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
      const clear = taken.every((other) => !overlaps(box, other)) && [...markBoxes].every(([id, other]) => id === mark.id || !overlaps(box, other));
      if (inside && clear) {
        placed.set(mark.id, { x: Math.round(candidate.x * 10) / 10, y: Math.round(candidate.y * 10) / 10, anchor: candidate.anchor });
        taken.push(box);
        break;
      }
    }
  }
  return placed;
}
