import { deskRoutes } from '../../../_lib/desk';
import { methods } from '../../../_lib/methods';

const desk = deskRoutes('vessel');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: desk.history });
