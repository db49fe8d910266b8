import { annotationRoutes } from '../../../_lib/annotations';
import { methods } from '../../../_lib/methods';

const notes = annotationRoutes('vessel');

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = methods({ GET: notes.GET, POST: notes.POST });
