import { deskRoutes } from '../../../_lib/desk';
import { methods } from '../../../_lib/methods';

const desk = deskRoutes('claim');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ POST: desk.restore });
