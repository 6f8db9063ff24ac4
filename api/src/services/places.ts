import { ETHNIC_GROUPS, type EthnicGroupCode, type EthnicGroupView, type PlaceView } from '@disan/schemas';
import type { Viewer } from '@disan/ingest/access/index.ts';
import { browse, countsBy, type BrowseDeps } from './browse.ts';

/** Points read per province to place its marker; enough for a centre, cheap to fetch. */
const POINTS_PER_PROVINCE = 100;

/** Provinces with the items the viewer may see there, each with a map point (the centre of those items' points). */
export async function places(deps: BrowseDeps, viewer: Viewer): Promise<PlaceView[]> {
  const counts = await countsBy(deps, viewer, 'province');
  const provinces = Object.entries(counts).filter(([, count]) => count > 0);
  return Promise.all(
    provinces.map(async ([province, count]) => {
      const result = await browse(deps, viewer, { filters: { province: [province] }, pageSize: POINTS_PER_PROVINCE });
      const points = result.hits.flatMap((hit) => (hit.geo ? [hit.geo] : []));
      const geo = points.length === 0 ? null : { lat: mean(points.map((p) => p.lat)), lon: mean(points.map((p) => p.lon)) };
      return { province, count, geo };
    }),
  ).then((list) => list.sort((a, b) => b.count - a.count || a.province.localeCompare(b.province, 'vi')));
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Ethnic groups that have items the viewer may see, most items first. */
export async function ethnicGroups(deps: BrowseDeps, viewer: Viewer): Promise<EthnicGroupView[]> {
  const counts = await countsBy(deps, viewer, 'ethnicGroups');
  return Object.entries(counts)
    .filter((entry): entry is [EthnicGroupCode, number] => entry[1] > 0 && entry[0] in ETHNIC_GROUPS)
    .map(([code, count]) => ({ code, label: { vi: ETHNIC_GROUPS[code].vi, en: ETHNIC_GROUPS[code].en }, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}
