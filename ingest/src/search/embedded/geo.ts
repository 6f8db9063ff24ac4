const EARTH_RADIUS_METERS = 6_371_008.8;
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance. @example Math.round(haversineMeters(9.6, 105.97, 9.6, 105.97)) === 0 */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = radians(lat2 - lat1);
  const dLon = radians(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

export interface GeoCircle {
  lat: number;
  lon: number;
  radiusMeters: number;
}

/** A cheap box test before the exact distance; the box always contains the circle. */
export function withinRadius(circle: GeoCircle, lat: number, lon: number): boolean {
  const latSpan = circle.radiusMeters / 111_000 + 1e-6;
  if (Math.abs(lat - circle.lat) > latSpan) return false;
  const lonSpan = latSpan / Math.max(Math.cos(radians(Math.max(Math.abs(circle.lat), Math.abs(lat)))), 1e-6);
  if (lonSpan < 180 && Math.abs(((lon - circle.lon + 540) % 360) - 180) > lonSpan) return false;
  return haversineMeters(circle.lat, circle.lon, lat, lon) <= circle.radiusMeters;
}
