import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { drawMap, frameAround, mapFrames, partsNear, type Place, type WorldTopology } from '../../../src/views/map.ts';

function place(id: string, lat: number, lon: number, mentions: number): Place {
  return { id, name: id, lat, lon, mentions, source: 'a test' };
}

const tirana = place('tirana', 41.3256, 19.8197, 3);
const camp = place('camp', 41.4296, 19.5762, 12);
const tehran = place('tehran', 35.6961, 51.4231, 2);
const washington = place('usa', 38, -97, 6);
const options = { clusterKm: 400, insetKm: 4500, minimumSpan: { lon: 4, lat: 4 } };

describe('frameAround', () => {
  it('widens a small cluster to the minimum span, centred on it', () => {
    expect(
      frameAround(
        [
          { lat: 41, lon: 19 },
          { lat: 42, lon: 20 },
        ],
        0.1,
        { lon: 4, lat: 4 },
      ),
    ).toEqual({ west: 17.5, south: 39.5, east: 21.5, north: 43.5 });
  });

  it('pads a large one by a share of its size', () => {
    expect(
      frameAround(
        [
          { lat: 30, lon: 10 },
          { lat: 40, lon: 30 },
        ],
        0.1,
        { lon: 4, lat: 4 },
      ),
    ).toEqual({ west: 8, south: 29, east: 32, north: 41 });
  });
});

describe('mapFrames', () => {
  const frames = mapFrames([tirana, camp, tehran, washington], options);

  it('centres the main map on the most mentioned cluster', () => {
    expect(frames?.main).toEqual(frameAround([tirana, camp], 0.15, options.minimumSpan));
    expect(frames?.inMain.map(({ id }) => id)).toEqual(['camp', 'tirana']);
  });

  it('puts the places of the wider region in the inset and lists the far ones', () => {
    expect(frames?.inInset.map(({ id }) => id)).toEqual(['tehran']);
    expect(frames?.beyond.map(({ id }) => id)).toEqual(['usa']);
  });

  it('has no inset when every place is in the main map', () => expect(mapFrames([tirana, camp], options)?.inset).toBeUndefined());

  it('has no frames without places', () => expect(mapFrames([], options)).toBeUndefined());
});

describe('partsNear', () => {
  it('keeps the polygons near the frame and drops those wholly elsewhere', () => {
    const frame = { west: 0, south: 0, east: 10, north: 10 };
    const near = [
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
    ];
    const far = [
      [
        [50, 50],
        [51, 50],
        [51, 51],
        [50, 50],
      ],
    ];
    expect(partsNear({ type: 'MultiPolygon', coordinates: [near, far] }, frame)).toEqual({ type: 'MultiPolygon', coordinates: [near] });
  });
});

/** One square country around the places: a topology small enough to check by eye. */
const square: WorldTopology = {
  type: 'Topology',
  arcs: [
    [
      [18, 40],
      [22, 40],
      [22, 43],
      [18, 43],
      [18, 40],
    ],
  ],
  objects: {
    countries: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '008', properties: { name: 'Square' } }] },
    land: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]] }] },
  },
} as unknown as Topology as WorldTopology;

describe('drawMap', () => {
  const frame = { west: 17, south: 39, east: 23, north: 44 };
  const map = drawMap(square, frame, [camp, tirana], { width: 300, maxMentions: 12, fontSize: 10 });

  it('fits the frame to the width and gives the height that follows', () => expect([map.width, map.height]).toEqual([300, 335]));

  it('sizes places by mentions, the largest first so that smaller ones stay on top', () => {
    expect(map.places.map(({ id, r }) => [id, r])).toEqual([
      ['camp', 12],
      ['tirana', 7.5],
    ]);
  });

  it('draws the land and no border where there is one country', () => {
    expect(map.land.startsWith('M')).toBe(true);
    expect(map.borders).toBe('');
  });

  it('is the same drawing every time', () =>
    expect(JSON.stringify(drawMap(square, frame, [camp, tirana], { width: 300, maxMentions: 12, fontSize: 10 }))).toBe(JSON.stringify(map)));
});
