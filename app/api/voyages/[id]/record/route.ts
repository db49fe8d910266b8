import { deskRoutes } from '../../../_lib/desk';
import { methods } from '../../../_lib/methods';

/** The voyage in its editable form (GET /api/voyages/{id} is the detail with route and evidence). */
const desk = deskRoutes('voyage');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: desk.read });
