import { deskRoutes } from '../../_lib/desk';

export const { read: GET, update: PATCH, remove: DELETE } = deskRoutes('claim');
