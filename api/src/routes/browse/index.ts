import { EthnicGroupList, PlaceList } from '@disan/schemas';
import { ethnicGroups, places } from '../../services/places.ts';
import { ERRORS, type RoutePlugin } from '../context.ts';

/** Browse entry points: provinces (with a map point) and ethnic groups, counting only what the viewer may see. */
export const browseRoutes: RoutePlugin = (app, { archive }, done) => {
  app.get(
    '/places',
    { config: { publicCache: true, access: 'readFilter' }, schema: { operationId: 'listPlaces', summary: 'Provinces with item counts and a map point', tags: ['browse'], response: { 200: PlaceList, ...ERRORS } } },
    async (request) => ({ places: await places(archive, request.viewer) }),
  );
  app.get(
    '/ethnic-groups',
    { config: { publicCache: true, access: 'readFilter' }, schema: { operationId: 'listEthnicGroups', summary: 'Ethnic groups with item counts', tags: ['browse'], response: { 200: EthnicGroupList, ...ERRORS } } },
    async (request) => ({ ethnicGroups: await ethnicGroups(archive, request.viewer) }),
  );
  done();
};
