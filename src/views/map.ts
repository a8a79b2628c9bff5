/**
 * The map: place entries with coordinates, drawn over a Natural Earth basemap
 * (world-atlas TopoJSON) projected at build time with d3-geo into plain SVG
 * paths. The main frame is zoomed to where the corpus's places cluster; an
 * inset shows the places of the wider region around it; places farther away
 * are listed, not drawn.
 */
import type { Feature, Geometry, MultiPoint, Position } from 'geojson';
import { geoDistance, geoMercator, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { placeLabels, type PlacedLabel } from './labels.ts';

export interface Place {
  id: string;
  name: string;
  lat: number;
  lon: number;
  mentions: number;
  source: string;
}

/** A frame in degrees: west and east longitudes, south and north latitudes. */
export interface Frame {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface MapFrames {
  main: Frame;
  /** The wider region, where some places lie outside the main frame but near enough to show. */
  inset?: Frame;
  inMain: Place[];
  inInset: Place[];
  /** Places too far to draw on either map. */
  beyond: Place[];
}

export interface FrameOptions {
  /** Places within this distance of the busiest place make the main frame. */
  clusterKm: number;
  /** Places within this distance of the main frame's centre go in the inset. */
  insetKm: number;
  /** The smallest main frame, in degrees, so that a single town still shows its country. */
  minimumSpan: { lon: number; lat: number };
}

const earthRadiusKm = 6371;

function distanceKm(a: Pick<Place, 'lat' | 'lon'>, b: Pick<Place, 'lat' | 'lon'>): number {
  return geoDistance([a.lon, a.lat], [b.lon, b.lat]) * earthRadiusKm;
}

/** The frame around points, padded by `padding` of its size on each side and at least `minimumSpan` wide and high. */
export function frameAround(points: readonly Pick<Place, 'lat' | 'lon'>[], padding: number, minimumSpan: { lon: number; lat: number }): Frame {
  const lons = points.map(({ lon }) => lon);
  const lats = points.map(({ lat }) => lat);
  let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max((east - west) * padding, (minimumSpan.lon - (east - west)) / 2, 0);
  const padLat = Math.max((north - south) * padding, (minimumSpan.lat - (north - south)) / 2, 0);
  [west, east, south, north] = [west - padLon, east + padLon, south - padLat, north + padLat];
  return { west, south: Math.max(-85, south), east, north: Math.min(85, north) };
}

function inside(frame: Frame, { lat, lon }: Pick<Place, 'lat' | 'lon'>): boolean {
  return lon >= frame.west && lon <= frame.east && lat >= frame.south && lat <= frame.north;
}

function byMentions(a: Place, b: Place): number {
  return b.mentions - a.mentions || a.id.localeCompare(b.id);
}

/**
 * The main frame is centred on the busiest cluster: the place whose
 * neighbours within `clusterKm` are mentioned most often in all.
 */
export function mapFrames(places: readonly Place[], options: FrameOptions): MapFrames | undefined {
  if (places.length === 0) return undefined;
  const scored = places.map((place) => {
    const near = places.filter((other) => distanceKm(place, other) <= options.clusterKm);
    return { place, near, weight: near.reduce((sum, other) => sum + other.mentions, 0) };
  });
  scored.sort((a, b) => b.weight - a.weight || b.near.length - a.near.length || a.place.id.localeCompare(b.place.id));
  const cluster = scored[0]?.near ?? [];
  const main = frameAround(cluster, 0.15, options.minimumSpan);
  const inMain = places.filter((place) => inside(main, place)).sort(byMentions);
  const centre = { lat: (main.south + main.north) / 2, lon: (main.west + main.east) / 2 };
  const outside = places.filter((place) => !inside(main, place));
  const inInset = outside.filter((place) => distanceKm(centre, place) <= options.insetKm).sort(byMentions);
  const beyond = outside.filter((place) => !inInset.includes(place)).sort(byMentions);
  const corners = [
    { lat: main.south, lon: main.west },
    { lat: main.north, lon: main.east },
  ];
  const inset = inInset.length > 0 ? frameAround([...corners, ...inInset], 0.12, { lon: 0, lat: 0 }) : undefined;
  return { main, ...(inset ? { inset } : {}), inMain, inInset, beyond };
}

export interface DrawnPlace extends Place {
  x: number;
  y: number;
  r: number;
  label?: PlacedLabel;
}

export interface DrawnMap {
  width: number;
  height: number;
  /** SVG path data: the land to fill, its coast, and the borders between countries. */
  land: string;
  coast: string;
  borders: string;
  places: DrawnPlace[];
  /** Another frame drawn as a rectangle on this map (the main frame, on the inset). */
  outline?: { x: number; y: number; width: number; height: number };
}

/** The world-atlas topology: countries and land as TopoJSON objects. */
export type WorldTopology = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function cornersOf(frame: Frame): Feature<MultiPoint> {
  return {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [frame.west, frame.south],
        [frame.east, frame.north],
        [frame.west, frame.north],
        [frame.east, frame.south],
      ],
    },
  };
}

function near(frame: Frame, margin: number): (positions: readonly Position[]) => boolean {
  return (positions) => {
    let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [lon = 0, lat = 0] of positions) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    return west <= frame.east + margin && east >= frame.west - margin && south <= frame.north + margin && north >= frame.south - margin;
  };
}

/**
 * The parts of a geometry near a frame: projecting the whole world at the
 * finest resolution only to clip it away takes seconds; skipping the
 * polygons and lines that lie wholly elsewhere gives the same drawing.
 */
export function partsNear(geometry: Geometry, frame: Frame, margin = 2): Geometry {
  const isNear = near(frame, margin);
  switch (geometry.type) {
    case 'Polygon':
      return isNear(geometry.coordinates[0] ?? []) ? geometry : { type: 'MultiPolygon', coordinates: [] };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.filter((polygon) => isNear(polygon[0] ?? [])) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.filter((line) => isNear(line)) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((part) => partsNear(part, frame, margin)) };
    default:
      return geometry;
  }
}

function geometryOf(object: Feature | { type: 'FeatureCollection'; features: Feature[] } | Geometry): Geometry {
  if (object.type === 'Feature') return object.geometry;
  if (object.type === 'FeatureCollection') return { type: 'GeometryCollection', geometries: object.features.map(({ geometry }) => geometry) };
  return object;
}

/**
 * Projects a frame to `width` pixels wide (its height follows the projection),
 * clips the basemap to it, and places the marks, sized by mentions relative to
 * `maxMentions` so that both maps share one scale of sizes.
 */
export function drawMap(
  world: WorldTopology,
  frame: Frame,
  places: readonly Place[],
  options: { width: number; maxMentions: number; fontSize: number; outline?: Frame },
): DrawnMap {
  const projection = geoMercator().fitWidth(options.width, cornersOf(frame));
  const [[, top], [, bottom]] = geoPath(projection).bounds(cornersOf(frame));
  const height = Math.ceil(bottom - top);
  projection.translate([projection.translate()[0], projection.translate()[1] - top]).clipExtent([
    [0, 0],
    [options.width, height],
  ]);
  const path = geoPath(projection).digits(1);
  // Country by country, not the merged land: a continent's outline is one polygon, and all of it would be projected.
  const land = path(partsNear(geometryOf(feature(world, world.objects.countries)), frame)) ?? '';
  const coast =
    path(
      partsNear(
        mesh(world, world.objects.countries, (a, b) => a === b),
        frame,
      ),
    ) ?? '';
  const borders =
    path(
      partsNear(
        mesh(world, world.objects.countries, (a, b) => a !== b),
        frame,
      ),
    ) ?? '';
  const radius = (mentions: number) => round(3 + 9 * Math.sqrt(mentions / Math.max(1, options.maxMentions)));
  const marks = places.map((place) => {
    const [x = 0, y = 0] = projection([place.lon, place.lat]) ?? [];
    return { ...place, x: round(x), y: round(y), r: radius(place.mentions) };
  });
  const labels = placeLabels(
    marks.map(({ id, x, y, r, name, mentions }) => ({ id, x, y, r, text: name, priority: mentions })),
    { width: options.width, height, fontSize: options.fontSize },
  );
  let outline: DrawnMap['outline'];
  if (options.outline) {
    const [x0 = 0, y0 = 0] = projection([options.outline.west, options.outline.north]) ?? [];
    const [x1 = 0, y1 = 0] = projection([options.outline.east, options.outline.south]) ?? [];
    outline = { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
  }
  return {
    width: options.width,
    height,
    land,
    coast,
    borders,
    // Larger marks first, so that a small place beside a large one stays on top and can be followed.
    places: marks
      .map((mark) => {
        const label = labels.get(mark.id);
        return label ? { ...mark, label } : mark;
      })
      .sort((a, b) => b.r - a.r || a.id.localeCompare(b.id)),
    ...(outline ? { outline } : {}),
  };
}
