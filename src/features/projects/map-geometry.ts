import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/**
 * The municipal boundaries come from `reference-data/gemeente_2026.topojson` (CBS/PDOK, simplified by
 * cartomap/nl; 132 kB for the whole country). The file is read once per process and only the
 * requested municipalities (the province's) are projected; their paths are cached per set of codes.
 */
const boundaryFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference-data/gemeente_2026.topojson',
);
const objectName = 'gemeente_2026';

export type Position = readonly [number, number];
/** One municipality: its outer and inner rings as lon/lat positions. */
export interface Boundary {
  code: string;
  rings: Position[][];
}

function isTopology(value: unknown): value is Topology {
  return (
    typeof value === 'object' &&
    value !== null &&
    'type' in value &&
    value.type === 'Topology' &&
    'objects' in value
  );
}

let boundaries: Map<string, Boundary> | undefined;

function ringsOf(geometry: GeoJSON.Geometry): Position[][] {
  if (geometry.type === 'Polygon')
    return geometry.coordinates.map((ring) => ring.map(([x = 0, y = 0]) => [x, y] as const));
  if (geometry.type === 'MultiPolygon')
    return geometry.coordinates.flatMap((polygon) => ringsOf({ type: 'Polygon', coordinates: polygon }));
  return [];
}

/** Every municipality's boundary by CBS code, decoded once. */
export function allBoundaries(): Map<string, Boundary> {
  if (boundaries) return boundaries;
  const parsed: unknown = JSON.parse(readFileSync(boundaryFile, 'utf8'));
  if (!isTopology(parsed)) throw new Error(`${boundaryFile} is not a TopoJSON topology`);
  const object = parsed.objects[objectName];
  if (object?.type !== 'GeometryCollection')
    throw new Error(`${boundaryFile} has no ${objectName} collection`);
  const collection = feature(parsed, object);
  boundaries = new Map();
  for (const f of collection.features) {
    const code = typeof f.id === 'string' ? f.id : String(f.properties?.statcode ?? '');
    if (code && f.geometry) boundaries.set(code, { code, rings: ringsOf(f.geometry) });
  }
  return boundaries;
}

export interface Projection {
  width: number;
  height: number;
  project(position: Position): Position;
}

/**
 * Equirectangular, with longitude scaled by cos(latitude) at the middle of the area: at the scale of
 * one province the distortion is under a percent, and it keeps north up and shapes recognisable.
 */
export function fitProjection(shapes: Boundary[], width: number, padding = 8): Projection {
  const points = shapes.flatMap((s) => s.rings.flat());
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [
    Math.min(...lons),
    Math.max(...lons),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const xScale = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = (width - 2 * padding) / Math.max((maxLon - minLon) * xScale, 1e-9);
  const height = (maxLat - minLat) * scale + 2 * padding;
  return {
    width,
    height,
    project: ([lon, lat]) => [padding + (lon - minLon) * xScale * scale, padding + (maxLat - lat) * scale],
  };
}

const fixed = (n: number) => String(Math.round(n * 10) / 10);

/** An SVG path: each ring a closed subpath of absolute coordinates with one decimal. */
export function pathOf(rings: Position[][], projection: Projection): string {
  return rings
    .filter((ring) => ring.length >= 3)
    .map((ring) => {
      const points = ring.map((p) => projection.project(p)).map(([x, y]) => `${fixed(x)},${fixed(y)}`);
      return `M${points.join('L')}Z`;
    })
    .join('');
}

export interface ProjectedShape {
  code: string;
  path: string;
}

const projectedCache = new Map<string, { width: number; height: number; shapes: ProjectedShape[] }>();

/** The paths of the given municipalities fitted into `width`; cached, since boundaries never change at run time. */
export function projectedShapes(codes: string[], width = 640) {
  const key = `${width}:${[...codes].sort().join(',')}`;
  const cached = projectedCache.get(key);
  if (cached) return cached;
  const all = allBoundaries();
  const shapes = codes.map((code) => all.get(code)).filter((b): b is Boundary => b !== undefined);
  const projection = fitProjection(shapes, width);
  const result = {
    width: projection.width,
    height: projection.height,
    shapes: shapes.map((s) => ({ code: s.code, path: pathOf(s.rings, projection) })),
  };
  projectedCache.set(key, result);
  return result;
}
