import { deskRoutes } from '../../../_lib/desk';

/** The voyage in its editable form (GET /api/voyages/{id} is the detail with route and evidence). */
export const { read: GET } = deskRoutes('voyage');
