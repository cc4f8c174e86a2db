/**
 * The local plane the synthetic generators draw on: metres east (x) and north (y) of a centre, mapped to WGS-84
 * longitude and latitude by a linear (equirectangular) map, exact enough for a county. Being linear, the map
 * keeps straight lines straight and points inside a polygon inside it.
 * @module
 */

/** Metres per degree of latitude (mean, WGS-84). */
const METRES_PER_DEGREE_LATITUDE = 110_574;
/** Metres per degree of longitude at the equator (WGS-84). */
const METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;
/** Coordinates are rounded to 7 decimals of a degree (about 1 cm), so that output bytes are stable. */
const DECIMALS = 1e7;

/** A local plane around a centre; see the module documentation. */
export interface LocalPlane {
  /** Maps a point in metres (x east, y north of the centre) to [longitude, latitude], rounded to 1e-7°. */
  toLonLat(x: number, y: number): [number, number];
}

/**
 * Makes the local plane around `center`.
 * @param center - [longitude, latitude] in WGS-84 degrees
 */
export function localPlane(center: readonly [number, number]): LocalPlane {
  const [lon0, lat0] = center;
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  return {
    toLonLat: (x, y) => [
      Math.round((lon0 + x / metresPerDegreeLongitude) * DECIMALS) / DECIMALS,
      Math.round((lat0 + y / METRES_PER_DEGREE_LATITUDE) * DECIMALS) / DECIMALS,
    ],
  };
}
