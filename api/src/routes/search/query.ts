import { Value } from 'typebox/value';
import { DEFAULT_FACETS, GeoRadius, type SearchParams, type SearchQuery } from '@disan/schemas';
import { ValidationError } from '@disan/ingest';
import { filtersOf } from '../../http/lists.ts';

/** The search service's query from validated query parameters. */
export function toSearchQuery(params: SearchParams): SearchQuery {
  const geo = geoOf(params);
  return {
    q: params.q ?? '',
    filters: filtersOf(params),
    facets: params.facets ?? [...DEFAULT_FACETS],
    ...(params.sort ? { sort: params.sort } : {}),
    ...(params.lang ? { lang: params.lang } : {}),
    ...(geo ? { geo } : {}),
    page: params.page ?? 1,
    pageSize: params.pageSize ?? 20,
  };
}

/** `near=lat,lon,km` or `lat`, `lon` and `radius` (km) together; radius in the query is in metres. */
function geoOf(params: SearchParams): SearchQuery['geo'] {
  const parts = [params.lat, params.lon, params.radius];
  if (params.near !== undefined && parts.some((p) => p !== undefined)) throw new ValidationError('query parameter "near" cannot be combined with "lat", "lon" and "radius"; use one form');
  let lat, lon, km;
  if (params.near !== undefined) [lat, lon, km] = params.near.split(',').map(Number);
  else if (parts.every((p) => p !== undefined)) [lat, lon, km] = parts;
  else if (parts.some((p) => p !== undefined)) throw new ValidationError('query parameters "lat", "lon" and "radius" (km) go together; one is missing');
  else return undefined;
  const geo = { lat, lon, radiusMeters: (km ?? NaN) * 1000 };
  if (!Value.Check(GeoRadius, geo)) {
    throw new ValidationError(`query parameter "${params.near === undefined ? 'lat/lon/radius' : 'near'}" must be a latitude (-90..90), a longitude (-180..180) and a radius in km (up to 20000)`);
  }
  return geo;
}
