import { annotationRoutes } from '../../../_lib/annotations';

export const { GET, POST } = annotationRoutes('voyage');
